package vn.inspectorate.complaints.reference;

import jakarta.inject.Singleton;
import vn.inspectorate.platform.calendar.CalendarCopy;
import vn.inspectorate.platform.calendar.CalendarTable;
import vn.inspectorate.platform.sql.Sql;

/**
 * This service's copy of the public calendar, in {@code public_holiday (day, name, kind)}, trusted for the reference
 * data's maximum age.
 */
@Singleton
public class PublicHolidays extends CalendarCopy {

    static final CalendarTable TABLE = new CalendarTable("public_holiday", "name");

    PublicHolidays(Sql sql, ReferenceDataConfig config) {
        super(sql, TABLE, config.maxAge());
    }
}
