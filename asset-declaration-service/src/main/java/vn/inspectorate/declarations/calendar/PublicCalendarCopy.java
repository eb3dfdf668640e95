package vn.inspectorate.declarations.calendar;

import jakarta.inject.Singleton;
import java.time.Duration;
import vn.inspectorate.platform.calendar.CalendarCopy;
import vn.inspectorate.platform.calendar.CalendarTable;
import vn.inspectorate.platform.sql.Sql;

/**
 * This service's copy of the public calendar, in {@code public_calendar_day (day, kind, occasion)}, kept until a loaded
 * year arrives ({@link CalendarEventsConsumer}) or a minute has passed.
 */
@Singleton
public class PublicCalendarCopy extends CalendarCopy {

    static final CalendarTable TABLE = new CalendarTable("public_calendar_day", "occasion");
    private static final Duration MAX_AGE = Duration.ofMinutes(1);

    PublicCalendarCopy(Sql sql) {
        super(sql, TABLE, MAX_AGE);
    }
}
