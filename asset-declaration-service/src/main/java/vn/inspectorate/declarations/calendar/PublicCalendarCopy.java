package vn.inspectorate.declarations.calendar;

import jakarta.inject.Singleton;
import vn.inspectorate.platform.calendar.CalendarCopy;
import vn.inspectorate.platform.calendar.CalendarTable;
import vn.inspectorate.platform.sql.Sql;

/**
 * This service's copy of the public calendar, in {@code public_calendar_day (day, kind, occasion)}, kept until a loaded
 * year arrives (in any instance: see {@link vn.inspectorate.platform.calendar.CalendarCopy}) or its maximum age, a
 * minute by default, has passed.
 */
@Singleton
public class PublicCalendarCopy extends CalendarCopy {

    static final CalendarTable TABLE = new CalendarTable("public_calendar_day", "occasion");

    PublicCalendarCopy(Sql sql, CalendarConfig config) {
        super(sql, TABLE, config.maxAge());
    }
}
