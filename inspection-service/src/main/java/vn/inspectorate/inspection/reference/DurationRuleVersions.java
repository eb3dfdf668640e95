package vn.inspectorate.inspection.reference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.inspectorate.platform.naturalkey.Written;
import vn.inspectorate.inspection.reference.ReferenceAdminApi.BodyLevel;
import vn.inspectorate.inspection.reference.ReferenceResource.DurationRuleView;
import vn.inspectorate.platform.naturalkey.NaturalKeyMatch;
import vn.inspectorate.platform.problem.Problem;
import vn.inspectorate.platform.problem.ProblemException;

/**
 * New versions of the inspection duration rules, from an effective date. The previous version ends the day before;
 * an inspection keeps the limits it copied when it opened, and one decided before the date still gets the old ones.
 */
@ApplicationScoped
public class DurationRuleVersions {

    @Schema(name = "NewDurationRuleVersion")
    public record NewVersion(@NotNull BodyLevel level, @NotNull Boolean reInspection,
            @NotNull @Min(1) @Max(3650) Integer baseDays, @NotNull @Min(0) @Max(3650) Integer extensionDays,
            @NotNull @Min(0) @Max(10) Integer maxExtensions,
            @NotNull @Schema(description = "The first decision date the version applies to; after the latest "
                    + "version's.") java.time.LocalDate effectiveFrom,
            @NotBlank @Size(max = 500) @Schema(description = "The legal act.") String source,
            @NotBlank @Size(max = 1000) String reason) {
    }

    private final DatedRuleStore store;
    private final ReferenceChanges changes;

    DurationRuleVersions(DatedRuleStore store, ReferenceChanges changes) {
        this.store = store;
        this.changes = changes;
    }

    /** Adds the version; the same version again answers it (200), another one from the same date is a 409. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Written<DurationRuleView> add(NewVersion v) {
        store.lockDurationRules();
        DurationRule latest = store.latestDurationRule(v.level().name(), v.reInspection());
        if (latest != null && latest.effectiveFrom.equals(v.effectiveFrom())) {
            NaturalKeyMatch.compare().field("baseDays", v.baseDays(), latest.baseDays)
                    .field("extensionDays", v.extensionDays(), latest.extensionDays)
                    .field("maxExtensions", v.maxExtensions(), latest.maxExtensions)
                    .field("source", v.source().strip(), latest.source)
                    .requireSameKeyed("rule.natural-key", latest.id);
            return new Written<>(false, view(latest));
        }
        if (latest != null && v.effectiveFrom().isBefore(latest.effectiveFrom)) {
            throw ProblemException.conflict("rule-version-order", Map.of("latestEffectiveFrom",
                    latest.effectiveFrom.toString()), "rule.version-order",
                    new Problem.Text("body.level." + v.level().name()), latest.effectiveFrom.toString());
        }
        if (latest != null && (latest.effectiveTo == null || !latest.effectiveTo.isBefore(v.effectiveFrom()))) {
            latest.effectiveTo = v.effectiveFrom().minusDays(1);
        }
        DurationRule added = store.addDurationRule(v);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("request", v);
        details.put("previousEndsOn", latest == null ? null : latest.effectiveTo);
        changes.record("DURATION_RULE_ADDED", "duration-rule:" + v.level().name()
                + (v.reInspection() ? ":re-inspection" : ""), v.reason(), details);
        return new Written<>(true, view(added));
    }

    static DurationRuleView view(DurationRule r) {
        return new DurationRuleView(r.level, r.reInspection, r.baseDays, r.extensionDays, r.maxExtensions,
                r.effectiveFrom, r.effectiveTo, r.source);
    }
}
