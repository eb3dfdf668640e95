package vn.inspectorate.reporting.projection;

import static vn.inspectorate.reporting.projection.RecordFacts.date;
import static vn.inspectorate.reporting.projection.RecordFacts.flag;
import static vn.inspectorate.reporting.projection.RecordFacts.occurredOn;
import static vn.inspectorate.reporting.projection.RecordFacts.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeSet;
import vn.inspectorate.contracts.EventTypes;
import vn.inspectorate.reporting.figures.Figure;

/** A declaration's state folded from its events in version order; the latest set of flags and conclusion win. */
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

    static DeclarationFold of(List<StoredEvent> events) {
        DeclarationFold f = new DeclarationFold();
        events.forEach(f::apply);
        return f;
    }

    private void apply(StoredEvent e) {
        JsonNode d = e.data();
        String p = text(d, "provinceCode");
        if (p != null) {
            province = p;
        }
        String a = text(d, "agencyCode");
        if (a != null) {
            agency = a;
        }
        String k = text(d, "kind");
        if (k != null) {
            kind = k;
        }
        switch (e.type()) {
            case EventTypes.DECLARATION_SUBMITTED -> {
                submittedOn = date(d, "submittedOn");
                late = flag(d, "late");
            }
            case EventTypes.DECLARATION_FLAGGED -> {
                if (flaggedOn == null) {
                    flaggedOn = occurredOn(d);
                }
                flagRules.clear();
                for (JsonNode flag : d.path("flags")) {
                    String rule = text(flag, "ruleId");
                    if (rule != null) {
                        flagRules.add(rule);
                    }
                }
            }
            case EventTypes.DECLARATION_VERIFICATION_SELECTED -> {
                if (selectedOn == null) {
                    selectedOn = occurredOn(d);
                }
            }
            case EventTypes.DECLARATION_VERIFIED -> {
                verifiedOn = date(d, "concludedOn");
                conclusion = text(d, "conclusion");
            }
            default -> {
            }
        }
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
