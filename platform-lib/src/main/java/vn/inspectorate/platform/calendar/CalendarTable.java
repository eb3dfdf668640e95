package vn.inspectorate.platform.calendar;

import java.util.regex.Pattern;

/**
 * Where a service keeps its copy of the public calendar: a table of the days that differ from the ordinary week,
 * with a {@code day date} key, a {@code kind text} ({@code DAY_OFF} or {@code WORKING_DAY}) and a text column naming
 * the occasion, next to {@code public_calendar_version (year, version)}. The services' tables predate this package and
 * keep their names; each service names its own from constants of its code. The statements are built once from these
 * names, which must be plain lower-case identifiers; every value in them is bound.
 */
public record CalendarTable(String table, String occasionColumn) {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");

    public CalendarTable {
        if (!IDENTIFIER.matcher(table).matches() || !IDENTIFIER.matcher(occasionColumn).matches()) {
            throw new IllegalArgumentException("not a plain identifier: " + table + "." + occasionColumn);
        }
    }

    String selectDays() {
        return "select day, kind from " + table;
    }

    String deleteYear() {
        return "delete from " + table + " where extract(year from day) = ?";
    }

    String insertDay() {
        return "insert into " + table + " (day, " + occasionColumn + ", kind) values (?, ?, ?)";
    }
}
