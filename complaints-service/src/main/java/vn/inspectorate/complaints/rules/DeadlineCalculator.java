package vn.inspectorate.complaints.rules;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import vn.inspectorate.complaints.reference.ReferenceDataConfig;
import vn.inspectorate.platform.reference.ReferenceSnapshot;
import vn.inspectorate.reference.WorkingCalendar;

/**
 * Adds a rule's days to a date, in calendar days or in working days (weekends and days off skipped, compensatory
 * working days counted), by the public calendar loaded in {@code public_holiday}.
 */
@ApplicationScoped
public class DeadlineCalculator {

    private final EntityManager em;
    private final ReferenceSnapshot<WorkingCalendar> calendar;

    DeadlineCalculator(EntityManager em, ReferenceDataConfig config) {
        this.em = em;
        this.calendar = new ReferenceSnapshot<>(config.maxAge(), this::loadCalendar);
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
        return calendar.get();
    }

    /** Reads the calendar again at the next use: a loaded year applies at once. */
    public void refresh() {
        calendar.invalidate();
    }

    /** Every day off and compensatory working day: a few dozen rows a year. */
    @SuppressWarnings("unchecked")
    private WorkingCalendar loadCalendar() {
        List<Object[]> rows = em.createNativeQuery("select day, kind from public_holiday").getResultList();
        List<LocalDate> daysOff = new ArrayList<>();
        List<LocalDate> workingDays = new ArrayList<>();
        Set<Integer> years = new HashSet<>();
        for (Object[] r : rows) {
            LocalDate day = r[0] instanceof Date d ? d.toLocalDate() : (LocalDate) r[0];
            ("WORKING_DAY".equals(r[1]) ? workingDays : daysOff).add(day);
            years.add(day.getYear());
        }
        return new WorkingCalendar(daysOff, workingDays, years);
    }
}
