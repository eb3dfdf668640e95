package vn.inspectorate.complaints.watchlist;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/** All SQL of the watchlist: a case's entry, its monthly progress reports, and the cases late with one. */
@ApplicationScoped
class WatchlistStore {

    /** A case's watchlist entry: whether it is on the list, by which decision and since when. */
    record Entry(boolean active, String addedDecisionReference, LocalDate addedOn) {
    }

    private final EntityManager em;

    WatchlistStore(EntityManager em) {
        this.em = em;
    }

    /** The entry of case {@code id}; null when it was never on the watchlist. */
    Entry entry(UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                "select active, added_decision_reference, added_on from watchlist_entry where case_id = ?1")
                .setParameter(1, id).getResultList();
        return rows.isEmpty() ? null
                : new Entry((Boolean) rows.get(0)[0], (String) rows.get(0)[1], localDate(rows.get(0)[2]));
    }

    /** Puts case {@code id} on the watchlist (again) by {@code decisionReference}. */
    void activate(UUID id, String decisionReference, LocalDate decidedOn) {
        em.createNativeQuery("""
                insert into watchlist_entry (case_id, active, added_decision_reference, added_on) values (?1, true, ?2, ?3)
                on conflict (case_id) do update set active = true, added_decision_reference = ?2, added_on = ?3,
                    removed_decision_reference = null, removed_on = null""")
                .setParameter(1, id).setParameter(2, decisionReference).setParameter(3, decidedOn)
                .executeUpdate();
    }

    void deactivate(UUID id, String decisionReference, LocalDate decidedOn) {
        em.createNativeQuery("""
                update watchlist_entry set active = false, removed_decision_reference = ?2, removed_on = ?3
                where case_id = ?1""").setParameter(1, id).setParameter(2, decisionReference)
                .setParameter(3, decidedOn).executeUpdate();
    }

    /** Whether the month's report of case {@code id} already says exactly this. */
    boolean sameProgress(UUID id, WatchlistCommands.Progress cmd, boolean resolved) {
        return !em.createNativeQuery("""
                select 1 from watchlist_progress where case_id = ?1 and report_month = ?2 and stage = ?3
                  and coalesce(note, '') = coalesce(cast(?4 as text), '') and resolved = ?5""")
                .setParameter(1, id).setParameter(2, cmd.reportMonth()).setParameter(3, cmd.stage())
                .setParameter(4, cmd.note()).setParameter(5, resolved).getResultList().isEmpty();
    }

    /** Records the month's report of case {@code id}, replacing an earlier report of the same month. */
    void reportProgress(UUID id, WatchlistCommands.Progress cmd, boolean resolved, String actor) {
        em.createNativeQuery("""
                insert into watchlist_progress (case_id, report_month, stage, note, resolved, reported_by)
                values (?1, ?2, ?3, ?4, ?5, ?6)
                on conflict (case_id, report_month) do update
                set stage = ?3, note = ?4, resolved = ?5, reported_by = ?6, reported_at = now()""")
                .setParameter(1, id).setParameter(2, cmd.reportMonth()).setParameter(3, cmd.stage())
                .setParameter(4, cmd.note()).setParameter(5, resolved).setParameter(6, actor).executeUpdate();
    }

    /** Active watchlist cases (of {@code province}, or all when null) without a progress report for {@code month}. */
    @SuppressWarnings("unchecked")
    List<WatchlistCommands.Entry> withoutProgress(String province, YearMonth month) {
        List<Object[]> rows = em.createNativeQuery("""
                select c.id, c.province_code, c.status, w.added_decision_reference, w.added_on,
                       (select max(p.report_month) from watchlist_progress p where p.case_id = c.id)
                from watchlist_entry w join citizen_case c on c.id = w.case_id
                where w.active and (cast(?1 as text) is null or c.province_code = ?1)
                  and not exists (select 1 from watchlist_progress p where p.case_id = c.id and p.report_month = ?2)
                order by w.added_on, c.id""").setParameter(1, province).setParameter(2, month.toString())
                .getResultList();
        return rows.stream().map(r -> new WatchlistCommands.Entry((UUID) r[0], (String) r[1], (String) r[2],
                (String) r[3], localDate(r[4]), (String) r[5]))
                .toList();
    }

    private static LocalDate localDate(Object column) {
        return column instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) column;
    }
}
