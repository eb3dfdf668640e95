package vn.inspectorate.inspection.plans;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.inspectorate.contracts.TimeOrderedIds;
import vn.inspectorate.platform.paging.Page;
import vn.inspectorate.platform.paging.PageRequest;
import vn.inspectorate.platform.sql.Sql;

/** All SQL of plans: the inserts under the natural keys of a plan (body, year) and of its items (entity, subject). */
@ApplicationScoped
public class InspectionPlanStore implements PanacheRepositoryBase<InspectionPlan, UUID> {

    private static final String INSERT_DRAFT = """
            insert into inspection_plan (id, body_code, province_code, plan_year, status, version, created_by,
                                         created_at)
            values (?, ?, ?, ?, 'DRAFT', 1, ?, now())
            on conflict (body_code, plan_year) do nothing""";

    private static final String INSERT_HISTORY = """
            insert into inspection_plan (id, body_code, province_code, plan_year, status, version, created_by,
                                         created_at, approved_by, approved_on, backfilled)
            values (?, ?, ?, ?, 'APPROVED', 1, ?, now(), ?, ?, true)
            on conflict (body_code, plan_year) do nothing""";

    private static final String INSERT_ITEM = """
            insert into planned_inspection (id, plan_id, body_code, responsible_body_code, plan_year, entity_code,
                subject, inspection_type, planned_start, duration_days, status, added_by_amendment, created_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PLANNED', ?, now())
            on conflict (plan_id, entity_code, subject) do nothing""";

    private static final String NEXT_AMENDMENT = """
            select coalesce(max(number), 0) + 1 from plan_amendment where plan_id = ?""";

    private final Sql sql;

    InspectionPlanStore(Sql sql) {
        this.sql = sql;
    }

    /** Inserts a draft plan unless (body, year) has one; true when this call inserted it. */
    public boolean insertDraft(String bodyCode, String provinceCode, int year, String createdBy) {
        return write(INSERT_DRAFT, TimeOrderedIds.next(), bodyCode, provinceCode, year, createdBy);
    }

    /** Inserts an approved plan loaded as history unless (body, year) has one; true when this call inserted it. */
    public boolean insertHistory(String bodyCode, String provinceCode, int year, String loadedBy, LocalDate approvedOn) {
        return write(INSERT_HISTORY, TimeOrderedIds.next(), bodyCode, provinceCode, year, loadedBy, loadedBy,
                approvedOn);
    }

    /** Inserts an item unless the plan holds its entity and subject; true when this call inserted it. */
    public boolean insertItem(UUID id, InspectionPlan plan, String responsibleBodyCode, String entityCode,
            String subject, String type, LocalDate plannedStart, int durationDays, Integer amendment) {
        return write(INSERT_ITEM, id, plan.id, plan.bodyCode, responsibleBodyCode, plan.planYear, entityCode, subject,
                type, plannedStart, durationDays, amendment);
    }

    public InspectionPlan byBodyAndYear(String bodyCode, int year) {
        return find("bodyCode = ?1 and planYear = ?2", bodyCode, year).singleResult();
    }

    /** The plan, locked for a change; null when there is none. */
    public InspectionPlan locked(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** One page of the plans of a year, body and province, each optional (null), by year and body. */
    public Page<InspectionPlan> list(Integer year, String bodyCode, String province, PageRequest page) {
        StringBuilder query = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (year != null) {
            query.append(" and planYear = :year");
            params.put("year", year);
        }
        if (bodyCode != null) {
            query.append(" and bodyCode = :body");
            params.put("body", bodyCode);
        }
        if (province != null) {
            query.append(" and provinceCode = :province");
            params.put("province", province);
        }
        if (!page.first()) {
            query.append(" and (planYear > :afterYear or (planYear = :afterYear and (bodyCode > :afterBody"
                    + " or (bodyCode = :afterBody and id > :afterId))))");
            params.put("afterYear", Integer.parseInt(page.after(0)));
            params.put("afterBody", page.after(1));
            params.put("afterId", UUID.fromString(page.after(2)));
        }
        List<InspectionPlan> rows = find(query + " order by planYear, bodyCode, id", params)
                .range(0, page.fetch() - 1).list();
        return page.page(rows, p -> List.of(Integer.toString(p.planYear), p.bodyCode, p.id.toString()), null);
    }

    public PlannedInspection item(UUID planId, String entityCode, String subject) {
        return PlannedInspection.<PlannedInspection>find("planId = ?1 and entityCode = ?2 and subject = ?3", planId,
                entityCode, subject).singleResult();
    }

    public List<PlannedInspection> items(UUID planId) {
        return PlannedInspection.<PlannedInspection>find("planId = ?1 order by plannedStart, id", planId).list();
    }

    /** The items not withdrawn. */
    public List<PlannedInspection> activeItems(UUID planId) {
        return PlannedInspection.<PlannedInspection>find("planId = ?1 and status <> ?2 order by plannedStart, id",
                planId, PlannedInspection.WITHDRAWN).list();
    }

    /** The items the plan was created or loaded with, not those added by amendments. */
    public List<PlannedInspection> originalItems(UUID planId) {
        return PlannedInspection.<PlannedInspection>find("planId = ?1 and addedByAmendment is null", planId).list();
    }

    public List<PlanAmendment> amendments(UUID planId) {
        return PlanAmendment.<PlanAmendment>find("planId = ?1 order by number", planId).list();
    }

    public int nextAmendmentNumber(UUID planId) {
        getEntityManager().flush();
        return sql.queryFirst(NEXT_AMENDMENT, List.of(planId), rs -> rs.getInt(1)).orElseThrow();
    }

    private boolean write(String statement, Object... params) {
        // what the persistence context holds goes first, as before any statement of the transaction
        getEntityManager().flush();
        return sql.update(statement, Arrays.asList(params)) == 1;
    }
}
