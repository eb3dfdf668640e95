package vn.inspectorate.platform.time;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The platform's clock. Legal days are Vietnamese calendar days whatever the server's zone, so every date derived from
 * the clock ("today", this year, this month) is taken in {@link #ZONE}; timestamps stay instants (written in UTC).
 * Tests place the clock with {@link #place(Clock)} (for instance just after midnight in Vietnam, still the previous
 * day in UTC) and put it back with {@link #reset()}.
 */
public final class VietnamTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private static final Clock SYSTEM = Clock.system(ZONE);
    private static volatile Clock clock = SYSTEM;

    private VietnamTime() {
    }

    /** Today's date in Vietnam. */
    public static LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The current instant, as the platform writes timestamps (UTC offset). */
    public static OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /** The current instant. */
    public static Instant instant() {
        return clock.instant();
    }

    /** The date in Vietnam of an instant. */
    public static LocalDate dateOf(Instant instant) {
        return LocalDate.ofInstant(instant, ZONE);
    }

    /** The clock in use, in the Vietnam zone. */
    public static Clock clock() {
        return clock;
    }

    /** Places the clock (tests); its zone is replaced by Vietnam's, since only its instant counts. */
    public static void place(Clock placed) {
        clock = Objects.requireNonNull(placed, "clock").withZone(ZONE);
    }

    /** Places the clock, fixed at {@code instant} (tests). */
    public static void placeAt(Instant instant) {
        place(Clock.fixed(instant, ZONE));
    }

    /** Back to the system clock. */
    public static void reset() {
        clock = SYSTEM;
    }
}
