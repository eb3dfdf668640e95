package vn.inspectorate.complaints.cases;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The lifecycle of a case, in the caller's transaction. Each command loads the case for update, checks that its status
 * allows the command (a 409 names the commands that are allowed), calls the case's transition, and writes its history
 * and its events.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class CaseLifecycleService {

    private final EntityManager em;
    private final CaseAccess access;
    private final CaseClocks clocks;
    private final CaseIntakeService intake;
    private final CaseHistoryLog history;
    private final CaseEvents events;
    private final TransferDestinations destinations;
    private final CaseLinks links;

    CaseLifecycleService(EntityManager em, CaseAccess access, CaseClocks clocks, CaseIntakeService intake,
            CaseHistoryLog history, CaseEvents events, TransferDestinations destinations, CaseLinks links) {
        this.links = links;
        this.em = em;
        this.access = access;
        this.clocks = clocks;
        this.intake = intake;
        this.history = history;
        this.events = events;
        this.destinations = destinations;
    }

    /**
     * Classifies a case. Its history keeps the kind intake proposed (and why) beside the kind decided, and where the
     * remote area comes from (with the reason of an override).
     */
    public CitizenCase classify(UUID id, CaseCommands.Classify cmd, String actor) {
        CitizenCase c = start(id, CaseCommand.CLASSIFY);
        CaseStatus from = c.status;
        CaseKind decided = c.classify(cmd, clocks);
        finish(c, actor, CaseCommand.CLASSIFY, from, classification(c, decided, cmd));
        return published(c, CaseEvents.classifiedOf(c));
    }

    private static Map<String, Object> classification(CitizenCase c, CaseKind decided, CaseCommands.Classify cmd) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("proposedKind", c.proposedKind);
        detail.put("kindProposalReason", c.kindProposalReason);
        detail.put("decidedKind", decided);
        detail.put("proposalConfirmed", decided == c.proposedKind);
        detail.put("kind", c.kind);
        detail.put("instance", c.instance);
        detail.put("complex", c.complex);
        detail.put("remoteArea", c.remoteArea);
        detail.put("remoteAreaSource", c.remoteAreaSource);
        detail.put("remoteAreaDerived", c.remoteAreaDerived);
        detail.put("remoteAreaReason", c.remoteAreaReason);
        if (c.informationOnly) {
            detail.put("informationAssessment", c.informationAssessment);
            detail.put("informationMissing", c.informationGaps());
        }
        detail.put("respondentDeclarantId", cmd.respondentDeclarantId());
        return detail;
    }

    public CitizenCase accept(UUID id, CaseCommands.Accept cmd, String actor) {
        return changeStatus(id, CaseCommand.ACCEPT, cmd, actor, c -> c.accept(cmd, clocks), CaseEvents::acceptedOf);
    }

    public CitizenCase notAccept(UUID id, CaseCommands.NotAccept cmd, String actor) {
        return changeStatus(id, CaseCommand.NOT_ACCEPT, cmd, actor,
                c -> c.notAccept(cmd), c -> CaseEvents.rejectedOf(c, cmd));
    }

    public CitizenCase assign(UUID id, CaseCommands.Assign cmd, String actor) {
        return changeStatus(id, CaseCommand.ASSIGN, cmd, actor, c -> c.assign(cmd), CaseEvents::assignedOf);
    }

    public CitizenCase extend(UUID id, CaseCommands.Extend cmd, String actor) {
        CitizenCase c = start(id, CaseCommand.EXTEND);
        CitizenCase.Extension extension = c.extend(cmd, clocks);
        finish(c, actor, CaseCommand.EXTEND, c.status, cmd);
        events.publish(c, CaseEvents.extendedOf(c, extension, cmd));
        return c;
    }

    public CitizenCase pause(UUID id, CaseCommands.Pause cmd, String actor) {
        CitizenCase c = start(id, CaseCommand.PAUSE);
        CaseStatus from = c.status;
        c.pause(cmd, clocks);
        finish(c, actor, CaseCommand.PAUSE, from, cmd);
        published(c, CaseEvents.pausedOf(c));
        return c;
    }

    public CitizenCase resume(UUID id, CaseCommands.Resume cmd, String actor) {
        CitizenCase c = start(id, CaseCommand.RESUME);
        CaseStatus from = c.status;
        long shifted = c.resume(cmd, clocks);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("resumedOn", cmd.resumedOn());
        detail.put("deadlineShiftedByDays", shifted);
        detail.put("resolutionDueOn", c.resolutionDueOn);
        finish(c, actor, CaseCommand.RESUME, from, detail);
        published(c, CaseEvents.resumedOf(c, cmd.resumedOn(), shifted));
        return c;
    }

    /**
     * Transfers a case to a body that can receive it (else 422, nothing changed); the case's event is delivered to
     * that body's queue as a case of its own ({@link TransferArrivals}).
     */
    public CitizenCase transfer(UUID id, CaseCommands.Transfer cmd, String actor) {
        String[] toProvince = new String[1];
        return changeStatus(id, CaseCommand.TRANSFER, cmd, actor, c -> {
            toProvince[0] = destinations.checked(c, cmd, BusinessDate.today()).provinceCode();
            c.transfer();
        }, c -> CaseEvents.transferredOf(c, cmd, toProvince[0]));
    }

    public CitizenCase resolve(UUID id, CaseCommands.Resolve cmd, String actor) {
        return changeStatus(id, CaseCommand.RESOLVE, cmd, actor,
                c -> c.resolve(cmd, clocks), c -> CaseEvents.resolvedOf(c, null));
    }

    /** Resolution by an inspection's conclusion; the case must be under resolution. */
    public void resolveByInspection(CitizenCase c, UUID inspectionId, LocalDate concludedOn, String actor) {
        CaseStatus from = c.status;
        c.resolveByInspection(inspectionId, concludedOn, clocks);
        finish(c, actor, CaseCommand.RESOLVE, from, Map.of("inspectionId", inspectionId, "concludedOn", concludedOn));
        published(c, CaseEvents.resolvedOf(c, inspectionId));
    }

    /**
     * A second complaint against a first-instance decision, or against a first instance that missed its deadline:
     * a new second-instance case at the body one level up, filed within the window of the rule set.
     */
    public CitizenCase escalate(UUID id, CaseCommands.Escalate cmd, String actor) {
        CitizenCase c = start(id, CaseCommand.ESCALATE);
        CaseStatus from = c.status;
        c.checkEscalation(cmd, clocks);
        CitizenCase second = intake.fileSecondInstance(c, cmd.toBodyCode(), cmd.filedOn(), actor);
        history.record(second.id, actor, "classify", CaseStatus.RECEIVED, second.status,
                Map.of("kind", second.kind, "instance", 2));
        c.escalated(second.id);
        finish(c, actor, CaseCommand.ESCALATE, from, Map.of("toBodyCode", cmd.toBodyCode(),
                "filedOn", cmd.filedOn(), "secondInstanceCaseId", second.id));
        published(c, CaseEvents.escalatedOf(c, cmd.toBodyCode()));
        events.publish(second, CaseEvents.classifiedOf(second));
        return c;
    }

    public CitizenCase close(UUID id, CaseCommands.Close cmd, String actor) {
        CitizenCase[] duplicateOf = new CitizenCase[1];
        CitizenCase closed = changeStatus(id, CaseCommand.CLOSE, cmd, actor, c -> {
            c.close(cmd);
            if (cmd.duplicateOfCaseId() != null) {
                duplicateOf[0] = access.visible(cmd.duplicateOfCaseId());
            }
        }, c -> CaseEvents.closedOf(c, cmd.duplicateOfCaseId()));
        if (cmd.closureReason() == CaseCommands.ClosureReason.WITHDRAWN) {
            events.publish(closed, CaseEvents.withdrawnOf(closed, true, cmd.closedOn()));
        }
        if (duplicateOf[0] != null) {
            links.closedAsDuplicate(closed, duplicateOf[0]);
        }
        return closed;
    }

    /** Records that the denouncer was told of the acceptance; the notice has its own deadline. */
    public CitizenCase notifyDenouncer(UUID id, CaseCommands.NotifyDenouncer cmd, String actor) {
        CitizenCase c = start(id, CaseCommand.NOTIFY_DENOUNCER);
        boolean onTime = c.notifyDenouncer(cmd);
        finish(c, actor, CaseCommand.NOTIFY_DENOUNCER, c.status, Map.of("notifiedOn", cmd.notifiedOn(),
                "onTime", onTime));
        events.publish(c, CaseEvents.denouncerNotifiedOf(c, onTime));
        return c;
    }

    public CitizenCase withdrawPart(UUID id, CaseCommands.WithdrawPart cmd, String actor) {
        CitizenCase c = start(id, CaseCommand.WITHDRAW_PART);
        c.withdrawPart(cmd);
        finish(c, actor, CaseCommand.WITHDRAW_PART, c.status, cmd);
        events.publish(c, CaseEvents.withdrawnOf(c, false, cmd.withdrawnOn()));
        return c;
    }

    /**
     * A command that changes the status: the case is loaded and checked, changed by {@code transition}, and its
     * history, the command's event and its new public status are written.
     */
    private CitizenCase changeStatus(UUID id, CaseCommand command, Object cmd, String actor,
            Consumer<CitizenCase> transition, Function<CitizenCase, Record> event) {
        CitizenCase c = start(id, command);
        CaseStatus from = c.status;
        transition.accept(c);
        finish(c, actor, command, from, cmd);
        return published(c, event.apply(c));
    }

    private CitizenCase start(UUID id, CaseCommand command) {
        CitizenCase c = access.forUpdate(id);
        c.require(command);
        return c;
    }

    private void finish(CitizenCase c, String actor, CaseCommand command, CaseStatus from, Object detail) {
        c.changed();
        em.flush();
        history.record(c.id, actor, command.path(), from, c.status, detail);
    }

    /** Publishes the command's event and the case's new public status. */
    private CitizenCase published(CitizenCase c, Record event) {
        events.publish(c, event);
        events.publicStatus(c);
        return c;
    }
}
