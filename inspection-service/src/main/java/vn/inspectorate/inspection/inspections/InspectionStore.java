package vn.inspectorate.inspection.inspections;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import vn.inspectorate.inspection.inspections.InspectionApi.OpenInspection;
import vn.inspectorate.inspection.inspections.InspectionApi.TeamMember;
import vn.inspectorate.inspection.reference.DurationRule;
import vn.inspectorate.platform.paging.Page;
import vn.inspectorate.platform.paging.PageRequest;
import vn.inspectorate.platform.sql.Sql;

/**
 * All SQL of inspections: the insert under the decision's natural key, the lookups by it, the linked cases, the
 * team as JSON.
 */
@ApplicationScoped
public class InspectionStore implements PanacheRepositoryBase<Inspection, UUID> {

    private static final TypeReference<List<TeamMember>> TEAM = new TypeReference<>() {
    };

    private static final String INSERT = """
            insert into inspection (id, body_code, province_code, decision_number, decision_date, legal_basis, team,
                inspection_type, subject, entity_code, inspection_year, planned_inspection_id, plan_id,
                re_inspection_of, status, opened_on, base_days, extensions_used, extension_days_total,
                max_extensions, extension_days_limit, due_on, version, created_by, created_at, backfilled)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPENED', ?, ?, 0, 0, ?, ?, ?, 1, ?, now(), ?)
            on conflict (body_code, decision_year, decision_number) do nothing""";

    private static final String LINK_CASE = """
            insert into inspection_case (inspection_id, case_id, position) values (?, ?, ?)""";

    private static final String CASE_IDS = """
            select case_id from inspection_case where inspection_id = ? order by position""";

    private final Sql sql;
    private final ObjectMapper mapper;

    InspectionStore(Sql sql, ObjectMapper mapper) {
        this.sql = sql;
        this.mapper = mapper;
    }

    /** What an opening writes besides the request: where, which items, the limits of the rule, who. */
    public record Opening(UUID id, String bodyCode, String provinceCode, String entityCode, UUID plannedInspectionId,
            UUID planId, UUID reInspectionOf, LocalDate openedOn, DurationRule rule, String createdBy,
            boolean backfilled) {
    }

    /** Inserts the inspection unless its decision is recorded already; true when this call inserted it. */
    public boolean insertIfNew(OpenInspection request, Opening o) {
        // what the persistence context holds goes first, as before any statement of the transaction
        getEntityManager().flush();
        return sql.update(INSERT, Arrays.asList(o.id(), o.bodyCode(), o.provinceCode(), request.decisionNumber(),
                request.decisionDate(), request.legalBasis(), json(request.team()), request.type().name(),
                request.subject(), o.entityCode(), o.openedOn().getYear(), o.plannedInspectionId(), o.planId(),
                o.reInspectionOf(), o.openedOn(), o.rule().baseDays, o.rule().maxExtensions, o.rule().extensionDays,
                o.openedOn().plusDays(o.rule().baseDays), o.createdBy(), o.backfilled())) == 1;
    }

    /** By the natural key's own columns, so the lookup is one probe of its unique index, however many records. */
    public Inspection byDecision(String bodyCode, LocalDate decisionDate, String decisionNumber) {
        return find("bodyCode = ?1 and decisionYear = ?2 and decisionNumber = ?3", bodyCode, decisionDate.getYear(),
                decisionNumber).firstResult();
    }

    /** The inspection, locked for a change; null when there is none. */
    public Inspection locked(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public void linkCases(UUID inspectionId, List<UUID> caseIds) {
        sql.batch(LINK_CASE, IntStream.range(0, caseIds.size())
                .mapToObj(i -> List.<Object>of(inspectionId, caseIds.get(i), i)).toList());
    }

    /** The linked cases in their order; they are written by {@link #linkCases} alone, so none waits in a flush. */
    public List<UUID> caseIds(UUID inspectionId) {
        return sql.query(CASE_IDS, List.of(inspectionId), rs -> rs.getObject(1, UUID.class));
    }

    /**
     * One page of the inspections of a province (null: all) and status (null: any), only those overrun on
     * {@code overrunOn} when it is given ({@link Inspection#overrun} in SQL), in the order they were opened (index
     * {@code inspection_listing}); and how many match in all.
     */
    public Page<Inspection> list(String province, InspectionStatus status, LocalDate overrunOn, PageRequest page) {
        StringBuilder query = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (province != null) {
            query.append(" and provinceCode = :province");
            params.put("province", province);
        }
        if (status != null) {
            query.append(" and status = :status");
            params.put("status", status.name());
        }
        if (overrunOn != null) {
            query.append(" and backfilled = false and ((status in :running and dueOn < :today)"
                    + " or (status not in :running and reportSubmittedOn > dueOn))");
            params.put("running", Arrays.stream(InspectionStatus.values()).filter(InspectionStatus::running)
                    .map(Enum::name).toList());
            params.put("today", overrunOn);
        }
        long total = count(query.toString(), params);
        if (!page.first()) {
            query.append(" and (openedOn > :afterDate or (openedOn = :afterDate and id > :afterId))");
            params.put("afterDate", LocalDate.parse(page.after(0)));
            params.put("afterId", UUID.fromString(page.after(1)));
        }
        List<Inspection> rows = find(query + " order by openedOn, id", params).range(0, page.fetch() - 1).list();
        return page.page(rows, i -> List.of(i.openedOn.toString(), i.id.toString()), total);
    }

    public List<InspectionExtension> extensions(UUID inspectionId) {
        return InspectionExtension.<InspectionExtension>find("inspectionId = ?1 order by number", inspectionId).list();
    }

    public List<TeamMember> team(Inspection inspection) {
        try {
            return mapper.readValue(inspection.team, TEAM);
        } catch (JsonProcessingException e) {
            return new ArrayList<>();
        }
    }

    private String json(List<TeamMember> team) {
        try {
            return mapper.writeValueAsString(team);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
