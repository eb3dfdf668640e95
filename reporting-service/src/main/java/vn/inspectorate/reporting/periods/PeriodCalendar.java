package vn.inspectorate.reporting.periods;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.inspectorate.platform.sql.Sql;

/**
 * Resolves period keys to dates. A sector period is made of statistical months that start on the calendar's start
 * day of the month before (15 Dec - 14 Jan is January); the start day comes from the {@code statistical_calendar}
 * rows, chosen by the first day of the period's nominal calendar range.
 */
@ApplicationScoped
public class PeriodCalendar {

    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern HALF = Pattern.compile("(\\d{4})-H([12])");

    private record Rule(Calendar calendar, LocalDate effectiveFrom, int startDay) {
    }

    private final Sql sql;
    private volatile List<Rule> rules;

    PeriodCalendar(Sql sql) {
        this.sql = sql;
    }

    /** The period named by {@code key} in {@code calendar}; empty when the key is not a period or is out of range. */
    public Optional<Period> parse(String key, Calendar calendar) {
        if (key == null) {
            return Optional.empty();
        }
        String k = key.trim().toUpperCase(java.util.Locale.ROOT);
        Matcher m;
        int year;
        int firstMonth;
        PeriodKind kind;
        if ((m = MONTH.matcher(k)).matches()) {
            year = Integer.parseInt(m.group(1));
            firstMonth = Integer.parseInt(m.group(2));
            if (firstMonth < 1 || firstMonth > 12) {
                return Optional.empty();
            }
            kind = PeriodKind.MONTH;
        } else if ((m = QUARTER.matcher(k)).matches()) {
            year = Integer.parseInt(m.group(1));
            firstMonth = (Integer.parseInt(m.group(2)) - 1) * 3 + 1;
            kind = PeriodKind.QUARTER;
        } else if ((m = HALF.matcher(k)).matches()) {
            year = Integer.parseInt(m.group(1));
            firstMonth = (Integer.parseInt(m.group(2)) - 1) * 6 + 1;
            kind = PeriodKind.HALF_YEAR;
        } else if ((m = YEAR.matcher(k)).matches()) {
            year = Integer.parseInt(m.group(1));
            firstMonth = 1;
            kind = PeriodKind.YEAR;
        } else {
            return Optional.empty();
        }
        if (year < 1991 || year > 2200) {
            return Optional.empty();
        }
        return Optional.of(of(k, kind, calendar, YearMonth.of(year, firstMonth)));
    }

    /** The period of {@code kind} beginning with the nominal month {@code first}. */
    public Period of(String key, PeriodKind kind, Calendar calendar, YearMonth first) {
        YearMonth last = first.plusMonths(kind.months() - 1L);
        int startDay = startDay(calendar, first.atDay(1));
        LocalDate start = startDay == 1 ? first.atDay(1) : first.minusMonths(1).atDay(startDay);
        int endStartDay = startDay(calendar, last.plusMonths(1).atDay(1));
        LocalDate end = endStartDay == 1 ? last.atEndOfMonth() : last.atDay(endStartDay).minusDays(1);
        return new Period(key, kind, calendar, start, end);
    }

    /** The same period one year earlier (for a custom range: the same dates a year earlier). */
    public Period previousYear(Period p) {
        if (p.custom()) {
            return new Period(p.key() + " -1y", null, p.calendar(), p.start().minusYears(1), p.end().minusYears(1));
        }
        YearMonth first = nominalFirstMonth(p).minusYears(1);
        return of(keyOf(p.kind(), first), p.kind(), p.calendar(), first);
    }

    /** The sub-periods of {@code kind} that make up {@code p}. */
    public List<Period> split(Period p, PeriodKind kind) {
        List<Period> parts = new ArrayList<>();
        YearMonth first = nominalFirstMonth(p);
        for (int i = 0; i < p.kind().months(); i += kind.months()) {
            YearMonth m = first.plusMonths(i);
            parts.add(of(keyOf(kind, m), kind, p.calendar(), m));
        }
        return parts;
    }

    /** The first nominal month of a named period. */
    public YearMonth nominalFirstMonth(Period p) {
        String k = p.key();
        int year = Integer.parseInt(k.substring(0, 4));
        return switch (p.kind()) {
            case MONTH -> YearMonth.of(year, Integer.parseInt(k.substring(5, 7)));
            case QUARTER -> YearMonth.of(year, (k.charAt(6) - '1') * 3 + 1);
            case HALF_YEAR -> YearMonth.of(year, (k.charAt(6) - '1') * 6 + 1);
            case YEAR -> YearMonth.of(year, 1);
        };
    }

    public static String keyOf(PeriodKind kind, YearMonth first) {
        return switch (kind) {
            case MONTH -> first.toString();
            case QUARTER -> first.getYear() + "-Q" + ((first.getMonthValue() - 1) / 3 + 1);
            case HALF_YEAR -> first.getYear() + "-H" + ((first.getMonthValue() - 1) / 6 + 1);
            case YEAR -> Integer.toString(first.getYear());
        };
    }

    private int startDay(Calendar calendar, LocalDate nominal) {
        return rules().stream()
                .filter(r -> r.calendar() == calendar && !r.effectiveFrom().isAfter(nominal))
                .reduce((a, b) -> b)
                .map(Rule::startDay)
                .orElseThrow(() -> new IllegalStateException("no " + calendar + " calendar rule in force on " + nominal));
    }

    private List<Rule> rules() {
        List<Rule> r = rules;
        if (r == null) {
            r = sql.query("""
                    select calendar, effective_from, period_start_day from statistical_calendar
                    order by calendar, effective_from""", List.of(), rs -> new Rule(Calendar.valueOf(rs.getString(1)),
                    rs.getDate(2).toLocalDate(), rs.getInt(3)));
            rules = r;
        }
        return r;
    }
}
