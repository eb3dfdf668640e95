package vn.inspectorate.reporting.periods;

/** The reporting periods: a month, a quarter, a half-year or a year, in either calendar. */
public enum PeriodKind {
    MONTH(1), QUARTER(3), HALF_YEAR(6), YEAR(12);

    private final int months;

    PeriodKind(int months) {
        this.months = months;
    }

    public int months() {
        return months;
    }
}
