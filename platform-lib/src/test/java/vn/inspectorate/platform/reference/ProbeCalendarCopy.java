package vn.inspectorate.platform.reference;

import jakarta.inject.Singleton;
import java.time.Duration;
import vn.inspectorate.platform.calendar.CalendarCopy;
import vn.inspectorate.platform.calendar.CalendarTable;
import vn.inspectorate.platform.sql.Sql;

/** A service's copy of the public calendar, kept for an hour: only an event makes it read again. */
@Singleton
public class ProbeCalendarCopy extends CalendarCopy {

    ProbeCalendarCopy(Sql sql) {
        super(sql, new CalendarTable("test_calendar_day", "occasion"), Duration.ofHours(1));
    }
}
