package vn.inspectorate.complaints.cases;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.inspectorate.complaints.cases.CaseCommands.ClosureReason;
import vn.inspectorate.complaints.identity.IdentityVault;
import vn.inspectorate.complaints.rules.RuleBook;
import vn.inspectorate.contracts.EventTypes;
import vn.inspectorate.contracts.cases.CaseAccepted;
import vn.inspectorate.contracts.cases.CaseAssigned;
import vn.inspectorate.contracts.cases.CaseClassified;
import vn.inspectorate.contracts.cases.CaseClosed;
import vn.inspectorate.contracts.cases.CaseEscalated;
import vn.inspectorate.contracts.cases.CaseExtended;
import vn.inspectorate.contracts.cases.CaseReceived;
import vn.inspectorate.contracts.cases.CaseRejected;
import vn.inspectorate.contracts.cases.CaseResolved;
import vn.inspectorate.contracts.cases.CaseTransferred;
import vn.inspectorate.platform.problem.Problem;
import vn.inspectorate.platform.problem.ProblemException;

/**
 * The lifecycle of a case. Each command checks that the case's status allows it (a 409 names the commands that are
 * allowed), changes the case, writes its history and its events, all in one transaction.
 */
@ApplicationScoped
@Transactional
public class CaseLifecycleService {

    private final EntityManager em;
    private final CaseAccess access;
    private final CaseClocks clocks;
    private final RuleBook ruleBook;
    private final CaseHistoryLog history;
    private final CaseEvents events;
    private final IdentityVault vault;

    CaseLifecycleService(EntityManager em, CaseAccess access, CaseClocks clocks, RuleBook ruleBook,
            CaseHistoryLog history, CaseEvents events, IdentityVault vault) {
        this.em = em;
        this.access = access;
        this.clocks = clocks;
        this.ruleBook = ruleBook;
        this.history = history;
        this.events = events;
        this.vault = vault;
    }

    public CitizenCase classify(UUID id, CaseCommands.Classify cmd, String actor) {
        CitizenCase c = start(id, CaseCommand.CLASSIFY);
        CaseStatus from = c.status;
        if (cmd.kind() != CaseKind.COMPLAINT && cmd.instance() != null && cmd.instance() != 1) {
            throw unprocessable("instance", "only a complaint has a second instance");
        }
        // an anonymous denunciation is not processed as a denunciation: it is information to check
        boolean information = cmd.kind() == CaseKind.DENUNCIATION && c.anonymous;
        c.kind = information ? CaseKind.REFLECTION : cmd.kind();
        c.informationOnly = information;
        c.instance = cmd.instance() == null ? c.instance : cmd.instance();
        if (c.kind != CaseKind.COMPLAINT) {
            c.instance = 1;
        }
        c.complex = Boolean.TRUE.equals(cmd.complex());
        c.remoteArea = Boolean.TRUE.equals(cmd.remoteArea());
        if (cmd.respondentDeclarantId() != null) {
            c.respondentDeclarantId = cmd.respondentDeclarantId();
        }
        clocks.applyReceipt(c);
        c.status = CaseStatus.CLASSIFIED;
        finish(c, actor, CaseCommand.CLASSIFY, from, cmd);
        events.publish(EventTypes.CASE_CLASSIFIED, c, new CaseClassified(c.id, c.version, CaseEvents.now(),
                c.provinceCode, c.kind.name(), c.instance, c.complex, c.remoteArea, c.ruleSetVersion,
                c.kind == CaseKind.DENUNCIATION ? c.respondentDeclarantId : null));
        events.publicStatus(c);
        return c;
    }

    public CitizenCase accept(UUID id, CaseCommands.Accept cmd, String actor) {
        CitizenCase c = start(id, CaseCommand.ACCEPT);
        CaseStatus from = c.status;
        checkDate("acceptedOn", cmd.acceptedOn(), c.receivedOn);
        if (c.informationOnly) {
            throw conflict(c, "information-only", "An anonymous denunciation is recorded as information to check, "
                    + "not accepted as a denunciation.", List.of("not-accept", "transfer"));
        }
        List<String> findings = c.findings();
        if (!findings.isEmpty()) {
            throw new ProblemException(Problem.of(409, "inadmissible", "Conflict", "The case cannot be accepted: "
                    + String.join(", ", findings) + ". Record a not-accept decision with the reason instead.")
                    .withExtensions(Map.of("currentStatus", c.status.name(), "findings", findings,
                            "allowedCommands", List.of("not-accept", "transfer"))));
        }
        if (cmd.handlingBodyCode() != null) {
            c.handlingBodyCode = cmd.handlingBodyCode();
        } else if (c.handlingBodyCode == null) {
            c.handlingBodyCode = c.receivingBodyCode;
        }
        clocks.applyAcceptance(c, cmd.acceptedOn());
        c.status = CaseStatus.ACCEPTED;
        finish(c, actor, CaseCommand.ACCEPT, from, cmd);
        events.publish(EventTypes.CASE_ACCEPTED, c, new CaseAccepted(c.id, c.version, CaseEvents.now(),
                c.provinceCode, c.kind.name(), c.handlingBodyCode, c.acceptedOn, c.resolutionDueOn,
                c.ruleSetVersion));
        events.publicStatus(c);
        return c;
    }

