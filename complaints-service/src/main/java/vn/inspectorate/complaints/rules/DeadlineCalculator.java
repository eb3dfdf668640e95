package vn.inspectorate.complaints.rules;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Date;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import vn.inspectorate.complaints.reference.ReferenceDataConfig;
import vn.inspectorate.complaints.reference.ReferenceSnapshot;

/** Adds a rule's days to a date, in calendar days or in working days (weekends and public holidays skipped). */
@ApplicationScoped
public class DeadlineCalculator {

    private final EntityManager em;
    private final ReferenceSnapshot<Set<LocalDate>> holidays;

    DeadlineCalculator(EntityManager em, ReferenceDataConfig config) {
        this.em = em;
        this.holidays = new ReferenceSnapshot<>(config.maxAge(), this::loadHolidays);
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
            case WORKING_DAYS -> addWorkingDays(from, days);
            case COUNT -> throw new IllegalArgumentException("a count is not a duration");
        };
    }

    private LocalDate addWorkingDays(LocalDate from, int days) {
        Set<LocalDate> holidays = this.holidays.get();
        LocalDate day = from;
        int counted = 0;
        while (counted < days) {
            day = day.plusDays(1);
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY
                    && !holidays.contains(day)) {
                counted++;
            }
        }
        return day;
    }

    /** Every public holiday: a few dozen rows a decade. */
    @SuppressWarnings("unchecked")
    private Set<LocalDate> loadHolidays() {
        List<Object> rows = em.createNativeQuery("select day from public_holiday").getResultList();
        Set<LocalDate> days = new HashSet<>();
        for (Object r : rows) {
            days.add(r instanceof Date d ? d.toLocalDate() : (LocalDate) r);
        }
        return Set.copyOf(days);
    }
}
