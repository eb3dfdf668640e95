package vn.inspectorate.bench.footprint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class StartsTest {

    @Test
    void theMedianIgnoresOneSlowStart() {
        assertThat(Starts.median(List.of(2.1, 9.0, 2.3))).isEqualTo(2.3);
        assertThat(Starts.median(List.of(4.0, 2.0))).isEqualTo(3.0);
        assertThat(Starts.median(List.of())).isNaN();
    }

    @Test
    void aServicesRatiosAreItsMediansOverTheBareAppsInWallAndCpuTime() {
        Starts bare = new Starts();
        bare.add(1.2, 2.0);
        bare.add(1.0, 1.6);
        bare.add(5.0, 1.8);
        Starts service = new Starts();
        service.add(1.5, 4.0);
        service.add(1.7, 3.6);
        service.add(1.6, 9.0);

        Starts.Ratios ratios = service.over(bare);

        assertThat(ratios.wall()).isCloseTo(1.6 / 1.2, within(1e-9));
        assertThat(ratios.cpu()).isCloseTo(4.0 / 1.8, within(1e-9));
        assertThat(Starts.ratio(1.0, 0)).isNaN();
    }
}
