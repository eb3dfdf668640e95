package vn.inspectorate.complaints.cases;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import vn.inspectorate.platform.paging.PageRequest;
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

    /** Each sort field's value of a case, as the {@code after} token carries it, and back to a bound value. */
    private static final Map<String, Function<CitizenCase, Object>> SORT_VALUES = Map.of(
            "receivedOn", c -> c.receivedOn, "currentDueOn", c -> c.currentDueOn, "updatedAt", c -> c.updatedAt,
            "createdAt", c -> c.createdAt);
    private static final Map<String, Function<String, Object>> SORT_PARSERS = Map.of(
            "receivedOn", LocalDate::parse, "currentDueOn", LocalDate::parse, "updatedAt", OffsetDateTime::parse,
            "createdAt", OffsetDateTime::parse);

    /** Up to {@link PageRequest#fetch()} cases in the order asked, and how many cases match in all. */
    record Found(List<CitizenCase> cases, long total) {
    }

    /** The sort key of a case in the order of {@code sortField}, which the {@code after} token of its page holds. */
    static List<String> key(String sortField, CitizenCase c) {
        Object value = SORT_VALUES.get(sortField).apply(c);
        return java.util.Arrays.asList(value == null ? null : value.toString(), c.id.toString());
    }

    private final Sql sql;
    private final CaseStore store;

    CaseSearch(Sql sql, CaseStore store) {
        this.sql = sql;
        this.store = store;
    }

    /**
     * The cases matching {@code f}, sorted by {@code sortField} (a key of {@link #SORTS}): the page after
     * {@code page}'s position (keyset), or the one {@code offset} rows in (the older page numbers; 0 with a position).
     */
    Found search(CaseQueryService.Filter f, String sortField, boolean descending, long offset, PageRequest page) {
        LocalDate today = BusinessDate.today();
        Where where = new Where();
        if (f.province() != null) {
            where.and("c.province_code = ?", f.province());
        }
        if (f.kind() != null) {
            where.and("c.kind = ?", f.kind());
        }
        if (f.status() != null) {
            where.and("c.status = ?", f.status());
        }
        if (f.handlingBody() != null) {
            where.and("c.handling_body_code = ?", f.handlingBody());
        }
        if (f.overdue() != null) {
            where.and(f.overdue() ? "c.current_due_on < ?" : "(c.current_due_on is null or c.current_due_on >= ?)",
                    today);
        }
        if (f.dueWithinDays() != null) {
            where.and("c.current_due_on between ? and ?", today, today.plusDays(f.dueWithinDays()));
        }
        if (f.receivedFrom() != null) {
            where.and("c.received_on >= ?", f.receivedFrom());
        }
        if (f.receivedTo() != null) {
            where.and("c.received_on <= ?", f.receivedTo());
        }
        if (f.watchlist() != null) {
            where.and((f.watchlist() ? "" : "not ")
                    + "exists (select 1 from watchlist_entry w where w.case_id = c.id and w.active)");
        }
        String clause = where.clause();
        String column = SORTS.get(sortField);
        String order = column + (descending ? " desc nulls last" : " asc nulls last") + ", c.id";
        long total = sql.queryFirst("select count(*) from citizen_case c" + clause, where.params,
                rs -> rs.getLong(1)).orElseThrow();
        if (!page.first()) {
            // the rows after the last one read in "column nulls last, id" order; the column is a constant of SORTS
            UUID afterId = UUID.fromString(page.after(1));
            if (page.after(0) == null) {
                where.and("(" + column + " is null and c.id > ?)", afterId);
            } else {
                Object afterValue = SORT_PARSERS.get(sortField).apply(page.after(0));
                where.and("(" + column + (descending ? " < ?" : " > ?") + " or (" + column + " = ? and c.id > ?) or "
                        + column + " is null)", afterValue, afterValue, afterId);
            }
        }
        List<Object> pageParams = new ArrayList<>(where.params);
        pageParams.add(page.fetch());
        pageParams.add(offset);
        List<UUID> ids = sql.query("select c.id from citizen_case c" + where.clause() + " order by " + order
                + " limit ? offset ?", pageParams, rs -> rs.getObject(1, UUID.class));
        Map<UUID, CitizenCase> byId = ids.isEmpty() ? Map.of()
                : store.list("id in ?1", ids).stream().collect(Collectors.toMap(c -> c.id, Function.identity()));
        return new Found(ids.stream().map(byId::get).toList(), total);
    }

    /** The conditions of a search: constant fragments of this class, and the values they bind, in order. */
    private static final class Where {
        private final List<String> fragments = new ArrayList<>();
        private final List<Object> params = new ArrayList<>();

        String clause() {
            return fragments.isEmpty() ? "" : " where " + String.join(" and ", fragments);
        }

        void and(String fragment, Object... values) {
            fragments.add(fragment);
            params.addAll(Arrays.asList(values));
        }
    }
}
