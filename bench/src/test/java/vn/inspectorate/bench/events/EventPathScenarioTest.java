package vn.inspectorate.bench.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class EventPathScenarioTest {

    @Test
    void theRateIsHalfTheCapacityIntakeMeasuredInTheSameRun() {
        assertThat(EventPathScenario.sustainedRate(OptionalDouble.of(412.0), null)).isEqualTo(206.0);
    }

    @Test
    void withoutIntakeTheRateIsTheGoalsOwn() {
        assertThat(EventPathScenario.sustainedRate(OptionalDouble.empty(), null)).isEqualTo(150.0);
        assertThat(EventPathScenario.sustainedRate(OptionalDouble.empty(), " ")).isEqualTo(150.0);
    }

    @Test
    void aRateSetForTheRunWinsOverTheMeasuredCapacity() {
        assertThat(EventPathScenario.sustainedRate(OptionalDouble.of(412.0), "80")).isEqualTo(80.0);
    }
}
