package vn.inspectorate.complaints.cases;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import vn.inspectorate.platform.sql.Sql;

/**
 * The filtered list of cases: one page in a stable order, and how many match in all. Apart from {@link CaseStore}
 * because it is the one statement assembled at run time: each filter adds a constant fragment of this class and
 * binds its value, the order is a column chosen from {@link #SORTS}.
 */
@ApplicationScoped
class CaseSearch {

    /** Sortable fields and their columns; the id breaks ties so pages never overlap. */
    static final Map<String, String> SORTS = Map.of(
            "receivedOn", "c.received_on", "currentDueOn", "c.current_due_on", "updatedAt", "c.updated_at",
            "createdAt", "c.created_at");

    /** A page of cases in the order asked, and how many cases match in all. */
    record Found(List<CitizenCase> cases, long total) {
    }

    private final Sql sql;
    private final CaseStore store;

    CaseSearch(Sql sql, CaseStore store) {
        this.sql = sql;
        this.store = store;
    }

    /** The cases matching {@code f}, sorted by {@code sortField} (a key of {@link #SORTS}), one page. */
    Found search(CaseQueryService.Filter f, String sortField, boolean descending, int page, int size) {
        List<String> where = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        LocalDate today = BusinessDate.today();
        if (f.province() != null) {
            where.add("c.province_code = ?");
            params.add(f.province());
        }
        if (f.kind() != null) {
            where.add("c.kind = ?");
            params.add(f.kind());
        }
        if (f.status() != null) {
            where.add("c.status = ?");
            params.add(f.status());
        }
        if (f.handlingBody() != null) {
            where.add("c.handling_body_code = ?");
            params.add(f.handlingBody());
        }
        if (f.overdue() != null) {
            where.add(f.overdue() ? "c.current_due_on < ?" : "(c.current_due_on is null or c.current_due_on >= ?)");
            params.add(today);
        }
        if (f.dueWithinDays() != null) {
            where.add("c.current_due_on between ? and ?");
            params.add(today);
            params.add(today.plusDays(f.dueWithinDays()));
        }
        if (f.receivedFrom() != null) {
            where.add("c.received_on >= ?");
            params.add(f.receivedFrom());
        }
        if (f.receivedTo() != null) {
            where.add("c.received_on <= ?");
            params.add(f.receivedTo());
        }
        if (f.watchlist() != null) {
            where.add((f.watchlist() ? "" : "not ")
                    + "exists (select 1 from watchlist_entry w where w.case_id = c.id and w.active)");
        }
        String clause = where.isEmpty() ? "" : " where " + String.join(" and ", where);
        String order = SORTS.get(sortField) + (descending ? " desc nulls last" : " asc nulls last") + ", c.id";
        long total = sql.queryFirst("select count(*) from citizen_case c" + clause, params, rs -> rs.getLong(1))
                .orElseThrow();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(size);
        pageParams.add((long) page * size);
        List<UUID> ids = sql.query("select c.id from citizen_case c" + clause + " order by " + order
                + " limit ? offset ?", pageParams, rs -> rs.getObject(1, UUID.class));
        Map<UUID, CitizenCase> byId = ids.isEmpty() ? Map.of()
                : store.list("id in ?1", ids).stream().collect(Collectors.toMap(c -> c.id, Function.identity()));
        return new Found(ids.stream().map(byId::get).toList(), total);
    }
}