    public CitizenCase notAccept(UUID id, CaseCommands.NotAccept cmd, String actor) {
        CitizenCase c = start(id, CaseCommand.NOT_ACCEPT);
        CaseStatus from = c.status;
        checkDate("decidedOn", cmd.decidedOn(), c.receivedOn);
        c.status = CaseStatus.NOT_ACCEPTED;
        c.decisionReference = cmd.decisionReference();
        c.currentDueOn = null;
        finish(c, actor, CaseCommand.NOT_ACCEPT, from, cmd);
        events.publish(EventTypes.CASE_REJECTED, c, new CaseRejected(c.id, c.version, CaseEvents.now(),
                c.provinceCode, c.kind.name(), cmd.reasonCode().name(), cmd.decisionReference(), cmd.decidedOn()));
        events.publicStatus(c);
        return c;
    }

    public CitizenCase assign(UUID id, CaseCommands.Assign cmd, String actor) {
        CitizenCase c = start(id, CaseCommand.ASSIGN);
        CaseStatus from = c.status;
        c.handlingBodyCode = cmd.handlingBodyCode();
        c.status = CaseStatus.ASSIGNED;
        finish(c, actor, CaseCommand.ASSIGN, from, cmd);
        events.publish(EventTypes.CASE_ASSIGNED, c, new CaseAssigned(c.id, c.version, CaseEvents.now(),
                c.provinceCode, c.handlingBodyCode, c.resolutionDueOn));
        events.publicStatus(c);
        return c;
    }

    public CitizenCase extend(UUID id, CaseCommands.Extend cmd, String actor) {
        CitizenCase c = start(id, CaseCommand.EXTEND);
        checkDate("decidedOn", cmd.decidedOn(), c.acceptedOn);
        int left = clocks.extensionsLeft(c);
        if (left <= 0) {
            throw conflict(c, "no-extension-left", c.kind == CaseKind.DENUNCIATION
                    ? "The denunciation has had every extension its rule set allows."
                    : "The rule set allows no extension for a " + c.kind.name().toLowerCase() + ".",
                    without(CaseCommand.allowedFor(c), "extend"));
        }
        if (c.extensionCount >= 1 && cmd.reasonCode() != CaseCommands.ExtensionReason.ESPECIALLY_COMPLEX) {
            throw unprocessable("reasonCode", "a further extension needs ESPECIALLY_COMPLEX");
        }
        LocalDate previous = c.resolutionDueOn;
        int extraDays = clocks.extend(c);
        finish(c, actor, CaseCommand.EXTEND, c.status, cmd);
        events.publish(EventTypes.CASE_EXTENDED, c, new CaseExtended(c.id, c.version, CaseEvents.now(),
                c.provinceCode, c.extensionCount, extraDays, previous, c.resolutionDueOn, cmd.reasonCode().name(),
                cmd.decisionReference()));
        return c;
    }

    public CitizenCase pause(UUID id, CaseCommands.Pause cmd, String actor) {
        CitizenCase c = start(id, CaseCommand.PAUSE);
        CaseStatus from = c.status;
        checkDate("pausedOn", cmd.pausedOn(), c.acceptedOn);
        c.pausedFromStatus = c.status;
        c.pausedOn = cmd.pausedOn();
        c.status = CaseStatus.PAUSED;
        if (!clocks.rulesOf(c).pausedTimeCounts()) {
            c.currentDueOn = null;  // the clock stands still until the case resumes
        }
        finish(c, actor, CaseCommand.PAUSE, from, cmd);
        events.publicStatus(c);
        return c;
    }

