package vn.inspectorate.reporting.projection;

import static vn.inspectorate.reporting.projection.RecordFacts.date;
import static vn.inspectorate.reporting.projection.RecordFacts.flag;
import static vn.inspectorate.reporting.projection.RecordFacts.occurredOn;
import static vn.inspectorate.reporting.projection.RecordFacts.orEmpty;
import static vn.inspectorate.reporting.projection.RecordFacts.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeMap;
import vn.inspectorate.contracts.EventTypes;
import vn.inspectorate.reporting.figures.Figure;

/**
 * A citizen case's state, folded from its events in version order: a later version wins for what changes (kind,
 * handling body, deadline, watchlist), the first occurrence counts for what happens once (received, became overdue).
 */
final class CaseFold {

    String province;
    String receivingBody;
    String handlingBody;
    String kind;
    LocalDate receivedOn;
    boolean mass;
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
    boolean onWatchlist;
    LocalDate watchlistedOn;
    /** Monthly progress reports by month: true when the report marked the case overdue. */
    final TreeMap<LocalDate, Boolean> progress = new TreeMap<>();

    static CaseFold of(List<StoredEvent> events) {
        CaseFold f = new CaseFold();
        events.forEach(f::apply);
        return f;
    }

    private void apply(StoredEvent e) {
        JsonNode d = e.data();
        String p = text(d, "provinceCode");
        if (p != null) {
            province = p;
        }
        String k = text(d, "kind");
        if (k != null) {
            kind = k;
        }
        switch (e.type()) {
            case EventTypes.CASE_RECEIVED -> {
                receivingBody = text(d, "receivingBodyCode");
                receivedOn = date(d, "receivedOn");
                mass = flag(d, "mass");
            }
            case EventTypes.CASE_ACCEPTED -> {
                handlingBody = orKeep(text(d, "handlingBodyCode"), handlingBody);
                acceptedOn = date(d, "acceptedOn");
                dueOn = orKeep(date(d, "dueOn"), dueOn);
            }
            case EventTypes.CASE_REJECTED -> rejectedOn = date(d, "decidedOn");
            case EventTypes.CASE_ASSIGNED -> {
                handlingBody = orKeep(text(d, "handlingBodyCode"), handlingBody);
                dueOn = orKeep(date(d, "dueOn"), dueOn);
            }
            case EventTypes.CASE_EXTENDED -> dueOn = orKeep(date(d, "newDueOn"), dueOn);
            case EventTypes.CASE_TRANSFERRED -> transferredOn = occurredOn(d);
            case EventTypes.CASE_RESOLVED -> {
                handlingBody = orKeep(text(d, "handlingBodyCode"), handlingBody);
                resolvedOn = date(d, "resolvedOn");
                resolvedOnTime = flag(d, "onTime");
            }
            case EventTypes.CASE_ESCALATED -> escalatedOn = occurredOn(d);
            case EventTypes.CASE_CLOSED -> {
                closedOn = date(d, "closedOn");
                duplicateLinked = text(d, "duplicateOfCaseId") != null;
            }
            case EventTypes.CASE_OVERDUE -> {
                if (overdueOn == null) {
                    LocalDate due = date(d, "dueOn");
                    overdueOn = due != null ? due.plusDays(1) : occurredOn(d);
                }
            }
            case EventTypes.CASE_WATCHLISTED -> {
                onWatchlist = flag(d, "onWatchlist");
                if (onWatchlist && watchlistedOn == null) {
                    watchlistedOn = date(d, "decidedOn");
                }
            }
            case EventTypes.CASE_PROGRESS_REPORTED -> {
                String month = text(d, "reportMonth");
                if (month != null && month.matches("\\d{4}-\\d{2}")) {
                    progress.put(LocalDate.parse(month + "-01"), flag(d, "overdue"));
                }
            }
            default -> {
                // classified: kind only (read above)
            }
        }
    }

    String body() {
        return handlingBody != null ? handlingBody : receivingBody;
    }

    boolean open() {
        return resolvedOn == null && closedOn == null && rejectedOn == null;
    }

    List<Contribution> contributions() {
        RecordFacts.Collector c = new RecordFacts.Collector(province, body(), "", kind);
        c.add(Figure.CASES_RECEIVED, receivedOn, 1);
        c.add(Figure.CASES_MASS, receivedOn, mass ? 1 : 0);
        c.add(Figure.CASES_ACCEPTED, acceptedOn, 1);
        c.add(Figure.CASES_NOT_ACCEPTED, rejectedOn, 1);
        c.add(Figure.CASES_RESOLVED, resolvedOn, 1);
        c.add(Figure.CASES_RESOLVED_ON_TIME, resolvedOn, resolvedOnTime ? 1 : 0);
        c.add(Figure.CASES_OVERDUE, overdueOn, 1);
        c.add(Figure.CASES_TRANSFERRED, transferredOn, 1);
        c.add(Figure.CASES_ESCALATED, escalatedOn, 1);
        c.add(Figure.CASES_DUPLICATES_LINKED, closedOn, duplicateLinked ? 1 : 0);
        c.add(Figure.CASES_WATCHLISTED, watchlistedOn, 1);
        progress.forEach((month, overdue) -> {
            c.add(Figure.CASES_WATCHLIST_PROGRESS, month, 1);
            c.add(Figure.CASES_WATCHLIST_PROGRESS_OVERDUE, month, overdue ? 1 : 0);
        });
        return c.items();
    }

    String provinceOrEmpty() {
        return orEmpty(province);
    }

    private static <T> T orKeep(T value, T current) {
        return value != null ? value : current;
    }
}
