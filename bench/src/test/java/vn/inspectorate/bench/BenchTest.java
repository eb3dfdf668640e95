package vn.inspectorate.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import vn.inspectorate.bench.core.Scenario;

class BenchTest {

    @Test
    void allRunsEveryScenarioWithTheFootprintFirstAndTheLargeLoadLast() {
        assertThat(Bench.choose(new String[] {"all"})).extracting(Scenario::name)
                .containsExactly("footprint", "intake", "bulk", "backfill", "events", "rebuild", "reports");
        assertThat(Bench.choose(new String[] {"bulk", "intake"})).extracting(Scenario::name)
                .containsExactly("bulk", "intake");
    }

    @Test
    void theProfileSwitchIsTakenOutOfTheScenarioNames() {
        System.clearProperty("bench.profile");
        try {
            assertThat(Bench.options(new String[] {"intake", "--profile", "bulk"})).containsExactly("intake", "bulk");
            assertThat(System.getProperty("bench.profile")).isEqualTo("true");
        } finally {
            System.clearProperty("bench.profile");
        }
        assertThatThrownBy(() -> Bench.options(new String[] {"--profil", "intake"}))
                .hasMessageContaining("unknown switch --profil");
    }

    @Test
    void anUnknownScenarioOrNoneIsRefusedWithTheKnownNames() {
        assertThatThrownBy(() -> Bench.choose(new String[] {"intak"})).hasMessageContaining("no scenario 'intak'")
                .hasMessageContaining("footprint");
        assertThatThrownBy(() -> Bench.choose(new String[0])).hasMessageContaining("usage");
    }
}