    public CitizenCase resume(UUID id, CaseCommands.Resume cmd, String actor) {
        CitizenCase c = start(id, CaseCommand.RESUME);
        CaseStatus from = c.status;
        checkDate("resumedOn", cmd.resumedOn(), c.pausedOn);
        long shifted = clocks.applyResumption(c, cmd.resumedOn());
        c.status = c.pausedFromStatus;
        c.pausedFromStatus = null;
        c.pausedOn = null;
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("resumedOn", cmd.resumedOn());
        detail.put("deadlineShiftedByDays", shifted);
        detail.put("resolutionDueOn", c.resolutionDueOn);
        finish(c, actor, CaseCommand.RESUME, from, detail);
        events.publicStatus(c);
        return c;
    }

    public CitizenCase transfer(UUID id, CaseCommands.Transfer cmd, String actor) {
        CitizenCase c = start(id, CaseCommand.TRANSFER);
        CaseStatus from = c.status;
        String fromBody = c.handlingBodyCode != null ? c.handlingBodyCode : c.receivingBodyCode;
        c.status = CaseStatus.TRANSFERRED;
        c.currentDueOn = null;
        finish(c, actor, CaseCommand.TRANSFER, from, cmd);
        events.publish(EventTypes.CASE_TRANSFERRED, c, new CaseTransferred(c.id, c.version, CaseEvents.now(),
                c.provinceCode, fromBody, cmd.toBodyCode(),
                cmd.toProvinceCode() == null ? c.provinceCode : cmd.toProvinceCode(), cmd.reasonCode()));
        events.publicStatus(c);
        return c;
    }

    public CitizenCase resolve(UUID id, CaseCommands.Resolve cmd, String actor) {
        CitizenCase c = start(id, CaseCommand.RESOLVE);
        checkDate("resolvedOn", cmd.resolvedOn(), c.acceptedOn);
        CaseStatus from = c.status;
        applyResolution(c, cmd.outcome(), cmd.decisionReference(), cmd.resolvedOn());
        finish(c, actor, CaseCommand.RESOLVE, from, cmd);
        publishResolved(c, null);
        return c;
    }

    /** Resolution by an inspection's conclusion; the case must be under resolution. */
    public void resolveByInspection(CitizenCase c, UUID inspectionId, LocalDate concludedOn, String actor) {
        CaseStatus from = c.status;
        LocalDate on = concludedOn.isBefore(c.acceptedOn) ? c.acceptedOn : concludedOn;
        applyResolution(c, "CONCLUDED_BY_INSPECTION", "inspection " + inspectionId, on);
        finish(c, actor, CaseCommand.RESOLVE, from, Map.of("inspectionId", inspectionId, "concludedOn", concludedOn));
        publishResolved(c, inspectionId);
    }

    private void applyResolution(CitizenCase c, String outcome, String decisionReference, LocalDate resolvedOn) {
        c.status = CaseStatus.RESOLVED;
        c.outcome = outcome;
        c.decisionReference = decisionReference;
        c.resolvedOn = resolvedOn;
        c.pausedOn = null;
        c.pausedFromStatus = null;
        c.currentDueOn = null;
        if (c.kind == CaseKind.COMPLAINT && c.instance == 1) {
            c.secondComplaintWindowEndsOn = clocks.secondComplaintWindowEnd(c, resolvedOn);
        }
    }

    private void publishResolved(CitizenCase c, UUID inspectionId) {
        boolean onTime = c.resolutionDueOn == null || !c.resolvedOn.isAfter(c.resolutionDueOn);
        events.publish(EventTypes.CASE_RESOLVED, c, new CaseResolved(c.id, c.version, CaseEvents.now(),
                c.provinceCode, c.kind.name(), c.handlingBodyCode, c.outcome, c.decisionReference, c.resolvedOn,
                onTime, inspectionId));
        events.publicStatus(c);
    }

