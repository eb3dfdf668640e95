package vn.inspectorate.complaints.cases;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.inspectorate.complaints.cases.CaseCommands.ClosureReason;
import vn.inspectorate.platform.problem.Problem;
import vn.inspectorate.platform.problem.ProblemException;

/**
 * A citizen case: complaint, denunciation, petition or reflection, with its clocks. No identity here. Each lifecycle
 * command is a method that checks what the case must be for it (a 409 names the commands allowed now, a 422 the field
 * at fault) and changes the fields; the clocks it needs come from {@link CaseClocks}. Over the usual length and kept
 * whole: a fifth is its columns, the rest the transitions that read and change them, one thing (the state of a case
 * and the ways it may change). What could stand apart already does: filing a new case and copying one to a second
 * instance are {@link CaseIntakeService}'s, the dates of its clocks {@link CaseClocks}'.
 */
@Entity
@Table(name = "citizen_case")
public class CitizenCase extends PanacheEntityBase {

    @Id
    public UUID id;
    public long version;
    public String provinceCode;
    public String filedUnitCode;
    public String sourceSystem;
    public String sourceReference;
    public String receivingBodyCode;
    public String handlingBodyCode;
    @Enumerated(EnumType.STRING)
    public Channel channel;
    @Enumerated(EnumType.STRING)
    public CaseKind declaredKind;
    @Enumerated(EnumType.STRING)
    public CaseKind kind;
    public int instance;
    /** The instance as filed; {@code instance} is the one classification settled on. */
    public int filedInstance;
    public boolean complex;
    /** The effective value the clocks read: the derived one, or the inspector's override. */
    public boolean remoteArea;
    /** What the case's unit on its receipt date says (reference data {@code remote_area}). */
    public boolean remoteAreaDerived;
    @Enumerated(EnumType.STRING)
    public RemoteAreaSource remoteAreaSource;
    /** Why the inspector overrode the derived value; null when derived. */
    public String remoteAreaReason;
    @Enumerated(EnumType.STRING)
    public CaseKind proposedKind;
    @Enumerated(EnumType.STRING)
    public KindProposal.Reason kindProposalReason;
    public boolean evidenceOffered;
    /** For an anonymous denunciation: its worth as information; null otherwise. */
    @Enumerated(EnumType.STRING)
    public InformationAssessment.Outcome informationAssessment;
    public String informationMissing;
    /** Classified as information to examine: accepted for examination, never as a denunciation. */
    public boolean informationToExamine;
    public boolean informationOnly;
    @Enumerated(EnumType.STRING)
    public CaseStatus status;
    public String subject;
    public String summary;
    public String respondentCode;
    public UUID respondentDeclarantId;
    /** The respondent declarant as filed; classification may name one later. */
    public UUID filedRespondentDeclarantId;
    public LocalDate receivedOn;
    public LocalDate decisionLearnedOn;
    public boolean signed;
    public boolean affectsComplainant;
    public boolean decidedAtSecondInstance;
    public boolean anonymous;
    public int complainantCount;
    public int representativeCount;
    public boolean mass;
    public String ruleSetVersion;
    public String admissibilityFindings;
    public LocalDate acceptanceDueOn;
    public LocalDate acceptedOn;
    public LocalDate resolutionDueOn;
    public LocalDate notifyDueOn;
    public LocalDate currentDueOn;
    public LocalDate denouncerNotifiedOn;
    public int extensionCount;
    public LocalDate pausedOn;
    @Enumerated(EnumType.STRING)
    public CaseStatus pausedFromStatus;
    public LocalDate resolvedOn;
    public String outcome;
    public String decisionReference;
    public LocalDate secondComplaintWindowEndsOn;
    public UUID parentCaseId;
    public UUID escalatedCaseId;
    /** The case this one arrived from by a transfer; null for a case a citizen filed here. */
    public UUID transferredFromCaseId;
    /** The case a transfer of this one created at the receiving body, once it arrived. */
    public UUID transferredToCaseId;
    public LocalDate closedOn;
    /** Loaded as history: counted by reports, ignored by the overdue scan, no public events. */
    public boolean backfilled;
    public String closureReason;
    public OffsetDateTime createdAt;
    public OffsetDateTime updatedAt;

    public List<String> findings() {
        return admissibilityFindings == null || admissibilityFindings.isEmpty() ? List.of()
                : Arrays.asList(admissibilityFindings.split(","));
    }

