package vn.inspectorate.complaints.watchlist;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import vn.inspectorate.platform.paging.Page;
import vn.inspectorate.platform.paging.PageRequest;
import vn.inspectorate.platform.sql.Sql;

/** All SQL of the watchlist: a case's entry, its monthly progress reports, and the cases late with one. */
@ApplicationScoped
class WatchlistStore {

    /** A case's watchlist entry: whether it is on the list, by which decision and since when. */
    record Entry(boolean active, String addedDecisionReference, LocalDate addedOn) {
    }

    private final Sql sql;

    WatchlistStore(Sql sql) {
        this.sql = sql;
    }

    /** The entry of case {@code id}; null when it was never on the watchlist. */
    Entry entry(UUID id) {
        return sql.queryFirst(
                "select active, added_decision_reference, added_on from watchlist_entry where case_id = ?",
                List.of(id), rs -> new Entry(rs.getBoolean(1), rs.getString(2), rs.getObject(3, LocalDate.class)))
                .orElse(null);
    }

    /** Puts case {@code id} on the watchlist (again) by {@code decisionReference}. */
    void activate(UUID id, String decisionReference, LocalDate decidedOn) {
        sql.update("""
                insert into watchlist_entry (case_id, active, added_decision_reference, added_on) values (?, true, ?, ?)
                on conflict (case_id) do update set active = true, added_decision_reference = ?, added_on = ?,
                    removed_decision_reference = null, removed_on = null""",
                List.of(id, decisionReference, decidedOn, decisionReference, decidedOn));
    }

    void deactivate(UUID id, String decisionReference, LocalDate decidedOn) {
        sql.update("""
                update watchlist_entry set active = false, removed_decision_reference = ?, removed_on = ?
                where case_id = ?""", List.of(decisionReference, decidedOn, id));
    }

    /** Whether the month's report of case {@code id} already says exactly this. */
    boolean sameProgress(UUID id, WatchlistCommands.Progress cmd, boolean resolved) {
        return sql.queryFirst("""
                select 1 from watchlist_progress where case_id = ? and report_month = ? and stage = ?
                  and coalesce(note, '') = coalesce(cast(? as text), '') and resolved = ?""",
                Arrays.asList(id, cmd.reportMonth(), cmd.stage(), cmd.note(), resolved), rs -> true).isPresent();
    }

    /** Records the month's report of case {@code id}, replacing an earlier report of the same month. */
    void reportProgress(UUID id, WatchlistCommands.Progress cmd, boolean resolved, String actor) {
        sql.update("""
                insert into watchlist_progress (case_id, report_month, stage, note, resolved, reported_by)
                values (?, ?, ?, ?, ?, ?)
                on conflict (case_id, report_month) do update
                set stage = ?, note = ?, resolved = ?, reported_by = ?, reported_at = now()""",
                Arrays.asList(id, cmd.reportMonth(), cmd.stage(), cmd.note(), resolved, actor,
                        cmd.stage(), cmd.note(), resolved, actor));
    }

    /** Active watchlist cases (of {@code province}, or all when null) without a progress report for {@code month}. */
    Page<WatchlistCommands.Entry> withoutProgress(String province, YearMonth month, PageRequest page) {
        LocalDate afterOn = page.first() ? null : LocalDate.parse(page.after(0));
        UUID afterId = page.first() ? null : UUID.fromString(page.after(1));
        List<WatchlistCommands.Entry> rows = sql.query("""
                select c.id, c.province_code, c.status, w.added_decision_reference, w.added_on,
                       (select max(p.report_month) from watchlist_progress p where p.case_id = c.id)
                from watchlist_entry w join citizen_case c on c.id = w.case_id
                where w.active and (cast(? as text) is null or c.province_code = ?)
                  and not exists (select 1 from watchlist_progress p where p.case_id = c.id and p.report_month = ?)
                  and (cast(? as date) is null or w.added_on > ? or (w.added_on = ? and c.id > ?))
                order by w.added_on, c.id limit ?""", Arrays.asList(province, province, month.toString(), afterOn,
                        afterOn, afterOn, afterId, page.fetch()),
                rs -> new WatchlistCommands.Entry(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getObject(5, LocalDate.class), rs.getString(6)));
        return page.page(rows, e -> List.of(e.addedOn().toString(), e.caseId().toString()), null);
    }
}
