package vn.inspectorate.platform.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class VietnamTimeTest {

    @AfterEach
    void systemClock() {
        VietnamTime.reset();
    }

    @Test
    void halfPastMidnightInVietnamIsStillTheDayBeforeInUtc() {
        Instant instant = Instant.parse("2026-03-31T17:30:00Z");
        VietnamTime.placeAt(instant);

        assertThat(LocalDate.ofInstant(instant, ZoneOffset.UTC)).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(VietnamTime.today()).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(VietnamTime.now().toInstant()).isEqualTo(instant);
        assertThat(VietnamTime.now().getOffset()).isEqualTo(ZoneOffset.UTC);
    }

    @Test
    void aPlacedClockInAnotherZoneStillGivesVietnamsDate() {
        VietnamTime.place(Clock.fixed(Instant.parse("2025-12-31T18:00:00Z"), ZoneOffset.UTC));

        assertThat(VietnamTime.today()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(VietnamTime.clock().getZone()).isEqualTo(VietnamTime.ZONE);
    }

    @Test
    void resetReturnsToTheSystemClock() {
        VietnamTime.placeAt(Instant.parse("2000-01-01T00:00:00Z"));
        VietnamTime.reset();

        assertThat(VietnamTime.today()).isEqualTo(LocalDate.now(VietnamTime.ZONE));
    }
}
