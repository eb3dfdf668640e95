package vn.inspectorate.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ScheduledSendsTest {

    @Test
    void aScheduleSpacesItsSendsEvenlyFromTheFirst() {
        ScheduledSends.Schedule s = ScheduledSends.Schedule.of(56.5, 20);

        assertThat(s.total()).isEqualTo(1130);
        assertThat(s.offsetNanos(0)).isZero();
        assertThat(s.offsetNanos(113)).isEqualTo(2_000_000_000L);
        // a fractional rate does not drift: the 1,129th send is due where 1129 / 56.5 s says, not 1129 rounded steps
        assertThat(s.offsetNanos(1129)).isEqualTo(Math.round(1129 / 56.5 * 1e9));
    }

    @Test
    void aScheduleWithoutARateIsRefused() {
        assertThatThrownBy(() -> ScheduledSends.Schedule.of(0, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ScheduledSends.Schedule.of(Double.NaN, 10))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theAchievedRateCountsTheIntervalsBetweenTheFirstAndTheLastSend() {
        // 101 sends on time at 50/s span 2 s
        assertThat(ScheduledSends.achievedRate(101, 0, 2_000_000_000L)).isCloseTo(50.0, within(1e-9));
        // held back: the same sends over 4 s
        assertThat(ScheduledSends.achievedRate(101, 0, 4_000_000_000L)).isCloseTo(25.0, within(1e-9));
        assertThat(ScheduledSends.achievedRate(1, 0, 0)).isNaN();
    }
}
