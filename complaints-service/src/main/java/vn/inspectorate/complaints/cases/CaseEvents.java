package vn.inspectorate.complaints.cases;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import vn.inspectorate.contracts.cases.CaseAccepted;
import vn.inspectorate.contracts.cases.CaseAssigned;
import vn.inspectorate.contracts.cases.CaseClassified;
import vn.inspectorate.contracts.cases.CaseClosed;
import vn.inspectorate.contracts.cases.CaseEscalated;
import vn.inspectorate.contracts.cases.CaseExtended;
import vn.inspectorate.contracts.cases.CaseOverdue;
import vn.inspectorate.contracts.cases.CaseProgressReported;
import vn.inspectorate.contracts.cases.CaseReceived;
import vn.inspectorate.contracts.cases.CaseRejected;
import vn.inspectorate.contracts.cases.CaseResolved;
import vn.inspectorate.contracts.cases.CaseTransferred;
import vn.inspectorate.contracts.cases.CaseWatchlisted;
import vn.inspectorate.contracts.cases.CaseDenouncerNotified;
import vn.inspectorate.contracts.cases.CaseLinked;
import vn.inspectorate.contracts.cases.CasePaused;
import vn.inspectorate.contracts.cases.CaseResumed;
import vn.inspectorate.contracts.cases.CaseWithdrawn;
import vn.inspectorate.contracts.publicevents.PublicCaseStatusChanged;
import vn.inspectorate.platform.outbox.Outbox;
import vn.inspectorate.platform.sql.Sql;
import vn.inspectorate.platform.time.VietnamTime;

/**
 * A case's events: each payload is built here, from the case after its transition, and written to the outbox in the
 * caller's transaction (type and topic from the event catalogue); status changes also go to the public topic.
 */
@ApplicationScoped
public class CaseEvents {

    private final Outbox outbox;

    CaseEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Records {@code payload} about case {@code c}, marked as history when the case was loaded as history. */
    public void publish(CitizenCase c, Record payload) {
        outbox.publish(c.id.toString(), payload, c.backfilled);
    }

    /** The sanitized variant for partners: ids, codes and status only; none for a case loaded as history. */
    public void publicStatus(CitizenCase c) {
        if (!c.backfilled) {
            outbox.publish(c.id.toString(), publicStatusOf(c));
        }
    }

    /** {@code case.received} and the public status of a case just filed, for {@link Outbox#publishAll}. */
    public List<Outbox.PendingEvent> received(CitizenCase c) {
        Outbox.PendingEvent received = Outbox.PendingEvent.of(c.id.toString(), receivedOf(c), c.backfilled);
        return c.backfilled ? List.of(received)
                : List.of(received, Outbox.PendingEvent.of(c.id.toString(), publicStatusOf(c)));
    }

    public void publishAll(List<Outbox.PendingEvent> events) {
        outbox.publishAll(events);
    }

    /** What {@link #publishAll(List)} does, the events written when {@code writes} is sent. */
    public void publishAll(List<Outbox.PendingEvent> events, Sql.Pipeline writes) {
        outbox.publishAll(events, writes);
    }

    /** A case is received at version 1, also one created already classified (a second instance). */
    static CaseReceived receivedOf(CitizenCase c) {
        return new CaseReceived(c.id, 1, now(), c.provinceCode, c.receivingBodyCode, c.channel.name(),
                c.sourceSystem, c.sourceReference, c.receivedOn, c.complainantCount, c.mass, c.anonymous,
                c.transferredFromCaseId);
    }

    static CaseClassified classifiedOf(CitizenCase c) {
        return new CaseClassified(c.id, c.version, now(), c.provinceCode, c.kind.name(), c.instance, c.complex,
                c.remoteArea, c.ruleSetVersion, c.kind == CaseKind.DENUNCIATION ? c.respondentDeclarantId : null);
    }

    static CaseAccepted acceptedOf(CitizenCase c) {
        return new CaseAccepted(c.id, c.version, now(), c.provinceCode, c.kind.name(), c.handlingBodyCode,
                c.acceptedOn, c.resolutionDueOn, c.ruleSetVersion);
    }

    static CaseRejected rejectedOf(CitizenCase c, CaseCommands.NotAccept cmd) {
        return new CaseRejected(c.id, c.version, now(), c.provinceCode, c.kind.name(), cmd.reasonCode().name(),
                cmd.decisionReference(), cmd.decidedOn());
    }