    /**
     * A second complaint against a first-instance decision, or against a first instance that missed its deadline:
     * a new second-instance case at the body one level up, filed within the window of the rule set.
     */
    public CitizenCase escalate(UUID id, CaseCommands.Escalate cmd, String actor) {
        CitizenCase c = start(id, CaseCommand.ESCALATE);
        CaseStatus from = c.status;
        if (c.kind != CaseKind.COMPLAINT || c.instance != 1) {
            throw conflict(c, "not-escalatable", c.kind == CaseKind.COMPLAINT
                    ? "The complaint was decided at second instance; what remains is the administrative court."
                    : "Only a first-instance complaint goes to a second instance.",
                    without(CaseCommand.allowedFor(c), "escalate"));
        }
        LocalDate windowEnd;
        if (c.status == CaseStatus.RESOLVED) {
            checkDate("filedOn", cmd.filedOn(), c.resolvedOn);
            windowEnd = c.secondComplaintWindowEndsOn;
        } else if (c.resolutionDueOn != null && cmd.filedOn().isAfter(c.resolutionDueOn)) {
            checkDate("filedOn", cmd.filedOn(), c.resolutionDueOn);
            windowEnd = clocks.secondComplaintWindowEnd(c, c.resolutionDueOn);
        } else {
            throw conflict(c, "first-instance-pending", "The first instance is still within its deadline ("
                    + c.resolutionDueOn + ").", without(CaseCommand.allowedFor(c), "escalate"));
        }
        if (cmd.filedOn().isAfter(windowEnd)) {
            throw unprocessable("filedOn", "the second complaint had to be filed by " + windowEnd);
        }
        CitizenCase second = secondInstanceOf(c, cmd);
        second.persistAndFlush();
        vault.load(c.id).ifPresent(identity -> vault.store(second.id, identity));
        history.record(second.id, actor, "receive", null, CaseStatus.RECEIVED, Map.of("escalatedFrom", c.id));
        history.record(second.id, actor, "classify", CaseStatus.RECEIVED, second.status,
                Map.of("kind", second.kind, "instance", 2));
        c.status = CaseStatus.ESCALATED;
        c.escalatedCaseId = second.id;
        c.currentDueOn = null;
        finish(c, actor, CaseCommand.ESCALATE, from, Map.of("toBodyCode", cmd.toBodyCode(),
                "filedOn", cmd.filedOn(), "secondInstanceCaseId", second.id));
        events.publish(EventTypes.CASE_ESCALATED, c, new CaseEscalated(c.id, c.version, CaseEvents.now(),
                c.provinceCode, 1, 2, cmd.toBodyCode(), second.id));
        events.publicStatus(c);
        events.publish(EventTypes.CASE_RECEIVED, second, new CaseReceived(second.id, 1, CaseEvents.now(),
                second.provinceCode, second.receivingBodyCode, second.channel.name(), second.sourceSystem,
                second.sourceReference, second.receivedOn, second.complainantCount, second.mass, second.anonymous));
        events.publish(EventTypes.CASE_CLASSIFIED, second, new CaseClassified(second.id, second.version,
                CaseEvents.now(), second.provinceCode, second.kind.name(), 2, second.complex, second.remoteArea,
                second.ruleSetVersion, null));
        events.publicStatus(second);
        return c;
    }

    private CitizenCase secondInstanceOf(CitizenCase first, CaseCommands.Escalate cmd) {
        CitizenCase s = new CitizenCase();
        s.id = UUID.randomUUID();
        s.version = 2;  // received, then classified
        s.provinceCode = first.provinceCode;
        s.filedUnitCode = first.provinceCode;
        s.sourceSystem = "escalation";
        s.sourceReference = first.id.toString();
        em.createNativeQuery("""
                insert into case_source_key (province_code, source_system, source_reference, case_id)
                values (?1, ?2, ?3, ?4)""").setParameter(1, s.provinceCode).setParameter(2, s.sourceSystem)
                .setParameter(3, s.sourceReference).setParameter(4, s.id).executeUpdate();
        s.receivingBodyCode = cmd.toBodyCode();
        s.channel = first.channel;
        s.declaredKind = CaseKind.COMPLAINT;
        s.kind = CaseKind.COMPLAINT;
        s.instance = 2;
        s.filedInstance = 2;
        s.complex = first.complex;
        s.remoteArea = first.remoteArea;
        s.status = CaseStatus.CLASSIFIED;
        s.subject = first.subject;
        s.summary = first.summary;
        s.respondentCode = first.respondentCode;
        s.receivedOn = cmd.filedOn();
        s.decisionLearnedOn = first.resolvedOn;
        s.signed = first.signed;
        s.affectsComplainant = first.affectsComplainant;
        s.anonymous = first.anonymous;
        s.complainantCount = first.complainantCount;
        s.representativeCount = first.representativeCount;
        s.mass = first.mass;
        s.ruleSetVersion = ruleBook.inForceOn(cmd.filedOn()).version();
        s.parentCaseId = first.id;
        s.createdAt = CaseEvents.now();
        s.updatedAt = s.createdAt;
        clocks.applyReceipt(s);
        return s;
    }

