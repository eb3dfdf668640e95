package vn.inspectorate.declarations.rules;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.List;
import vn.inspectorate.declarations.calendar.PublicCalendarCopy;

/** Dated legal numbers from {@code rule_parameter}: the value in force on a given date. */
@ApplicationScoped
public class RuleData {

    public static final String INCREASE_EXPLANATION_THRESHOLD = "INCREASE_EXPLANATION_THRESHOLD";
    public static final String MOVABLE_ITEM_THRESHOLD = "MOVABLE_ITEM_THRESHOLD";
    public static final String FIRST_TIME_DEADLINE_DAYS = "FIRST_TIME_DEADLINE_DAYS";
    public static final String ANNUAL_DEADLINE_MONTH = "ANNUAL_DEADLINE_MONTH";
    public static final String ANNUAL_DEADLINE_DAY = "ANNUAL_DEADLINE_DAY";
    public static final String REMINDERS_BEFORE_VIOLATION = "REMINDERS_BEFORE_VIOLATION";
    public static final String RANDOM_VERIFICATION_PERCENT = "RANDOM_VERIFICATION_PERCENT";
    public static final String VERIFICATION_RISK_SCORE = "VERIFICATION_RISK_SCORE";
    public static final String PUBLICATION_DAYS = "PUBLICATION_DAYS";

    private final EntityManager em;
    private final PublicCalendarCopy calendar;

    RuleData(EntityManager em, PublicCalendarCopy calendar) {
        this.em = em;
        this.calendar = calendar;
    }

    public long value(String code, LocalDate on) {
        @SuppressWarnings("unchecked")
        List<Number> rows = em.createNativeQuery("""
                select value from rule_parameter
                where code = ?1 and effective_from <= ?2 and (effective_to is null or effective_to >= ?2)
                order by effective_from desc limit 1""")
                .setParameter(1, code).setParameter(2, on).getResultList();
        if (rows.isEmpty()) {
            throw new IllegalStateException("no rule parameter " + code + " in force on " + on);
        }
        return rows.get(0).longValue();
    }

    public int intValue(String code, LocalDate on) {
        return Math.toIntExact(value(code, on));
    }

    /**
     * The deadline of an annual or supplementary declaration of {@code year}. Like every deadline here it is a legal
     * time limit: when its last day is a day off it ends on the next working day (Civil Code 91/2015 Art. 148 §5).
     */
    public LocalDate yearEndDeadline(int year) {
        LocalDate probe = LocalDate.of(year, 12, 31);
        return calendar.endOfTimeLimit(LocalDate.of(year, intValue(ANNUAL_DEADLINE_MONTH, probe),
                intValue(ANNUAL_DEADLINE_DAY, probe)));
    }

    /** The deadline of a first-time declaration for an appointment on {@code appointedOn}, moved off a day off. */
    public LocalDate firstTimeDeadline(LocalDate appointedOn) {
        return calendar.endOfTimeLimit(appointedOn.plusDays(value(FIRST_TIME_DEADLINE_DAYS, appointedOn)));
    }
}
