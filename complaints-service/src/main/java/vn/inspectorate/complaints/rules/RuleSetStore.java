package vn.inspectorate.complaints.rules;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import vn.inspectorate.complaints.rules.RuleSetApi.Addition;
import vn.inspectorate.contracts.TimeOrderedIds;
import vn.inspectorate.platform.sql.Sql;

/**
 * All SQL of rule sets: the dated versions, their values, and the record of who added one. Rule sets are plain rows,
 * not entities: a set is never changed once added.
 */
@ApplicationScoped
class RuleSetStore {

    private static final String VALUES = """
            select rule_set_version, rule, unit, normal_value, complex_value, remote_value, remote_complex_value
            from rule_value""";

    private static final String SETS = """
            select s.version, s.effective_from, s.next_from, s.paused_time_counts, s.legal_basis,
                   c.changed_by, c.changed_at, c.reason
            from (select r.*, lead(effective_from) over (order by effective_from) as next_from from rule_set r) s
            left join rule_set_change c on c.rule_set_version = s.version and c.kind = 'RULE_SET_ADDED'
            """;

    /** Which sets a read of {@link #SETS} keeps: each a constant fragment with at most one bound value. */
    enum Selection {
        ALL(""), VERSION("where s.version = ?\n"), EFFECTIVE_FROM("where s.effective_from = ?\n");

        private final String where;

        Selection(String where) {
            this.where = where;
        }
    }

    /** A set as stored, with the next set's date and, when it came through the API, who added it. */
    record StoredSet(String version, LocalDate effectiveFrom, LocalDate nextFrom, boolean pausedTimeCounts,
            String legalBasis, Addition added) {
    }

    private final Sql sql;

    RuleSetStore(Sql sql) {
        this.sql = sql;
    }

    /** One writer of rule sets at a time, until the transaction ends. */
    void lockWriters() {
        sql.lockUntilCommit("rule_set");
    }

    /** The sets of {@code selection} (bound to {@code value} unless {@link Selection#ALL}), oldest first. */
    List<StoredSet> sets(Selection selection, Object value) {
        return sql.query(SETS + selection.where + "order by s.effective_from",
                selection == Selection.ALL ? List.of() : List.of(value),
                rs -> new StoredSet(rs.getString(1), rs.getObject(2, LocalDate.class),
                        rs.getObject(3, LocalDate.class), rs.getBoolean(4), rs.getString(5),
                        rs.getString(6) == null ? null : new Addition(rs.getString(6),
                                rs.getObject(7, OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC),
                                rs.getString(8))));
    }

    /** The values of every set, by version (a dozen rows per set, and a few sets). */
    Map<String, List<RuleValue>> allValues() {
        Map<String, List<RuleValue>> values = new LinkedHashMap<>();
        for (Map.Entry<String, RuleValue> row : sql.query(VALUES, List.of(),
                rs -> Map.entry(rs.getString(1), value(rs)))) {
            values.computeIfAbsent(row.getKey(), k -> new ArrayList<>()).add(row.getValue());
        }
        return values;
    }

    /** The set {@code version} with its values. */
    RuleSet ruleSet(String version) {
        Map<Rule, RuleValue> values = new EnumMap<>(Rule.class);
        for (RuleValue v : sql.query(VALUES + " where rule_set_version = ?", List.of(version), RuleSetStore::value)) {
            values.put(v.rule(), v);
        }
        return sql.queryFirst("select effective_from, paused_time_counts from rule_set where version = ?",
                List.of(version), rs -> new RuleSet(version, rs.getObject(1, LocalDate.class), rs.getBoolean(2),
                        Map.copyOf(values)))
                .orElseThrow(() -> new IllegalStateException("no rule set " + version));
    }

    /** The versions by effective date. */
    NavigableMap<LocalDate, String> versionsByDate() {
        NavigableMap<LocalDate, String> byDate = new TreeMap<>();
        for (Map.Entry<LocalDate, String> row : sql.query("select effective_from, version from rule_set", List.of(),
                rs -> Map.entry(rs.getObject(1, LocalDate.class), rs.getString(2)))) {
            byDate.put(row.getKey(), row.getValue());
        }
        return byDate;
    }

    /** The effective date of the latest set; null when there is none. */
    LocalDate latestEffectiveFrom() {
        return sql.queryFirst("select max(effective_from) from rule_set", List.of(),
                rs -> rs.getObject(1, LocalDate.class)).orElse(null);
    }

    /** Adds a set with its values and the record of who added it, when, why and with what details (JSON). */
    void add(String version, LocalDate effectiveFrom, boolean pausedTimeCounts, String legalBasis,
            List<RuleSetApi.RuleValueBody> values, String changedBy, String reason, String detailsJson) {
        sql.update("""
                insert into rule_set (version, effective_from, paused_time_counts, legal_basis)
                values (?, ?, ?, ?)""", List.of(version, effectiveFrom, pausedTimeCounts, legalBasis));
        sql.batch("""
                insert into rule_value (rule_set_version, rule, unit, normal_value, complex_value, remote_value,
                    remote_complex_value) values (?, ?, ?, ?, ?, ?, ?)""", values.stream()
                .map(v -> Arrays.<Object>asList(version, v.rule(), v.unit(), v.normal(), v.complex(),
                        v.remote(), v.remoteComplex())).toList());
        sql.update("""
                insert into rule_set_change (id, kind, rule_set_version, changed_by, changed_at, reason, details)
                values (?, 'RULE_SET_ADDED', ?, ?, ?, ?, cast(? as jsonb))""", List.of(TimeOrderedIds.next(), version,
                changedBy, OffsetDateTime.now(ZoneOffset.UTC), reason, detailsJson));
    }

    private static RuleValue value(ResultSet rs) throws SQLException {
        return new RuleValue(Rule.valueOf(rs.getString(2)), DayUnit.valueOf(rs.getString(3)), rs.getInt(4),
                rs.getObject(5, Integer.class), rs.getObject(6, Integer.class), rs.getObject(7, Integer.class));
    }
}
