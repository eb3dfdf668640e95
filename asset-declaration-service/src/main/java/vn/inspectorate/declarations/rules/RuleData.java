package vn.inspectorate.declarations.rules;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import vn.inspectorate.declarations.calendar.PublicCalendarCopy;
import vn.inspectorate.platform.reference.ReferenceSnapshot;
import vn.inspectorate.platform.sql.Sql;

/**
 * Dated legal numbers from {@code rule_parameter}: the value in force on a given date. The table is read whole and
 * kept (a few rows per code); an admin's new version in this instance is read at once after its commit
 * ({@link #invalidate()}), one made through another instance when its event arrives
 * ({@code RuleChanges#changed}), and {@link RuleDataConfig#maxAge()} is the backstop (a migration, an event missed).
 */
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

    /** One stored version of a parameter. */
    private record Version(LocalDate from, LocalDate to, long value) {
        boolean inForceOn(LocalDate on) {
            return !from.isAfter(on) && (to == null || !to.isBefore(on));
        }
    }

    private static final String PARAMETERS = "select code, effective_from, effective_to, value from rule_parameter";

    private final Sql sql;
    private final PublicCalendarCopy calendar;
    /** Code → its versions by effective date. */
    private final ReferenceSnapshot<Map<String, NavigableMap<LocalDate, Version>>> parameters;

    RuleData(Sql sql, PublicCalendarCopy calendar, RuleDataConfig config) {
        this.sql = sql;
        this.calendar = calendar;
        this.parameters = new ReferenceSnapshot<>(config.maxAge(), this::load);
    }

    public long value(String code, LocalDate on) {
        NavigableMap<LocalDate, Version> versions = parameters.get().get(code);
        if (versions != null) {
            // the latest version begun by then that has not ended (versions do not overlap)
            for (Version v : versions.headMap(on, true).descendingMap().values()) {
                if (v.inForceOn(on)) {
                    return v.value();
                }
            }
        }
        throw new IllegalStateException("no rule parameter " + code + " in force on " + on);
    }

    public int intValue(String code, LocalDate on) {
        return Math.toIntExact(value(code, on));
    }

    /** Reads the table again at the next use (after a change committed). */
    public void invalidate() {
        parameters.invalidate();
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

    private Map<String, NavigableMap<LocalDate, Version>> load() {
        Map<String, NavigableMap<LocalDate, Version>> byCode = new HashMap<>();
        for (Map.Entry<String, Version> row : sql.query(PARAMETERS, List.of(), rs -> Map.entry(rs.getString(1),
                new Version(rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class), rs.getLong(4))))) {
            byCode.computeIfAbsent(row.getKey(), c -> new TreeMap<>()).put(row.getValue().from(), row.getValue());
        }
        return Map.copyOf(byCode);
    }
}
