package vn.inspectorate.complaints.rules;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import vn.inspectorate.complaints.reference.PublicHolidays;
import vn.inspectorate.reference.WorkingCalendar;

/**
 * Adds a rule's days to a date, in calendar days or in working days (weekends and days off skipped, compensatory
 * working days counted), by the public calendar this service holds ({@link PublicHolidays}).
 */
@ApplicationScoped
public class DeadlineCalculator {

    private final PublicHolidays holidays;

    DeadlineCalculator(PublicHolidays holidays) {
        this.holidays = holidays;
    }

    /**
     * The last day of a legal time limit of {@code rule} counted from {@code from}: a limit in calendar days whose
     * last day is a day off ends on the next working day (Civil Code 91/2015 Art. 148 §5); one in working days ends
     * on a working day anyway.
     */
    public LocalDate deadline(LocalDate from, RuleValue rule, boolean complex, boolean remote) {
        return calendar().endOfTimeLimit(add(from, rule.unit(), rule.value(complex, remote)));
    }

    public LocalDate deadline(LocalDate from, RuleValue rule) {
        return deadline(from, rule, false, false);
    }

    public LocalDate add(LocalDate from, RuleValue rule, boolean complex, boolean remote) {
        return add(from, rule.unit(), rule.value(complex, remote));
    }

    public LocalDate add(LocalDate from, RuleValue rule) {
        return add(from, rule, false, false);
    }

    public LocalDate add(LocalDate from, DayUnit unit, int days) {
        return switch (unit) {
            case CALENDAR_DAYS -> from.plusDays(days);
            case WORKING_DAYS -> calendar().addWorkingDays(from, days);
            case COUNT -> throw new IllegalArgumentException("a count is not a duration");
        };
    }

    /** The public calendar as loaded (at most the reference data's maximum age old). */
    public WorkingCalendar calendar() {
        return holidays.calendar();
    }

    /** Reads the calendar again at the next use: a loaded year applies at once. */
    public void refresh() {
        holidays.refresh();
    }
}
