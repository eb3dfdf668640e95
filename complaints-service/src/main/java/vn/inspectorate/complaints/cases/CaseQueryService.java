package vn.inspectorate.complaints.cases;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Listing cases with filters, a stable sort and a page; the filters use the indexes of {@code citizen_case}. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CaseQueryService {

    /** Sortable fields and their columns; the id breaks ties so pages never overlap. */
    static final Map<String, String> SORTS = Map.of(
            "receivedOn", "c.received_on", "currentDueOn", "c.current_due_on", "updatedAt", "c.updated_at",
            "createdAt", "c.created_at");

    private final EntityManager em;
    private final CaseViews views;

    CaseQueryService(EntityManager em, CaseViews views) {
        this.em = em;
        this.views = views;
    }

    /** What to look for; null fields do not filter. */
    public record Filter(String province, CaseKind kind, CaseStatus status, String handlingBody, Boolean overdue,
            Integer dueWithinDays, LocalDate receivedFrom, LocalDate receivedTo, Boolean watchlist) {
    }

    @SuppressWarnings("unchecked")
    public CasePage find(Filter f, String sortField, boolean descending, int page, int size) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        LocalDate today = BusinessDate.today();
        if (f.province() != null) {
            where.add("c.province_code = :province");
            params.put("province", f.province());
        }
        if (f.kind() != null) {
            where.add("c.kind = :kind");
            params.put("kind", f.kind().name());
        }
        if (f.status() != null) {
            where.add("c.status = :status");
            params.put("status", f.status().name());
        }
        if (f.handlingBody() != null) {
            where.add("c.handling_body_code = :body");
            params.put("body", f.handlingBody());
        }
        if (f.overdue() != null) {
            where.add(f.overdue() ? "c.current_due_on < :today" : "(c.current_due_on is null or c.current_due_on >= :today)");
            params.put("today", today);
        }
        if (f.dueWithinDays() != null) {
            where.add("c.current_due_on between :today and :dueBy");
            params.put("today", today);
            params.put("dueBy", today.plusDays(f.dueWithinDays()));
        }
        if (f.receivedFrom() != null) {
            where.add("c.received_on >= :from");
            params.put("from", f.receivedFrom());
        }
        if (f.receivedTo() != null) {
            where.add("c.received_on <= :to");
            params.put("to", f.receivedTo());
        }
        if (f.watchlist() != null) {
            where.add((f.watchlist() ? "" : "not ")
                    + "exists (select 1 from watchlist_entry w where w.case_id = c.id and w.active)");
        }
        String clause = where.isEmpty() ? "" : " where " + String.join(" and ", where);
        String order = SORTS.get(sortField) + (descending ? " desc nulls last" : " asc nulls last") + ", c.id";
        Query count = em.createNativeQuery("select count(*) from citizen_case c" + clause);
        Query select = em.createNativeQuery("select c.id from citizen_case c" + clause + " order by " + order
                + " limit :limit offset :offset");
        params.forEach((k, v) -> {
            count.setParameter(k, v);
            select.setParameter(k, v);
        });
        select.setParameter("limit", size).setParameter("offset", (long) page * size);
        long total = ((Number) count.getSingleResult()).longValue();
        List<UUID> ids = select.getResultList();
        Map<UUID, CitizenCase> byId = ids.isEmpty() ? Map.of()
                : CitizenCase.<CitizenCase>list("id in ?1", ids).stream()
                        .collect(Collectors.toMap(c -> c.id, Function.identity()));
        List<CaseView> items = ids.stream().map(byId::get).map(views::of).toList();
        return new CasePage(items, page, size, total, (total + size - 1) / size);
    }
}
