package vn.inspectorate.declarations.ruleversions;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import vn.inspectorate.declarations.language.Refusals;
import vn.inspectorate.declarations.redflags.RedFlagParams;
import vn.inspectorate.declarations.ruleversions.RuleVersionsApi.NewRedFlagVersion;
import vn.inspectorate.declarations.ruleversions.RuleVersionsApi.RedFlagVersionView;
import vn.inspectorate.platform.naturalkey.NaturalKeyMatch;
import vn.inspectorate.platform.naturalkey.Written;
import vn.inspectorate.platform.problem.Problem.FieldError;

/**
 * New versions of the red-flag rules ({@code red_flag_rule}), from an effective date, numbered on from the latest.
 * The previous version ends the day before; flags already raised keep the version they were raised under, and a
 * declaration dated before the date is still judged by the old version.
 */
@ApplicationScoped
public class RedFlagVersions {

    private final RuleVersionStore store;
    private final RuleChanges changes;

    RedFlagVersions(RuleVersionStore store, RuleChanges changes) {
        this.store = store;
        this.changes = changes;
    }

    /** Adds the version; the same version again answers it (200), another one from the same date is a 409. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Written<RedFlagVersionView> add(NewRedFlagVersion v) {
        store.lock("red_flag_rule");
        List<RedFlagVersionView> versions = store.redFlags(v.ruleId());
        if (versions.isEmpty() || !RedFlagParams.implemented(v.ruleId())) {
            throw Refusals.unprocessable("unknown-red-flag-rule", List.of(FieldError.of("ruleId",
                    "error.rule.unknown")), "rules.unknown-red-flag-rule", v.ruleId());
        }
        List<FieldError> errors = RedFlagParams.errors(v.ruleId(), v.params(), "params");
        if (!errors.isEmpty()) {
            throw Refusals.unprocessable("invalid-rule-params", errors, "rules.invalid-params", v.ruleId());
        }
        TreeMap<String, Long> params = new TreeMap<>(v.params());
        for (RedFlagVersionView existing : versions) {
            if (existing.effectiveFrom().equals(v.effectiveFrom())) {
                Refusals.requireSame(NaturalKeyMatch.compare().field("weight", v.weight(), existing.weight())
                        .field("params", params, existing.params())
                        .field("description", v.description().strip(), existing.description()),
                        "natural-key.what.red-flag-version", "natural-key.key.red-flag-version",
                        v.ruleId() + "@" + existing.version());
                return Written.existing(existing);
            }
        }
        RedFlagVersionView latest = versions.stream().max(Comparator.comparing(RedFlagVersionView::effectiveFrom)
                .thenComparingInt(RedFlagVersionView::version)).orElseThrow();
        RuleVersionRules.requireNotPast(v.effectiveFrom());
        RuleVersionRules.requireAfter(latest.effectiveFrom(), v.effectiveFrom(), v.ruleId());

        int version = versions.stream().mapToInt(RedFlagVersionView::version).max().orElseThrow() + 1;
        int closed = store.closeRedFlag(v.ruleId(), v.effectiveFrom());
        store.insertRedFlag(v.ruleId(), version, v.effectiveFrom(), v.weight(), params, v.description().strip());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("request", v);
        details.put("version", version);
        details.put("previousEndsOn", closed == 0 ? null : v.effectiveFrom().minusDays(1));
        changes.record("RED_FLAG_RULE_ADDED", "red-flag-rule:" + v.ruleId(), v.reason(), details);
        return Written.created(new RedFlagVersionView(v.ruleId(), version, v.effectiveFrom(), null, v.weight(),
                params, v.description().strip()));
    }

    /** Every version of every rule, by rule id and version, as committed. */
    public List<RedFlagVersionView> all() {
        return store.redFlags(null);
    }
}
