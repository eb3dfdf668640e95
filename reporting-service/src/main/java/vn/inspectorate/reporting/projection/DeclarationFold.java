package vn.inspectorate.reporting.projection;

import static vn.inspectorate.reporting.projection.RecordFacts.occurredOn;
import static vn.inspectorate.reporting.projection.RecordFacts.orElse;

import java.time.LocalDate;
import java.util.List;
import java.util.TreeSet;
import vn.inspectorate.contracts.declarations.DeclarationFlagged;
import vn.inspectorate.contracts.declarations.DeclarationSubmitted;
import vn.inspectorate.contracts.declarations.DeclarationVerificationSelected;
import vn.inspectorate.contracts.declarations.DeclarationVerified;
import vn.inspectorate.reporting.figures.Figure;

/**
 * A declaration's state folded from its events in version order; the latest set of flags and conclusion win. Every
 * event names the province, agency and kind; an absent one keeps the last.
 */
final class DeclarationFold {

    String province;
    String agency;
    String kind;
    LocalDate submittedOn;
    boolean late;
    LocalDate flaggedOn;
    final TreeSet<String> flagRules = new TreeSet<>();
    LocalDate selectedOn;
    LocalDate verifiedOn;
    String conclusion;

    static DeclarationFold of(List<Record> payloads) {
        DeclarationFold f = new DeclarationFold();
        payloads.forEach(f::apply);
        return f;
    }

    private void apply(Record payload) {
        switch (payload) {
            case DeclarationSubmitted r -> {
                at(r.provinceCode(), r.agencyCode(), r.kind());
                submittedOn = r.submittedOn();
                late = r.late();
            }
            case DeclarationFlagged r -> {
                at(r.provinceCode(), r.agencyCode(), r.kind());
                if (flaggedOn == null) {
                    flaggedOn = occurredOn(r.occurredAt());
                }
                flagRules.clear();
                if (r.flags() != null) {
                    for (DeclarationFlagged.Flag flag : r.flags()) {
                        if (flag != null && flag.ruleId() != null) {
                            flagRules.add(flag.ruleId());
                        }
                    }
                }
            }
            case DeclarationVerificationSelected r -> {
                at(r.provinceCode(), r.agencyCode(), r.kind());
                if (selectedOn == null) {
                    selectedOn = occurredOn(r.occurredAt());
                }
            }
            case DeclarationVerified r -> {
                at(r.provinceCode(), r.agencyCode(), r.kind());
                verifiedOn = r.concludedOn();
                conclusion = r.conclusion();
            }
            default -> {
                // not an event of a declaration
            }
        }
    }

    /** The province, agency and kind an event names; an absent one keeps the last. */
    private void at(String provinceCode, String agencyCode, String kindCode) {
        province = orElse(provinceCode, province);
        agency = orElse(agencyCode, agency);
        kind = orElse(kindCode, kind);
    }

    List<Contribution> contributions() {
        RecordFacts.Collector c = new RecordFacts.Collector(province, agency, "", kind);
        c.add(Figure.DECLARATIONS_SUBMITTED, submittedOn, 1);
        c.add(Figure.DECLARATIONS_LATE, submittedOn, late ? 1 : 0);
        if (!flagRules.isEmpty()) {
            c.add(Figure.DECLARATIONS_FLAGGED, flaggedOn, 1);
            flagRules.forEach(rule -> c.add(Figure.DECLARATIONS_FLAGGED_RULE, flaggedOn, 1, rule));
        }
        c.add(Figure.DECLARATIONS_SELECTED, selectedOn, 1);
        c.add(Figure.DECLARATIONS_VERIFIED, verifiedOn, 1);
        c.add(Figure.DECLARATIONS_DISHONEST, verifiedOn, "DISHONEST".equalsIgnoreCase(conclusion) ? 1 : 0);
        return c.items();
    }
}
