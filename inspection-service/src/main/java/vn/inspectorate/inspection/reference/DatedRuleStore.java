package vn.inspectorate.inspection.reference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import vn.inspectorate.inspection.reference.DurationRuleVersions.NewVersion;
import vn.inspectorate.platform.sql.Sql;

/** All SQL of the dated rules: the duration rules and their versions, the inspection types, the legal numbers. */
@ApplicationScoped
public class DatedRuleStore {

    private static final String DURATION_RULE_LOCK = "duration_rule";

    private static final String INSERT_DURATION_RULE = """
            insert into duration_rule (level, re_inspection, base_days, extension_days, max_extensions,
                effective_from, source) values (?, ?, ?, ?, ?, ?, ?) returning id""";

    private static final String TYPES_IN_FORCE = """
            select type from inspection_type_rule where effective_from <= ?
            and (effective_to is null or effective_to >= ?) order by type""";

    private static final String PARAMETER = """
            select value from legal_parameter where name = ? and effective_from <= ?
            and (effective_to is null or effective_to >= ?) order by effective_from desc limit 1""";

    private final EntityManager em;
    private final Sql sql;

    DatedRuleStore(EntityManager em, Sql sql) {
        this.em = em;
        this.sql = sql;
    }

    /** The duration rules of a level take one new version at a time, until the transaction ends. */
    public void lockDurationRules() {
        sql.lockUntilCommit(DURATION_RULE_LOCK);
    }

    /** The latest version of a level's duration rule; null when there is none. */
    public DurationRule latestDurationRule(String level, boolean reInspection) {
        return DurationRule.<DurationRule>find("level = ?1 and reInspection = ?2 order by effectiveFrom desc",
                level, reInspection).firstResult();
    }

    /** The duration rule of a level in force on {@code on}. */
    public Optional<DurationRule> durationRuleInForce(String level, boolean reInspection, LocalDate on) {
        return DurationRule.<DurationRule>find("level = ?1 and reInspection = ?2 and effectiveFrom <= ?3 "
                + "and (effectiveTo is null or effectiveTo >= ?3)", level, reInspection, on).firstResultOptional();
    }

    /** Adds the version, after the changes the transaction holds (the previous version's end), and answers it. */
    public DurationRule addDurationRule(NewVersion v) {
        em.flush();
        long id = sql.queryFirst(INSERT_DURATION_RULE, Arrays.asList(v.level().name(), v.reInspection(),
                v.baseDays(), v.extensionDays(), v.maxExtensions(), v.effectiveFrom(), v.source().strip()),
                rs -> rs.getLong(1)).orElseThrow();
        return em.find(DurationRule.class, id);
    }

    /** The inspection types in force on {@code on}, by name. */
    public List<String> typesInForce(LocalDate on) {
        return sql.query(TYPES_IN_FORCE, Arrays.asList(on, on), rs -> rs.getString(1));
    }

    /** A dated legal number in force on {@code on}, if one is. */
    public Optional<Integer> parameter(String name, LocalDate on) {
        return sql.queryFirst(PARAMETER, Arrays.asList(name, on, on), rs -> rs.getInt(1));
    }
}
