package vn.inspectorate.declarations.ruleversions;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Date;
import java.time.LocalDate;
import java.time.Month;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.inspectorate.declarations.rules.ParameterCode;
import vn.inspectorate.declarations.ruleversions.RuleVersionsApi.NewParameterVersion;
import vn.inspectorate.declarations.ruleversions.RuleVersionsApi.ParameterVersionView;
import vn.inspectorate.declarations.ruleversions.RuleVersionsApi.Written;
import vn.inspectorate.platform.naturalkey.NaturalKeyMatch;
import vn.inspectorate.platform.problem.Problem.FieldError;
import vn.inspectorate.platform.problem.ProblemException;

/**
 * New versions of the dated legal numbers ({@code rule_parameter}), from an effective date. The previous version ends
 * the day before; declarations already judged keep what they were judged by, and one dated before the date still
 * gets the old value.
 */
@ApplicationScoped
public class ParameterVersions {

    private final EntityManager em;
    private final RuleChanges changes;

    ParameterVersions(EntityManager em, RuleChanges changes) {
        this.em = em;
        this.changes = changes;
    }

    /** Adds the version; the same version again answers it (200), another one from the same date is a 409. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Written<ParameterVersionView> add(NewParameterVersion v) {
        // one admin change of the parameters at a time: the order check and the closing of the previous version
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext('rule_parameter'))").getSingleResult();
        ParameterCode code = v.code();
        List<ParameterVersionView> versions = versions(code.name());
        requireInRange(v);
        ParameterVersionView latest = versions.isEmpty() ? null : versions.getLast();
        String description = v.description() == null || v.description().isBlank()
                ? (latest == null ? null : latest.description()) : v.description().strip();
        for (ParameterVersionView existing : versions) {
            if (existing.effectiveFrom().equals(v.effectiveFrom())) {
                NaturalKeyMatch.compare().field("value", v.value(), existing.value())
                        .field("source", v.source().strip(), existing.source())
                        .field("description", v.description() == null ? existing.description() : description,
                                existing.description())
                        .requireSame("A rule parameter version", "code and effectiveFrom",
                                code.name() + "@" + existing.effectiveFrom());
                return new Written<>(false, existing);
            }
        }
        if (latest == null) {
            // every code is seeded by V1: its unit comes from there
            throw new IllegalStateException("rule parameter " + code + " has no version to follow");
        }
        RuleVersionRules.requireNotPast(v.effectiveFrom());
        RuleVersionRules.requireAfter(latest.effectiveFrom(), v.effectiveFrom(), "rule parameter " + code.name());
        requireDayInMonth(code, v.value(), v.effectiveFrom());

        int closed = em.createNativeQuery("""
                update rule_parameter set effective_to = ?1
                where code = ?2 and (effective_to is null or effective_to >= ?3)""")
                .setParameter(1, v.effectiveFrom().minusDays(1)).setParameter(2, code.name())
                .setParameter(3, v.effectiveFrom()).executeUpdate();
        em.createNativeQuery("""
                insert into rule_parameter (code, effective_from, value, unit, description, source)
                values (?1, ?2, ?3, ?4, ?5, ?6)""")
                .setParameter(1, code.name()).setParameter(2, v.effectiveFrom()).setParameter(3, v.value())
                .setParameter(4, latest.unit()).setParameter(5, description).setParameter(6, v.source().strip())
                .executeUpdate();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("request", v);
        details.put("unit", latest.unit());
        details.put("previousEndsOn", closed == 0 ? null : v.effectiveFrom().minusDays(1));
        changes.record("RULE_PARAMETER_ADDED", "rule-parameter:" + code.name(), v.reason(), details);
        return new Written<>(true, new ParameterVersionView(code.name(), v.effectiveFrom(), null, v.value(),
                latest.unit(), description, v.source().strip()));
    }

    /** Every version of every parameter, by code and effective date, as committed. */
    public List<ParameterVersionView> all() {
        return query(null);
    }

    private List<ParameterVersionView> versions(String code) {
        return query(code);
    }

    @SuppressWarnings("unchecked")
    private List<ParameterVersionView> query(String code) {
        List<Object[]> rows = em.createNativeQuery("""
                select code, effective_from, effective_to, value, unit, description, source from rule_parameter
                where cast(?1 as text) is null or code = cast(?1 as text) order by code, effective_from""")
                .setParameter(1, code).getResultList();
        return rows.stream().map(r -> new ParameterVersionView((String) r[0], date(r[1]), date(r[2]),
                ((Number) r[3]).longValue(), (String) r[4], (String) r[5], (String) r[6])).toList();
    }

    private static void requireInRange(NewParameterVersion v) {
        if (v.value() < v.code().min() || v.value() > v.code().max()) {
            throw ProblemException.unprocessable("rule-value-out-of-range", "A value of " + v.code().name()
                    + " is between " + v.code().min() + " and " + v.code().max() + "; nothing was changed.",
                    List.of(new FieldError("value", "must be between " + v.code().min() + " and "
                            + v.code().max())));
        }
    }

    /**
     * The annual deadline is a day of a month, two parameters: each pair in force from {@code from} on must be a day
     * every year has (the 29th of February is not).
     */
    private void requireDayInMonth(ParameterCode code, long value, LocalDate from) {
        if (code != ParameterCode.ANNUAL_DEADLINE_MONTH && code != ParameterCode.ANNUAL_DEADLINE_DAY) {
            return;
        }
        boolean month = code == ParameterCode.ANNUAL_DEADLINE_MONTH;
        String other = (month ? ParameterCode.ANNUAL_DEADLINE_DAY : ParameterCode.ANNUAL_DEADLINE_MONTH).name();
        for (ParameterVersionView o : versions(other)) {
            if (o.effectiveTo() != null && o.effectiveTo().isBefore(from)) {
                continue;
            }
            long m = month ? value : o.value();
            long d = month ? o.value() : value;
            if (d > Month.of((int) m).minLength()) {
                String clash = month ? "day " + d + " (ANNUAL_DEADLINE_DAY from " + o.effectiveFrom() + ")"
                        : "month " + m + " (ANNUAL_DEADLINE_MONTH from " + o.effectiveFrom() + ")";
                throw ProblemException.unprocessable("rule-value-out-of-range", "The annual deadline would be day "
                        + d + " of month " + m + ", which not every year has; nothing was changed.",
                        List.of(new FieldError("value", "does not make a deadline with " + clash)));
            }
        }
    }

    private static LocalDate date(Object o) {
        return o == null ? null : o instanceof Date d ? d.toLocalDate() : (LocalDate) o;
    }
}
