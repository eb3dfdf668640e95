package vn.inspectorate.declarations.ruleversions;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.Month;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.inspectorate.declarations.language.Refusals;
import vn.inspectorate.declarations.rules.ParameterCode;
import vn.inspectorate.declarations.ruleversions.RuleVersionsApi.NewParameterVersion;
import vn.inspectorate.declarations.ruleversions.RuleVersionsApi.ParameterVersionView;
import vn.inspectorate.platform.naturalkey.NaturalKeyMatch;
import vn.inspectorate.platform.naturalkey.Written;
import vn.inspectorate.platform.problem.Problem.FieldError;

/**
 * New versions of the dated legal numbers ({@code rule_parameter}), from an effective date. The previous version ends
 * the day before; declarations already judged keep what they were judged by, and one dated before the date still
 * gets the old value.
 */
@ApplicationScoped
public class ParameterVersions {

    private final RuleVersionStore store;
    private final RuleChanges changes;

    ParameterVersions(RuleVersionStore store, RuleChanges changes) {
        this.store = store;
        this.changes = changes;
    }

    /** Adds the version; the same version again answers it (200), another one from the same date is a 409. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Written<ParameterVersionView> add(NewParameterVersion v) {
        // one admin change of the parameters at a time: the order check and the closing of the previous version
        store.lock("rule_parameter");
        ParameterCode code = v.code();
        List<ParameterVersionView> versions = versions(code.name());
        requireInRange(v);
        ParameterVersionView latest = versions.isEmpty() ? null : versions.getLast();
        String description = v.description() == null || v.description().isBlank()
                ? (latest == null ? null : latest.description()) : v.description().strip();
        for (ParameterVersionView existing : versions) {
            if (existing.effectiveFrom().equals(v.effectiveFrom())) {
                Refusals.requireSame(NaturalKeyMatch.compare().field("value", v.value(), existing.value())
                        .field("source", v.source().strip(), existing.source())
                        .field("description", v.description() == null ? existing.description() : description,
                                existing.description()),
                        "natural-key.what.parameter-version", "natural-key.key.parameter-version",
                        code.name() + "@" + existing.effectiveFrom());
                return Written.existing(existing);
            }
        }
        if (latest == null) {
            // every code is seeded by V1: its unit comes from there
            throw new IllegalStateException("rule parameter " + code + " has no version to follow");
        }
        RuleVersionRules.requireNotPast(v.effectiveFrom());
        RuleVersionRules.requireAfter(latest.effectiveFrom(), v.effectiveFrom(), code.name());
        requireDayInMonth(code, v.value(), v.effectiveFrom());

        int closed = store.closeParameter(code.name(), v.effectiveFrom());
        store.insertParameter(code.name(), v.effectiveFrom(), v.value(), latest.unit(), description,
                v.source().strip());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("request", v);
        details.put("unit", latest.unit());
        details.put("previousEndsOn", closed == 0 ? null : v.effectiveFrom().minusDays(1));
        changes.record("RULE_PARAMETER_ADDED", "rule-parameter:" + code.name(), v.reason(), details);
        return Written.created(new ParameterVersionView(code.name(), v.effectiveFrom(), null, v.value(),
                latest.unit(), description, v.source().strip()));
    }

    /** Every version of every parameter, by code and effective date, as committed. */
    public List<ParameterVersionView> all() {
        return store.parameters(null);
    }

    private List<ParameterVersionView> versions(String code) {
        return store.parameters(code);
    }

    private static void requireInRange(NewParameterVersion v) {
        if (v.value() < v.code().min() || v.value() > v.code().max()) {
            String min = String.valueOf(v.code().min());
            String max = String.valueOf(v.code().max());
            throw Refusals.unprocessable("rule-value-out-of-range", List.of(FieldError.of("value", "error.between",
                    min, max)), "rules.value-out-of-range", v.code().name(), min, max);
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
                String otherFrom = o.effectiveFrom().toString();
                FieldError clash = month
                        ? FieldError.of("value", "error.rule.deadline-clash-day", String.valueOf(d), otherFrom)
                        : FieldError.of("value", "error.rule.deadline-clash-month", String.valueOf(m), otherFrom);
                throw Refusals.unprocessable("rule-value-out-of-range", List.of(clash), "rules.deadline-not-every-year",
                        String.valueOf(d), String.valueOf(m));
            }
        }
    }
}
