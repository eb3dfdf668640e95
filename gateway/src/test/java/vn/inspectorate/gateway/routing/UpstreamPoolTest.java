package vn.inspectorate.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UpstreamPoolTest {

    private final UpstreamPool pool = new UpstreamPool("complaints",
            List.of("http://localhost:1001", "http://localhost:1002"), 60_000);

    @Test
    void instancesAreTakenInTurnAndATriedOneIsNotTakenAgain() {
        List<UpstreamPool.Instance> tried = new ArrayList<>();
        tried.add(pool.pick(tried).orElseThrow());
        tried.add(pool.pick(tried).orElseThrow());

        assertThat(tried).containsExactlyInAnyOrderElementsOf(pool.instances());
        assertThat(pool.pick(tried)).isEmpty();
    }

    @Test
    void whenEveryInstanceIsOutTheOneBackSoonestAmongTheUnreachableIsTriedAnyway() throws InterruptedException {
        UpstreamPool.Instance first = pool.instances().get(0);
        UpstreamPool.Instance second = pool.instances().get(1);
        pool.ejectUnreachable(first, "connection failed");
        Thread.sleep(5);
        pool.ejectUnreachable(second, "connection failed");

        assertThat(pool.pick(List.of())).contains(first);
        assertThat(pool.pick(List.of(first))).contains(second);
        assertThat(pool.pick(List.of(first, second))).isEmpty();
    }

    @Test
    void anInstanceOutForATimeoutOrA503IsNotTriedAsALastResort() {
        UpstreamPool.Instance first = pool.instances().get(0);
        UpstreamPool.Instance second = pool.instances().get(1);
        pool.eject(first, "timed out");
        pool.eject(second, "answered 503");

        assertThat(pool.pick(List.of())).isEmpty();

        pool.ejectUnreachable(second, "connection failed");
        assertThat(pool.pick(List.of())).contains(second);
    }

    @Test
    void anAvailableInstanceComesBeforeAnyEjectedOne() {
        UpstreamPool.Instance first = pool.instances().get(0);
        pool.ejectUnreachable(first, "connection failed");

        for (int i = 0; i < 4; i++) {
            assertThat(pool.pick(List.of())).contains(pool.instances().get(1));
        }
    }
}
