package vn.inspectorate.contracts.reference;

import java.time.OffsetDateTime;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A year of the public calendar was loaded by a platform admin: every day off (holidays and compensatory days off) and
 * every compensatory working day of {@code year}, replacing what a reader held for that year. {@code calendarId} is a
 * name-based UUID of the year (see {@link #calendarIdOf}).
 */
public record CalendarLoaded(
        UUID calendarId,
        long version,
        OffsetDateTime occurredAt,
        UUID changeId,
        int year,
        String source,
        List<CalendarDay> days) {

    /** One day that differs from the ordinary week: a day off on a weekday, or a working Saturday or Sunday. */
    public record CalendarDay(LocalDate day, String kind, String occasion) {
    }

    /** The aggregate id of the calendar of {@code year}: the same on every service. */
    public static UUID calendarIdOf(int year) {
        return UUID.nameUUIDFromBytes(("public-calendar:" + year).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
