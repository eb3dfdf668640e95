package vn.inspectorate.reporting.projection;

import static vn.inspectorate.reporting.projection.RecordFacts.occurredOn;
import static vn.inspectorate.reporting.projection.RecordFacts.orEmpty;
import static vn.inspectorate.reporting.projection.RecordFacts.orElse;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.TreeMap;
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
import vn.inspectorate.reporting.figures.Figure;

/**
 * A citizen case's state, folded from its events in version order: a later version wins for what changes (kind,
 * handling body, deadline, watchlist), the first occurrence counts for what happens once (received, became overdue).
 * Every event may carry the province, and those that carry the kind may change it; an absent one keeps the last.
 */
final class CaseFold {

    String province;
    String receivingBody;
    String handlingBody;
    String kind;
    LocalDate receivedOn;
    boolean mass;
    /** Arrived by a transfer from another body: the sending case counted the citizen's filing. */
    boolean arrivedByTransfer;
    LocalDate acceptedOn;
    LocalDate rejectedOn;
    LocalDate resolvedOn;
    boolean resolvedOnTime;
    LocalDate dueOn;
    LocalDate overdueOn;
    LocalDate transferredOn;
    LocalDate escalatedOn;
    LocalDate closedOn;
    boolean duplicateLinked;
    /** The case it was closed as a duplicate of: one matter with it. */
    UUID duplicateOf;
    LocalDate pausedOn;
    /** While paused with the clock stopped the case has no deadline; the one it had comes back moved on resuming. */
    boolean clockStopped;
    LocalDate withdrawnOn;
    LocalDate partlyWithdrawnOn;
    LocalDate denouncerNotifiedOn;
    boolean onWatchlist;
    LocalDate watchlistedOn;
    /** Monthly progress reports by month: true when the report marked the case overdue. */
    final TreeMap<LocalDate, Boolean> progress = new TreeMap<>();

    static CaseFold of(List<Record> payloads) {
        CaseFold f = new CaseFold();
        payloads.forEach(f::apply);
        return f;
    }

    private void apply(Record payload) {
        switch (payload) {
            case CaseReceived r -> {
                at(r.provinceCode(), null);
                receivingBody = r.receivingBodyCode();
                receivedOn = r.receivedOn();
                mass = r.mass();
                arrivedByTransfer = r.transferredFromCaseId() != null;
            }
            case CaseClassified r -> at(r.provinceCode(), r.kind());
            case CaseAccepted r -> {
                at(r.provinceCode(), r.kind());
                handlingBody = orElse(r.handlingBodyCode(), handlingBody);
                acceptedOn = r.acceptedOn();
                dueOn = orElse(r.dueOn(), dueOn);
            }
            case CaseRejected r -> {
                at(r.provinceCode(), r.kind());
                rejectedOn = r.decidedOn();
            }
            case CaseAssigned r -> {
                at(r.provinceCode(), null);
                handlingBody = orElse(r.handlingBodyCode(), handlingBody);
                dueOn = orElse(r.dueOn(), dueOn);
            }
            case CaseExtended r -> {
                at(r.provinceCode(), null);
                dueOn = orElse(r.newDueOn(), dueOn);
            }
            case CaseTransferred r -> {
                at(r.provinceCode(), null);
                transferredOn = occurredOn(r.occurredAt());
            }
            case CaseResolved r -> {
                at(r.provinceCode(), r.kind());
                handlingBody = orElse(r.handlingBodyCode(), handlingBody);
                resolvedOn = r.resolvedOn();
                resolvedOnTime = r.onTime();
            }
            case CaseEscalated r -> {
                at(r.provinceCode(), null);
                escalatedOn = occurredOn(r.occurredAt());
            }
            case CaseClosed r -> {
                at(r.provinceCode(), null);
                closedOn = r.closedOn();
                duplicateLinked = r.duplicateOfCaseId() != null;
                duplicateOf = r.duplicateOfCaseId();
            }
            case CasePaused r -> {
                at(r.provinceCode(), null);
                handlingBody = orElse(r.handlingBodyCode(), handlingBody);
                if (pausedOn == null) {
                    pausedOn = r.pausedOn();
                }
                clockStopped = r.clockStopped();
            }
            case CaseResumed r -> {
                at(r.provinceCode(), null);
                clockStopped = false;
                dueOn = orElse(r.resolutionDueOn(), dueOn);
            }
            case CaseWithdrawn r -> {
                at(r.provinceCode(), null);
                if ("WHOLE".equals(r.scope())) {
                    withdrawnOn = r.withdrawnOn();
                } else if (partlyWithdrawnOn == null) {
                    partlyWithdrawnOn = r.withdrawnOn();
                }
            }
            case CaseDenouncerNotified r -> {
                at(r.provinceCode(), null);
                denouncerNotifiedOn = r.notifiedOn();
            }
            case CaseLinked r -> {
                // a link is its own record (see Matters): nothing of the case
            }
            case CaseOverdue r -> {
                at(r.provinceCode(), null);
                if (overdueOn == null) {
                    overdueOn = r.dueOn() != null ? r.dueOn().plusDays(1) : occurredOn(r.occurredAt());
                }
            }
            case CaseWatchlisted r -> {
                at(r.provinceCode(), null);
                onWatchlist = r.onWatchlist();
                if (onWatchlist && watchlistedOn == null) {
                    watchlistedOn = r.decidedOn();
                }
            }
            case CaseProgressReported r -> {
                at(r.provinceCode(), null);
                String month = r.reportMonth();
                if (month != null && month.matches("\\d{4}-\\d{2}")) {
                    progress.put(LocalDate.parse(month + "-01"), r.overdue());
                }
            }
            default -> {
                // not a case event: nothing of the case
            }
        }
    }

