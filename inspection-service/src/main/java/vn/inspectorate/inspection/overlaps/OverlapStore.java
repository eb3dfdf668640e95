package vn.inspectorate.inspection.overlaps;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import vn.inspectorate.platform.sql.Sql;

/** All SQL of overlap conflicts: the search for what a candidate meets, the conflicts, a settlement's withdrawal. */
@ApplicationScoped
public class OverlapStore implements PanacheRepositoryBase<OverlapConflict, UUID> {

    private static final String PLANNED = """
            select 'PLANNED_INSPECTION', p.id, p.body_code, p.plan_id, p.planned_start,
                   p.planned_start + p.duration_days
            from planned_inspection p
            where p.entity_code = ? and p.plan_year = ? and p.status = 'PLANNED' and p.id <> ?
            """;
    private static final String PLANNED_SAME_SUBJECT = " and p.subject = ? and p.body_code <> ?\n";
    private static final String INSPECTIONS = """
            union all
            select 'INSPECTION', i.id, i.body_code, i.plan_id, i.opened_on, i.due_on
            from inspection i
            where i.entity_code = ? and i.inspection_year = ? and i.re_inspection_of is null
              and i.id <> ? and i.id <> ?
            """;
    private static final String INSPECTIONS_SAME_SUBJECT = " and i.subject = ? and i.body_code <> ?\n";
    private static final String ORDER = "order by 5, 2";

    private static final String WITHDRAW = """
            update planned_inspection set status = 'WITHDRAWN' where id = ? and status = 'PLANNED'""";

    private final Sql sql;

    OverlapStore(Sql sql) {
        this.sql = sql;
    }

    /** A planned inspection or an inspection a candidate meets, with its dates. */
    public record Other(String kind, UUID id, String bodyCode, UUID planId, LocalDate start, LocalDate end) {
    }

    /**
     * The planned inspections and inspections of the candidate's entity and year but {@code exclude} and the
     * candidate itself; with {@code sameSubject}, only other bodies' on the same subject.
     */
    public List<Other> others(OverlapChecker.Candidate c, UUID exclude, boolean sameSubject) {
        // what this transaction changed (an item just opened, a status) must be what the search sees
        getEntityManager().flush();
        List<Object> params = new ArrayList<>(List.of(c.entity().code, c.year(), exclude));
        StringBuilder statement = new StringBuilder(PLANNED);
        if (sameSubject) {
            statement.append(PLANNED_SAME_SUBJECT);
            params.addAll(List.of(c.subject(), c.bodyCode()));
        }
        statement.append(INSPECTIONS);
        params.addAll(List.of(c.entity().code, c.year(), exclude, c.id()));
        if (sameSubject) {
            statement.append(INSPECTIONS_SAME_SUBJECT);
            params.addAll(List.of(c.subject(), c.bodyCode()));
        }
        statement.append(ORDER);
        return sql.query(statement.toString(), params, rs -> new Other(rs.getString(1), rs.getObject(2, UUID.class),
                rs.getString(3), rs.getObject(4, UUID.class), rs.getObject(5, LocalDate.class),
                rs.getObject(6, LocalDate.class)));
    }

    /** Unsettled conflicts on either side of any of {@code ids}. */
    public List<OverlapConflict> unsettled(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return find("settledAt is null and (sourceId in ?1 or otherId in ?1) order by detectedAt, id", ids).list();
    }

    /** Every conflict on either side of {@code id}. */
    public List<OverlapConflict> involving(UUID id) {
        return find("sourceId = ?1 or otherId = ?1 order by detectedAt, id", id).list();
    }

    /** The conflicts of a year, of one province (null: all), in the order they were found. */
    public List<OverlapConflict> ofYear(int year, String province) {
        return province == null
                ? find("planYear = ?1 order by detectedAt, id", year).list()
                : find("planYear = ?1 and provinceCode = ?2 order by detectedAt, id", year, province).list();
    }

    /** The conflict, locked for its settlement; null when there is none. */
    public OverlapConflict locked(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Withdraws a planned inspection not yet opened. */
    public void withdraw(UUID plannedInspectionId) {
        getEntityManager().flush();
        sql.update(WITHDRAW, List.of(plannedInspectionId));
    }
}