    /** Fails with a 409 unless the case's status allows {@code command}. */
    void require(CaseCommand command) {
        if (!command.allowedFrom(status)) {
            throw conflict("invalid-transition", CaseCommand.allowedFor(this), "case.transition", status.name(),
                    command.path());
        }
    }

    /** Counts a change: the version its events carry and the time of the last change. */
    public void changed() {
        version++;
        updatedAt = CaseEvents.now();
    }

    /** Classifies the case; answers the kind decided (before an anonymous denunciation becomes information). */
    CaseKind classify(CaseCommands.Classify cmd, CaseClocks clocks) {
        // no kind: the inspector confirms the one intake proposed
        CaseKind decided = cmd.kind() != null ? cmd.kind() : proposedKind != null ? proposedKind : declaredKind;
        if (decided != CaseKind.COMPLAINT && cmd.instance() != null && cmd.instance() != 1) {
            throw unprocessable("instance", "case.instance.error");
        }
        classifyRemoteArea(cmd.remoteArea(), cmd.remoteAreaReason());
        if (cmd.respondentDeclarantId() != null) {
            respondentDeclarantId = cmd.respondentDeclarantId();
        }
        // an anonymous denunciation is not processed as a denunciation: it is information, to examine or only kept
        boolean information = decided == CaseKind.DENUNCIATION && anonymous;
        assessInformation(information);
        kind = information ? CaseKind.REFLECTION : decided;
        informationOnly = information;
        informationToExamine = information && informationAssessment == InformationAssessment.Outcome.TO_EXAMINE;
        instance = cmd.instance() == null ? instance : cmd.instance();
        if (kind != CaseKind.COMPLAINT) {
            instance = 1;
        }
        complex = Boolean.TRUE.equals(cmd.complex());
        clocks.applyReceipt(this);
        status = CaseStatus.CLASSIFIED;
        return decided;
    }

    /**
     * The remote-area flag: the derived value unless the inspector states another, which needs a reason. Stating the
     * derived value returns the case to it.
     */
    private void classifyRemoteArea(Boolean stated, String reason) {
        if (stated == null || stated == remoteAreaDerived) {
            remoteArea = remoteAreaDerived;
            remoteAreaSource = RemoteAreaSource.DERIVED;
            remoteAreaReason = null;
            return;
        }
        if (reason == null || reason.isBlank()) {
            throw unprocessable("remoteAreaReason", "case.remote-area.reason-required", String.valueOf(remoteAreaDerived));
        }
        remoteArea = stated;
        remoteAreaSource = RemoteAreaSource.OVERRIDE;
        remoteAreaReason = reason.strip();
    }

    /** Assesses the content as information when the case is an anonymous denunciation; clears it otherwise. */
    void assessInformation(boolean anonymousDenunciation) {
        if (!anonymousDenunciation) {
            informationAssessment = null;
            informationMissing = "";
            return;
        }
        List<InformationAssessment.Gap> gaps = InformationAssessment.gapsOf(this);
        informationAssessment = gaps.isEmpty() ? InformationAssessment.Outcome.TO_EXAMINE
                : InformationAssessment.Outcome.INFORMATION_ONLY;
        informationMissing = String.join(",", gaps.stream().map(Enum::name).toList());
    }

    public List<InformationAssessment.Gap> informationGaps() {
        return informationMissing == null || informationMissing.isEmpty() ? List.of()
                : Arrays.stream(informationMissing.split(",")).map(InformationAssessment.Gap::valueOf).toList();
    }

    void accept(CaseCommands.Accept cmd, CaseClocks clocks) {
        checkDate("acceptedOn", cmd.acceptedOn(), receivedOn);
        if (informationOnly && !informationToExamine) {
            throw conflict("information-only", List.of("not-accept", "transfer"), "case.information-only");
        }
        // information to examine is accepted for examination as information, never as a denunciation
        List<String> findings = findings();
        if (!findings.isEmpty()) {
            throw ProblemException.conflict("inadmissible", Map.of("currentStatus", status.name(), "findings", findings,
                    "allowedCommands", List.of("not-accept", "transfer")), "case.inadmissible",
                    String.join(", ", findings));
        }
        if (cmd.handlingBodyCode() != null) {
            handlingBodyCode = cmd.handlingBodyCode();
        } else if (handlingBodyCode == null) {
            handlingBodyCode = receivingBodyCode;
        }
        clocks.applyAcceptance(this, cmd.acceptedOn());
        status = CaseStatus.ACCEPTED;
    }