    /** The province and kind an event names; an absent one keeps the last. */
    private void at(String provinceCode, String kindCode) {
        province = orElse(provinceCode, province);
        kind = orElse(kindCode, kind);
    }

    String body() {
        return handlingBody != null ? handlingBody : receivingBody;
    }

    /** The deadline that runs now: none while paused with the clock stopped. */
    LocalDate runningDueOn() {
        return clockStopped ? null : dueOn;
    }

    boolean open() {
        return resolvedOn == null && closedOn == null && rejectedOn == null;
    }

    List<Contribution> contributions() {
        RecordFacts.Collector c = new RecordFacts.Collector(province, body(), "", kind);
        if (!arrivedByTransfer) {
            c.add(Figure.CASES_RECEIVED, receivedOn, 1);
            c.add(Figure.CASES_MASS, receivedOn, mass ? 1 : 0);
        }
        c.add(Figure.CASES_ACCEPTED, acceptedOn, 1);
        c.add(Figure.CASES_NOT_ACCEPTED, rejectedOn, 1);
        c.add(Figure.CASES_RESOLVED, resolvedOn, 1);
        c.add(Figure.CASES_RESOLVED_ON_TIME, resolvedOn, resolvedOnTime ? 1 : 0);
        c.add(Figure.CASES_OVERDUE, overdueOn, 1);
        c.add(Figure.CASES_TRANSFERRED, transferredOn, 1);
        c.add(Figure.CASES_ESCALATED, escalatedOn, 1);
        c.add(Figure.CASES_DUPLICATES_LINKED, closedOn, duplicateLinked ? 1 : 0);
        c.add(Figure.CASES_WATCHLISTED, watchlistedOn, 1);
        c.add(Figure.CASES_PAUSED, pausedOn, 1);
        c.add(Figure.CASES_WITHDRAWN, withdrawnOn, 1);
        c.add(Figure.CASES_PARTLY_WITHDRAWN, partlyWithdrawnOn, 1);
        progress.forEach((month, overdue) -> {
            c.add(Figure.CASES_WATCHLIST_PROGRESS, month, 1);
            c.add(Figure.CASES_WATCHLIST_PROGRESS_OVERDUE, month, overdue ? 1 : 0);
        });
        return c.items();
    }

    String provinceOrEmpty() {
        return orEmpty(province);
    }
}