    public CitizenCase close(UUID id, CaseCommands.Close cmd, String actor) {
        CitizenCase c = start(id, CaseCommand.CLOSE);
        CaseStatus from = c.status;
        checkDate("closedOn", cmd.closedOn(), c.receivedOn);
        EnumSet<ClosureReason> allowed = switch (c.status) {
            case RESOLVED -> EnumSet.of(ClosureReason.RESOLVED);
            case NOT_ACCEPTED -> EnumSet.of(ClosureReason.NOT_ACCEPTED);
            case TRANSFERRED -> EnumSet.of(ClosureReason.TRANSFERRED);
            case ESCALATED -> EnumSet.of(ClosureReason.ESCALATED);
            default -> EnumSet.of(ClosureReason.WITHDRAWN, ClosureReason.TERMINATED, ClosureReason.DUPLICATE);
        };
        if (!allowed.contains(cmd.closureReason())) {
            throw unprocessable("closureReason", "a case in status " + c.status + " closes as one of " + allowed);
        }
        if (cmd.closureReason() == ClosureReason.DUPLICATE) {
            if (cmd.duplicateOfCaseId() == null || cmd.duplicateOfCaseId().equals(c.id)) {
                throw unprocessable("duplicateOfCaseId", "name the other case this one duplicates");
            }
            access.visible(cmd.duplicateOfCaseId());
        } else if (cmd.duplicateOfCaseId() != null) {
            throw unprocessable("duplicateOfCaseId", "only for closureReason DUPLICATE");
        }
        c.status = CaseStatus.CLOSED;
        c.closedOn = cmd.closedOn();
        c.closureReason = cmd.closureReason().name();
        c.currentDueOn = null;
        c.pausedOn = null;
        c.pausedFromStatus = null;
        finish(c, actor, CaseCommand.CLOSE, from, cmd);
        events.publish(EventTypes.CASE_CLOSED, c, new CaseClosed(c.id, c.version, CaseEvents.now(), c.provinceCode,
                c.closureReason, c.closedOn, cmd.duplicateOfCaseId()));
        events.publicStatus(c);
        return c;
    }

    /** Records that the denouncer was told of the acceptance; the notice has its own deadline. */
    public CitizenCase notifyDenouncer(UUID id, CaseCommands.NotifyDenouncer cmd, String actor) {
        CitizenCase c = start(id, CaseCommand.NOTIFY_DENOUNCER);
        if (c.notifyDueOn == null || c.denouncerNotifiedOn != null) {
            throw conflict(c, "no-notice-due", c.denouncerNotifiedOn != null
                    ? "The denouncer was notified on " + c.denouncerNotifiedOn + "."
                    : "Only an accepted denunciation has a denouncer to notify.",
                    without(CaseCommand.allowedFor(c), "notify-denouncer"));
        }
        checkDate("notifiedOn", cmd.notifiedOn(), c.acceptedOn);
        c.denouncerNotifiedOn = cmd.notifiedOn();
        finish(c, actor, CaseCommand.NOTIFY_DENOUNCER, c.status, Map.of("notifiedOn", cmd.notifiedOn(),
                "onTime", !cmd.notifiedOn().isAfter(c.notifyDueOn)));
        return c;
    }

    public CitizenCase withdrawPart(UUID id, CaseCommands.WithdrawPart cmd, String actor) {
        CitizenCase c = start(id, CaseCommand.WITHDRAW_PART);
        checkDate("withdrawnOn", cmd.withdrawnOn(), c.receivedOn);
        finish(c, actor, CaseCommand.WITHDRAW_PART, c.status, cmd);
        return c;
    }

    private CitizenCase start(UUID id, CaseCommand command) {
        CitizenCase c = access.forUpdate(id);
        if (!command.allowedFrom(c.status)) {
            throw conflict(c, "invalid-transition", "A case in status " + c.status + " does not accept '"
                    + command.path() + "'.", CaseCommand.allowedFor(c));
        }
        return c;
    }

    private void finish(CitizenCase c, String actor, CaseCommand command, CaseStatus from, Object detail) {
        c.version++;
        c.updatedAt = CaseEvents.now();
        em.flush();
        history.record(c.id, actor, command.path(), from, c.status, detail);
    }

    private static void checkDate(String field, LocalDate date, LocalDate notBefore) {
        if (date.isAfter(BusinessDate.today())) {
            throw unprocessable(field, "must not be in the future");
        }
        if (notBefore != null && date.isBefore(notBefore)) {
            throw unprocessable(field, "must not be before " + notBefore);
        }
    }

    private static ProblemException conflict(CitizenCase c, String slug, String detail, List<String> allowed) {
        return ProblemException.conflict(slug, detail, Map.of("currentStatus", c.status.name(), "allowedCommands", allowed));
    }

    private static ProblemException unprocessable(String field, String message) {
        return ProblemException.unprocessable("invalid-" + field, "The field '" + field + "' is not acceptable: "
                + message + ".", List.of(new Problem.FieldError(field, message)));
    }

    private static List<String> without(List<String> commands, String command) {
        return commands.stream().filter(c -> !c.equals(command)).toList();
    }
}