    void notAccept(CaseCommands.NotAccept cmd) {
        checkDate("decidedOn", cmd.decidedOn(), receivedOn);
        status = CaseStatus.NOT_ACCEPTED;
        decisionReference = cmd.decisionReference();
        currentDueOn = null;
    }

    void assign(CaseCommands.Assign cmd) {
        handlingBodyCode = cmd.handlingBodyCode();
        status = CaseStatus.ASSIGNED;
    }

    /** What an extension did: the deadline it moved and the days it added. */
    record Extension(LocalDate previousDueOn, int extraDays) {
    }

    Extension extend(CaseCommands.Extend cmd, CaseClocks clocks) {
        checkDate("decidedOn", cmd.decidedOn(), acceptedOn);
        if (clocks.extensionsLeft(this) <= 0) {
            throw kind == CaseKind.DENUNCIATION
                    ? conflict("no-extension-left", allowedBut("extend"), "case.no-extension-left.denunciation")
                    : conflict("no-extension-left", allowedBut("extend"), "case.no-extension-left",
                            new Problem.Text("case.kind." + kind.name()));
        }
        if (extensionCount >= 1 && cmd.reasonCode() != CaseCommands.ExtensionReason.ESPECIALLY_COMPLEX) {
            throw unprocessable("reasonCode", "case.further-extension.error");
        }
        LocalDate previous = resolutionDueOn;
        return new Extension(previous, clocks.extend(this));
    }

    void pause(CaseCommands.Pause cmd, CaseClocks clocks) {
        checkDate("pausedOn", cmd.pausedOn(), acceptedOn);
        pausedFromStatus = status;
        pausedOn = cmd.pausedOn();
        status = CaseStatus.PAUSED;
        if (!clocks.rulesOf(this).pausedTimeCounts()) {
            currentDueOn = null;  // the clock stands still until the case resumes
        }
    }

    /** Resumes the clock; answers the days the deadlines moved by. */
    long resume(CaseCommands.Resume cmd, CaseClocks clocks) {
        checkDate("resumedOn", cmd.resumedOn(), pausedOn);
        long shifted = clocks.applyResumption(this, cmd.resumedOn());
        status = pausedFromStatus;
        pausedFromStatus = null;
        pausedOn = null;
        return shifted;
    }

    /** The body the case was with: its handling body, or the receiving one before it had one. */
    String currentBody() {
        return handlingBodyCode != null ? handlingBodyCode : receivingBodyCode;
    }

    void transfer() {
        status = CaseStatus.TRANSFERRED;
        currentDueOn = null;
    }

    void resolve(CaseCommands.Resolve cmd, CaseClocks clocks) {
        checkDate("resolvedOn", cmd.resolvedOn(), acceptedOn);
        resolved(cmd.outcome(), cmd.decisionReference(), cmd.resolvedOn(), clocks);
    }

    /** Resolution by an inspection's conclusion, dated no earlier than the acceptance. */
    void resolveByInspection(UUID inspectionId, LocalDate concludedOn, CaseClocks clocks) {
        resolved("CONCLUDED_BY_INSPECTION", "inspection " + inspectionId,
                concludedOn.isBefore(acceptedOn) ? acceptedOn : concludedOn, clocks);
    }

    private void resolved(String outcome, String decisionReference, LocalDate resolvedOn, CaseClocks clocks) {
        status = CaseStatus.RESOLVED;
        this.outcome = outcome;
        this.decisionReference = decisionReference;
        this.resolvedOn = resolvedOn;
        pausedOn = null;
        pausedFromStatus = null;
        currentDueOn = null;
        if (kind == CaseKind.COMPLAINT && instance == 1) {
            secondComplaintWindowEndsOn = clocks.secondComplaintWindowEnd(this, resolvedOn);
        }
    }

    /**
     * Checks that a second complaint filed on {@code filedOn} may go to a second instance: against a first-instance
     * decision, or a first instance that missed its deadline, within the window of the rule set.
     */
    void checkEscalation(CaseCommands.Escalate cmd, CaseClocks clocks) {
        if (kind != CaseKind.COMPLAINT || instance != 1) {
            throw conflict("not-escalatable", allowedBut("escalate"), kind == CaseKind.COMPLAINT
                    ? "case.not-escalatable.second-instance" : "case.not-escalatable.not-a-complaint");
        }
        LocalDate windowEnd;
        if (status == CaseStatus.RESOLVED) {
            checkDate("filedOn", cmd.filedOn(), resolvedOn);
            windowEnd = secondComplaintWindowEndsOn;
        } else if (resolutionDueOn != null && cmd.filedOn().isAfter(resolutionDueOn)) {
            checkDate("filedOn", cmd.filedOn(), resolutionDueOn);
            windowEnd = clocks.secondComplaintWindowEnd(this, resolutionDueOn);
        } else {
            throw conflict("first-instance-pending", allowedBut("escalate"), "case.first-instance-pending",
                    String.valueOf(resolutionDueOn));
        }
        if (cmd.filedOn().isAfter(windowEnd)) {
            throw unprocessable("filedOn", "case.second-complaint-late.error", windowEnd.toString());
        }
    }

