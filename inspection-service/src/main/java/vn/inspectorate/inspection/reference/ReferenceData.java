package vn.inspectorate.inspection.reference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import vn.inspectorate.platform.problem.Problem;
import vn.inspectorate.platform.problem.ProblemException;
import vn.inspectorate.platform.time.VietnamTime;

/** Bodies, entities and the dated legal numbers, as the services need them. */
@ApplicationScoped
public class ReferenceData {

    private final DatedRuleStore rules;
    private final InspectedEntityStore entities;

    ReferenceData(DatedRuleStore rules, InspectedEntityStore entities) {
        this.rules = rules;
        this.entities = entities;
    }

    /** The body of {@code code}; an unknown code is a 422 naming {@code field}. */
    public InspectionBody body(String code, String field) {
        InspectionBody body = code == null ? null : InspectionBody.findById(code);
        if (body == null) {
            throw ProblemException.unprocessable("unknown-body", List.of(Problem.FieldError.of(field,
                    "body.unknown.error")), "body.unknown", String.valueOf(code));
        }
        return body;
    }

    /** Creates the entity or brings its name and kind up to date; its province never moves silently. */
    @Transactional(Transactional.TxType.MANDATORY)
    public InspectedEntity upsert(InspectedEntityInput input, String field) {
        InspectedEntity entity = entities.upsert(input);
        if (!entity.provinceCode.equals(input.provinceCode())) {
            throw ProblemException.unprocessable("entity-province-mismatch", List.of(Problem.FieldError.of(
                    field + ".provinceCode", "entity.province-mismatch.error")), "entity.province-mismatch",
                    input.code(), entity.provinceCode, input.provinceCode());
        }
        return entity;
    }

    /** A provincial or district body inspects only entities of its own province; central and sector bodies any. */
    public static void requireJurisdiction(InspectionBody body, InspectedEntity entity, String field) {
        if (body.provinceCode != null && !body.provinceCode.equals(entity.provinceCode)) {
            throw ProblemException.unprocessable("outside-jurisdiction", List.of(Problem.FieldError.of(
                    field + ".provinceCode", "entity.outside-jurisdiction.error")), "entity.outside-jurisdiction",
                    body.code, body.provinceCode, entity.code, entity.provinceCode);
        }
    }

    /** The duration limits in force on {@code on} for a body level; none is a 422 naming {@code field}. */
    public DurationRule durationRule(String level, boolean reInspection, LocalDate on, String field) {
        return rules.durationRuleInForce(level, reInspection, on)
                .orElseThrow(() -> ProblemException.unprocessable("no-duration-rule", List.of(Problem.FieldError.of(
                        field, "rule.none-in-force.error")), "rule.none-in-force",
                        new Problem.Text("body.level." + level), on.toString()));
    }

    /**
     * Refuses an inspection type not in force on {@code on} (a decision date, a planned start): a 422 naming
     * {@code field}, the date and the field it comes from, and the types in force that day.
     */
    public void requireTypeInForce(String type, LocalDate on, String field, String dateField) {
        List<String> inForce = rules.typesInForce(on);
        if (inForce.contains(type)) {
            return;
        }
        Object allowed = inForce.isEmpty() ? new Problem.Text("type.none") : String.join(", ", inForce);
        throw ProblemException.unprocessable("type-not-in-force", List.of(Problem.FieldError.of(field,
                "type.not-in-force.error", dateField, on.toString(), allowed)), "type.not-in-force", type,
                on.toString(), dateField, allowed);
    }

    /** A dated legal number in force on {@code on}. */
    public int parameter(String name, LocalDate on) {
        return rules.parameter(name, on).orElseThrow(() -> new IllegalStateException("legal parameter " + name
                + " has no value in force on " + on));
    }

    /** The current instant; dates derived from the clock are Vietnam's ({@link VietnamTime#today()}). */
    public static OffsetDateTime now() {
        return VietnamTime.now();
    }
}