    static CaseAssigned assignedOf(CitizenCase c) {
        return new CaseAssigned(c.id, c.version, now(), c.provinceCode, c.handlingBodyCode, c.resolutionDueOn);
    }

    static CaseExtended extendedOf(CitizenCase c, CitizenCase.Extension extension, CaseCommands.Extend cmd) {
        return new CaseExtended(c.id, c.version, now(), c.provinceCode, c.extensionCount, extension.extraDays(),
                extension.previousDueOn(), c.resolutionDueOn, cmd.reasonCode().name(), cmd.decisionReference());
    }

    static CaseTransferred transferredOf(CitizenCase c, CaseCommands.Transfer cmd, String toProvinceCode) {
        return new CaseTransferred(c.id, c.version, now(), c.provinceCode, c.currentBody(), cmd.toBodyCode(),
                toProvinceCode, cmd.reasonCode());
    }

    static CaseResolved resolvedOf(CitizenCase c, UUID inspectionId) {
        boolean onTime = c.resolutionDueOn == null || !c.resolvedOn.isAfter(c.resolutionDueOn);
        return new CaseResolved(c.id, c.version, now(), c.provinceCode, c.kind.name(), c.handlingBodyCode, c.outcome,
                c.decisionReference, c.resolvedOn, onTime, inspectionId);
    }

    static CaseEscalated escalatedOf(CitizenCase c, String toBodyCode) {
        return new CaseEscalated(c.id, c.version, now(), c.provinceCode, 1, 2, toBodyCode, c.escalatedCaseId);
    }

    static CaseClosed closedOf(CitizenCase c, UUID duplicateOf) {
        return new CaseClosed(c.id, c.version, now(), c.provinceCode, c.closureReason, c.closedOn, duplicateOf);
    }

    public static CaseOverdue overdueOf(CitizenCase c, String step, LocalDate dueOn, int daysOverdue) {
        return new CaseOverdue(c.id, c.version, now(), c.provinceCode,
                c.handlingBodyCode != null ? c.handlingBodyCode : c.receivingBodyCode, step, dueOn, daysOverdue);
    }

    public static CaseWatchlisted watchlistedOf(CitizenCase c, boolean on, String decisionReference,
            LocalDate decidedOn) {
        return new CaseWatchlisted(c.id, c.version, now(), c.provinceCode, on, decisionReference, decidedOn);
    }

    public static CaseProgressReported progressOf(CitizenCase c, String reportMonth, String stage, boolean resolved,
            boolean overdue) {
        return new CaseProgressReported(c.id, c.version, now(), c.provinceCode, reportMonth, stage, resolved,
                overdue);
    }

    static CasePaused pausedOf(CitizenCase c) {
        return new CasePaused(c.id, c.version, now(), c.provinceCode, c.handlingBodyCode, c.pausedOn,
                c.currentDueOn == null);
    }

    static CaseResumed resumedOf(CitizenCase c, LocalDate resumedOn, long shiftedDays) {
        return new CaseResumed(c.id, c.version, now(), c.provinceCode, c.handlingBodyCode, resumedOn, shiftedDays,
                c.resolutionDueOn);
    }

    /** {@code whole}: the case closed as withdrawn; else part of it was withdrawn (what, stays in its history). */
    static CaseWithdrawn withdrawnOf(CitizenCase c, boolean whole, LocalDate withdrawnOn) {
        return new CaseWithdrawn(c.id, c.version, now(), c.provinceCode, whole ? "WHOLE" : "PART", withdrawnOn);
    }

    static CaseDenouncerNotified denouncerNotifiedOf(CitizenCase c, boolean onTime) {
        return new CaseDenouncerNotified(c.id, c.version, now(), c.provinceCode, c.denouncerNotifiedOn, c.notifyDueOn,
                onTime);
    }

    /**
     * Case {@code c} linked to earlier cases as one matter by one step, whose link id is {@code linkId}; keyed by
     * {@code c}, history when {@code c} is.
     */
    static Outbox.PendingEvent linkedOf(CitizenCase c, UUID linkId, List<CaseLinked.Link> links) {
        return Outbox.PendingEvent.of(c.id.toString(), new CaseLinked(linkId, 1, now(), c.id, c.provinceCode,
                List.copyOf(links)), c.backfilled);
    }

    static PublicCaseStatusChanged publicStatusOf(CitizenCase c) {
        return new PublicCaseStatusChanged(c.id, c.version, now(), c.provinceCode, c.kind.name(), c.status.name(),
                c.handlingBodyCode);
    }

    public static OffsetDateTime now() {
        return VietnamTime.now();
    }
}
