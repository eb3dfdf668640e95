package vn.inspectorate.complaints.cases;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import vn.inspectorate.complaints.rules.DeadlineCalculator;
import vn.inspectorate.complaints.rules.Rule;
import vn.inspectorate.complaints.rules.RuleBook;
import vn.inspectorate.complaints.rules.RuleSet;

/**
 * Applies a case's rule set (the one in force on its receipt date) to its clocks and admissibility. Every number
 * comes from the rule set; this class only knows which rule governs which step. Every clock is a legal time limit:
 * one whose last day is a day off ends on the next working day (Civil Code 91/2015 Art. 148 §5).
 */
@ApplicationScoped
public class CaseClocks {

    private final RuleBook ruleBook;
    private final DeadlineCalculator calculator;

    CaseClocks(RuleBook ruleBook, DeadlineCalculator calculator) {
        this.ruleBook = ruleBook;
        this.calculator = calculator;
    }

    public RuleSet rulesOf(CitizenCase c) {
        return ruleBook.version(c.ruleSetVersion);
    }

    /** Admissibility findings, each a reason the case cannot be accepted as it stands. */
    public List<String> findings(CitizenCase c) {
        RuleSet rules = rulesOf(c);
        List<String> findings = new ArrayList<>();
        if (c.kind == CaseKind.COMPLAINT) {
            if (c.decisionLearnedOn != null && citizenFiledOn(c).isAfter(
                    calculator.deadline(c.decisionLearnedOn, rules.get(Rule.COMPLAINT_FILING_LIMIT)))) {
                findings.add("FILED_LATE");
            }
            if (!c.signed) {
                findings.add("UNSIGNED");
            }
            if (!c.affectsComplainant) {
                findings.add("NOT_AFFECTING_COMPLAINANT");
            }
            if (c.decidedAtSecondInstance) {
                findings.add("ALREADY_DECIDED_AT_SECOND_INSTANCE");
            }
        }
        // not processed as a denunciation; information to examine may still be accepted for examination
        if (c.declaredKind == CaseKind.DENUNCIATION && c.anonymous && !c.informationToExamine) {
            findings.add("ANONYMOUS_DENUNCIATION");
        }
        return findings;
    }

    /**
     * The day the citizen filed the case: its receipt, or for a case that arrived by a transfer the receipt of the
     * first case of the chain. A complaint filed in time with a body that was not competent is not late because the
     * transfer took days.
     */
    static LocalDate citizenFiledOn(CitizenCase c) {
        CitizenCase first = c;
        for (int hops = 0; first.transferredFromCaseId != null && hops < 20; hops++) {
            CitizenCase from = CitizenCase.findById(first.transferredFromCaseId);
            if (from == null) {
                break;
            }
            first = from;
        }
        return first.receivedOn;
    }

    /** On receipt or classification: admissibility and the acceptance clock of a complaint. */
    public void applyReceipt(CitizenCase c) {
        c.admissibilityFindings = String.join(",", findings(c));
        c.acceptanceDueOn = c.kind == CaseKind.COMPLAINT
                ? calculator.deadline(c.receivedOn, rulesOf(c).get(Rule.COMPLAINT_ACCEPTANCE)) : null;
        c.currentDueOn = c.acceptanceDueOn;
    }

    /** On acceptance: the resolution clock (and for a denunciation the notice to the denouncer). */
    public void applyAcceptance(CitizenCase c, LocalDate acceptedOn) {
        RuleSet rules = rulesOf(c);
        c.acceptedOn = acceptedOn;
        c.resolutionDueOn = switch (c.kind) {
            case COMPLAINT -> calculator.deadline(acceptedOn, rules.get(c.instance == 2
                    ? Rule.COMPLAINT_SECOND_RESOLUTION : Rule.COMPLAINT_FIRST_RESOLUTION), c.complex, c.remoteArea);
            case DENUNCIATION -> calculator.deadline(acceptedOn, rules.get(Rule.DENUNCIATION_RESOLUTION));
            case PETITION, REFLECTION -> null;
        };
        c.notifyDueOn = c.kind == CaseKind.DENUNCIATION
                ? calculator.deadline(acceptedOn, rules.get(Rule.DENUNCIATION_NOTIFY)) : null;
        c.currentDueOn = c.resolutionDueOn;
    }

    /** How many extensions the case may still get; zero for a kind the law gives none. */
    public int extensionsLeft(CitizenCase c) {
        if (c.kind != CaseKind.DENUNCIATION || c.resolutionDueOn == null) {
            return 0;
        }
        return rulesOf(c).find(Rule.DENUNCIATION_MAX_EXTENSIONS).map(v -> v.value() - c.extensionCount).orElse(0);
    }

    /** Extends the resolution deadline once; returns the days added. */
    public int extend(CitizenCase c) {
        var rule = rulesOf(c).get(Rule.DENUNCIATION_EXTENSION);
        c.resolutionDueOn = calculator.deadline(c.resolutionDueOn, rule);
        c.extensionCount++;
        c.currentDueOn = c.resolutionDueOn;
        return rule.value();
    }

    /**
     * On resumption: under a rule set where paused time does not count, the deadlines move by the days the case
     * stood still; otherwise they stay.
     */
    public long applyResumption(CitizenCase c, LocalDate resumedOn) {
        long pausedDays = ChronoUnit.DAYS.between(c.pausedOn, resumedOn);
        if (!rulesOf(c).pausedTimeCounts() && pausedDays > 0) {
            c.resolutionDueOn = c.resolutionDueOn == null ? null : c.resolutionDueOn.plusDays(pausedDays);
            c.notifyDueOn = c.notifyDueOn == null ? null : c.notifyDueOn.plusDays(pausedDays);
            c.currentDueOn = c.resolutionDueOn;
            return pausedDays;
        }
        c.currentDueOn = c.resolutionDueOn;
        return 0;
    }

    /** The last day to file the second complaint, counted from {@code from} (decision or missed deadline). */
    public LocalDate secondComplaintWindowEnd(CitizenCase c, LocalDate from) {
        return calculator.deadline(from, rulesOf(c).get(Rule.SECOND_COMPLAINT_WINDOW), c.complex, c.remoteArea);
    }

    public boolean isMass(RuleSet rules, int complainantCount) {
        return complainantCount >= rules.get(Rule.MASS_CASE_MIN_COMPLAINANTS).value();
    }
}