    void escalated(UUID secondInstanceCaseId) {
        status = CaseStatus.ESCALATED;
        escalatedCaseId = secondInstanceCaseId;
        currentDueOn = null;
    }

    void close(CaseCommands.Close cmd) {
        checkDate("closedOn", cmd.closedOn(), receivedOn);
        EnumSet<ClosureReason> allowed = switch (status) {
            case RESOLVED -> EnumSet.of(ClosureReason.RESOLVED);
            case NOT_ACCEPTED -> EnumSet.of(ClosureReason.NOT_ACCEPTED);
            case TRANSFERRED -> EnumSet.of(ClosureReason.TRANSFERRED);
            case ESCALATED -> EnumSet.of(ClosureReason.ESCALATED);
            default -> EnumSet.of(ClosureReason.WITHDRAWN, ClosureReason.TERMINATED, ClosureReason.DUPLICATE);
        };
        if (!allowed.contains(cmd.closureReason())) {
            throw unprocessable("closureReason", "case.closure-reason.error", status.name(), allowed.toString());
        }
        if (cmd.closureReason() == ClosureReason.DUPLICATE) {
            if (cmd.duplicateOfCaseId() == null || cmd.duplicateOfCaseId().equals(id)) {
                throw unprocessable("duplicateOfCaseId", "case.duplicate-of-missing.error");
            }
        } else if (cmd.duplicateOfCaseId() != null) {
            throw unprocessable("duplicateOfCaseId", "case.duplicate-of-unexpected.error");
        }
        status = CaseStatus.CLOSED;
        closedOn = cmd.closedOn();
        closureReason = cmd.closureReason().name();
        currentDueOn = null;
        pausedOn = null;
        pausedFromStatus = null;
    }

    /** Records the notice to the denouncer; answers whether it was given within its deadline. */
    boolean notifyDenouncer(CaseCommands.NotifyDenouncer cmd) {
        if (notifyDueOn == null || denouncerNotifiedOn != null) {
            throw denouncerNotifiedOn != null
                    ? conflict("no-notice-due", allowedBut("notify-denouncer"), "case.denouncer-notified",
                            denouncerNotifiedOn.toString())
                    : conflict("no-notice-due", allowedBut("notify-denouncer"), "case.no-denouncer-to-notify");
        }
        checkDate("notifiedOn", cmd.notifiedOn(), acceptedOn);
        denouncerNotifiedOn = cmd.notifiedOn();
        return !cmd.notifiedOn().isAfter(notifyDueOn);
    }

    void withdrawPart(CaseCommands.WithdrawPart cmd) {
        checkDate("withdrawnOn", cmd.withdrawnOn(), receivedOn);
    }

    private List<String> allowedBut(String command) {
        return CaseCommand.allowedFor(this).stream().filter(c -> !c.equals(command)).toList();
    }

    /** A 409 naming the case's status and the commands it allows; the detail is {@code detailKey} in the bundles. */
    private ProblemException conflict(String slug, List<String> allowed, String detailKey, Object... args) {
        return ProblemException.conflict(slug, Map.of("currentStatus", status.name(), "allowedCommands", allowed),
                detailKey, args);
    }

    private static void checkDate(String field, LocalDate date, LocalDate notBefore) {
        if (date.isAfter(BusinessDate.today())) {
            throw unprocessable(field, "case.date-in-future.error");
        }
        if (notBefore != null && date.isBefore(notBefore)) {
            throw unprocessable(field, "case.date-before.error", notBefore.toString());
        }
    }

    /** A 422 naming {@code field}, whose message is {@code key} in the bundles; the detail quotes it. */
    private static ProblemException unprocessable(String field, String key, Object... args) {
        return ProblemException.unprocessable("invalid-" + field, List.of(Problem.FieldError.of(field, key, args)),
                "case.field-not-acceptable", field, new Problem.Text(key, args));
    }
}
