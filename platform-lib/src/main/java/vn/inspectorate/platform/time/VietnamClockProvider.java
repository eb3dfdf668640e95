package vn.inspectorate.platform.time;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ClockProvider;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The clock of Bean Validation's date constraints ({@code @PastOrPresent} and the like): Vietnam's, not the server's.
 * With the server's (UTC), a date of today in Vietnam was "in the future" from midnight to 07:00 in Vietnam.
 */
@ApplicationScoped
public class VietnamClockProvider implements ClockProvider {

    private static final Clock PLATFORM = new PlatformClock(VietnamTime.ZONE);

    @Override
    public Clock getClock() {
        return PLATFORM;
    }

    /**
     * Reads {@link VietnamTime}'s clock at every tick. Hibernate Validator's date validators keep the clock they were
     * first given, so handing them the clock in use at that moment would tie them to it for good, and a clock placed
     * later (tests) would never be the one they judge by.
     */
    private static final class PlatformClock extends Clock {

        private final ZoneId zone;

        PlatformClock(ZoneId zone) {
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return other.equals(zone) ? this : new PlatformClock(other);
        }

        @Override
        public Instant instant() {
            return VietnamTime.instant();
        }
    }
}
