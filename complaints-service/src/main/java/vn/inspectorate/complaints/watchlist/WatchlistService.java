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
import vn.inspectorate.platform.problem.Problem;
import vn.inspectorate.platform.problem.ProblemException;

/** The central watchlist of prolonged, complex cases and the monthly progress each must report until resolved. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class WatchlistService {

    private final EntityManager em;
    private final CaseAccess access;
    private final CaseHistoryLog history;
    private final CaseEvents events;

    WatchlistService(EntityManager em, CaseAccess access, CaseHistoryLog history, CaseEvents events) {
        this.em = em;
        this.access = access;
        this.history = history;
        this.events = events;
    }

    public CitizenCase add(UUID id, WatchlistCommands.Decision cmd, String actor) {
        CitizenCase c = access.forUpdate(id);
        checkDate(cmd.decidedOn());
        Object[] current = entry(id);
        if (current != null && (Boolean) current[0]) {
            if (cmd.decisionReference().equals(current[1])) {
                // a retry of the same decision, unless it is dated otherwise
                NaturalKeyMatch.compare().field("decidedOn", cmd.decidedOn(), localDate(current[2]))
                        .requireSame("A watchlist decision", "decision reference", c.id);
                return c;
            }
            throw ProblemException.conflict("already-on-watchlist", "The case is already on the watchlist by "
                    + current[1] + ".", Map.of("allowedCommands", List.of("watchlist/removal", "watchlist/progress")));
        }
        em.createNativeQuery("""
                insert into watchlist_entry (case_id, active, added_decision_reference, added_on) values (?1, true, ?2, ?3)
                on conflict (case_id) do update set active = true, added_decision_reference = ?2, added_on = ?3,
                    removed_decision_reference = null, removed_on = null""")
                .setParameter(1, id).setParameter(2, cmd.decisionReference()).setParameter(3, cmd.decidedOn())
                .executeUpdate();
        return changed(c, actor, "watchlist-add", true, cmd);
    }

    public CitizenCase remove(UUID id, WatchlistCommands.Decision cmd, String actor) {
        CitizenCase c = access.forUpdate(id);
        checkDate(cmd.decidedOn());
        Object[] current = entry(id);
        if (current == null || !(Boolean) current[0]) {
            throw ProblemException.conflict("not-on-watchlist", "The case is not on the watchlist.",
                    Map.of("allowedCommands", List.of("watchlist")));
        }
        em.createNativeQuery("""
                update watchlist_entry set active = false, removed_decision_reference = ?2, removed_on = ?3
                where case_id = ?1""").setParameter(1, id).setParameter(2, cmd.decisionReference())
                .setParameter(3, cmd.decidedOn()).executeUpdate();
        return changed(c, actor, "watchlist-remove", false, cmd);
    }

    public CitizenCase reportProgress(UUID id, WatchlistCommands.Progress cmd, String actor) {
        CitizenCase c = access.forUpdate(id);
        Object[] current = entry(id);
        if (current == null || !(Boolean) current[0]) {
            throw ProblemException.conflict("not-on-watchlist", "Only a watchlisted case reports monthly progress.",
                    Map.of("allowedCommands", List.of()));
        }
        if (YearMonth.parse(cmd.reportMonth()).isAfter(YearMonth.from(BusinessDate.today()))) {
            throw ProblemException.unprocessable("invalid-reportMonth", "A month still to come cannot be reported.",
                    List.of(new Problem.FieldError("reportMonth", "must not be in the future")));
        }
        boolean resolved = Boolean.TRUE.equals(cmd.resolved());
        @SuppressWarnings("unchecked")
        List<Object[]> same = em.createNativeQuery("""
                select 1 from watchlist_progress where case_id = ?1 and report_month = ?2 and stage = ?3
                  and coalesce(note, '') = coalesce(cast(?4 as text), '') and resolved = ?5""")
                .setParameter(1, id).setParameter(2, cmd.reportMonth()).setParameter(3, cmd.stage())
                .setParameter(4, cmd.note()).setParameter(5, resolved).getResultList();
        if (!same.isEmpty()) {
            return c;  // a retry of the same report: nothing new
        }
        em.createNativeQuery("""
                insert into watchlist_progress (case_id, report_month, stage, note, resolved, reported_by)
                values (?1, ?2, ?3, ?4, ?5, ?6)
                on conflict (case_id, report_month) do update
                set stage = ?3, note = ?4, resolved = ?5, reported_by = ?6, reported_at = now()""")
                .setParameter(1, id).setParameter(2, cmd.reportMonth()).setParameter(3, cmd.stage())
                .setParameter(4, cmd.note()).setParameter(5, resolved).setParameter(6, actor).executeUpdate();
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
    @SuppressWarnings("unchecked")
    public List<WatchlistCommands.Entry> withoutProgress(String province, YearMonth month) {
        List<Object[]> rows = em.createNativeQuery("""
                select c.id, c.province_code, c.status, w.added_decision_reference, w.added_on,
                       (select max(p.report_month) from watchlist_progress p where p.case_id = c.id)
                from watchlist_entry w join citizen_case c on c.id = w.case_id
                where w.active and (cast(?1 as text) is null or c.province_code = ?1)
                  and not exists (select 1 from watchlist_progress p where p.case_id = c.id and p.report_month = ?2)
                order by w.added_on, c.id""").setParameter(1, province).setParameter(2, month.toString())
                .getResultList();
        return rows.stream().map(r -> new WatchlistCommands.Entry((UUID) r[0], (String) r[1], (String) r[2],
                (String) r[3], r[4] instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) r[4], (String) r[5]))
                .toList();
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

    private Object[] entry(UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                "select active, added_decision_reference, added_on from watchlist_entry where case_id = ?1")
                .setParameter(1, id).getResultList();
        return rows.isEmpty() ? null : rows.get(0);
    }

    private static LocalDate localDate(Object column) {
        return column instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) column;
    }

    private static void checkDate(LocalDate date) {
        if (date.isAfter(BusinessDate.today())) {
            throw ProblemException.unprocessable("invalid-decidedOn", "The decision cannot be dated in the future.",
                    List.of(new Problem.FieldError("decidedOn", "must not be in the future")));
        }
    }
}
