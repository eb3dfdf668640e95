package vn.inspectorate.reporting.periods;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * A reporting period: its key ({@code 2024-Q1}, {@code 2024-03}, {@code 2024-H1}, {@code 2024}, or
 * {@code 2024-01-10..2024-02-09} for a custom range), its calendar and its first and last day (inclusive).
 */
public record Period(String key, PeriodKind kind, Calendar calendar, LocalDate start, LocalDate end) {

    public long days() {
        return ChronoUnit.DAYS.between(start, end) + 1;
    }

    /** True for a range given by dates rather than a named period. */
    public boolean custom() {
        return kind == null;
    }
}
