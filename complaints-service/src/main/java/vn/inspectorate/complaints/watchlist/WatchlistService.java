package vn.inspectorate.complaints.watchlist;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.inspectorate.complaints.cases.BusinessDate;
import vn.inspectorate.complaints.cases.CaseAccess;
import vn.inspectorate.complaints.cases.CaseEvents;
import vn.inspectorate.complaints.cases.CaseHistoryLog;
import vn.inspectorate.complaints.cases.CaseStatus;
import vn.inspectorate.complaints.cases.CitizenCase;
import vn.inspectorate.platform.naturalkey.NaturalKeyMatch;
import vn.inspectorate.platform.paging.Page;
import vn.inspectorate.platform.paging.PageRequest;
import vn.inspectorate.platform.problem.Problem;
import vn.inspectorate.platform.problem.ProblemException;

/** The central watchlist of prolonged, complex cases and the monthly progress each must report until resolved. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class WatchlistService {

    private final EntityManager em;
    private final WatchlistStore store;
    private final CaseAccess access;
    private final CaseHistoryLog history;
    private final CaseEvents events;

    WatchlistService(EntityManager em, WatchlistStore store, CaseAccess access, CaseHistoryLog history,
            CaseEvents events) {
        this.em = em;
        this.store = store;
        this.access = access;
        this.history = history;
        this.events = events;
    }

    public CitizenCase add(UUID id, WatchlistCommands.Decision cmd, String actor) {
        CitizenCase c = access.forUpdate(id);
        checkDate(cmd.decidedOn());
        WatchlistStore.Entry current = store.entry(id);
        if (current != null && current.active()) {
            if (cmd.decisionReference().equals(current.addedDecisionReference())) {
                // a retry of the same decision, unless it is dated otherwise
                NaturalKeyMatch.compare().field("decidedOn", cmd.decidedOn(), current.addedOn())
                        .requireSameKeyed("watchlist.natural-key", c.id);
                return c;
            }
            throw ProblemException.conflict("already-on-watchlist",
                    Map.of("allowedCommands", List.of("watchlist/removal", "watchlist/progress")),
                    "watchlist.already-on", current.addedDecisionReference());
        }
        store.activate(id, cmd.decisionReference(), cmd.decidedOn());
        return changed(c, actor, "watchlist-add", true, cmd);
    }

    public CitizenCase remove(UUID id, WatchlistCommands.Decision cmd, String actor) {
        CitizenCase c = access.forUpdate(id);
        checkDate(cmd.decidedOn());
        WatchlistStore.Entry current = store.entry(id);
        if (current == null || !current.active()) {
            throw ProblemException.conflict("not-on-watchlist", Map.of("allowedCommands", List.of("watchlist")),
                    "watchlist.not-on");
        }
        store.deactivate(id, cmd.decisionReference(), cmd.decidedOn());
        return changed(c, actor, "watchlist-remove", false, cmd);
    }

    public CitizenCase reportProgress(UUID id, WatchlistCommands.Progress cmd, String actor) {
        CitizenCase c = access.forUpdate(id);
        WatchlistStore.Entry current = store.entry(id);
        if (current == null || !current.active()) {
            throw ProblemException.conflict("not-on-watchlist", Map.of("allowedCommands", List.of()),
                    "watchlist.progress-not-on");
        }
        if (YearMonth.parse(cmd.reportMonth()).isAfter(YearMonth.from(BusinessDate.today()))) {
            throw ProblemException.unprocessable("invalid-reportMonth", List.of(Problem.FieldError.of("reportMonth",
                    "case.date-in-future.error")), "watchlist.month-to-come");
        }
        boolean resolved = Boolean.TRUE.equals(cmd.resolved());
        if (store.sameProgress(id, cmd, resolved)) {
            return c;  // a retry of the same report: nothing new
        }
        store.reportProgress(id, cmd, resolved, actor);
        c.changed();
        em.flush();
        history.record(c.id, actor, "watchlist-progress", c.status, c.status,
                Map.of("reportMonth", cmd.reportMonth(), "stage", cmd.stage()));
        boolean overdue = c.currentDueOn != null && c.currentDueOn.isBefore(BusinessDate.today());
        events.publish(c, CaseEvents.progressOf(c, cmd.reportMonth(), cmd.stage(), resolved, overdue));
        return c;
    }

    /** Active watchlist cases (of {@code province}, or all when null) without a progress report for {@code month}. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<WatchlistCommands.Entry> withoutProgress(String province, YearMonth month, PageRequest page) {
        return store.withoutProgress(province, month, page);
    }

    private CitizenCase changed(CitizenCase c, String actor, String command, boolean on,
            WatchlistCommands.Decision cmd) {
        c.changed();
        em.flush();
        CaseStatus status = c.status;
        history.record(c.id, actor, command, status, status, cmd);
        events.publish(c, CaseEvents.watchlistedOf(c, on, cmd.decisionReference(), cmd.decidedOn()));
        return c;
    }

    private static void checkDate(LocalDate date) {
        if (date.isAfter(BusinessDate.today())) {
            throw ProblemException.unprocessable("invalid-decidedOn", List.of(Problem.FieldError.of("decidedOn",
                    "case.date-in-future.error")), "watchlist.decided-in-future");
        }
    }
}
