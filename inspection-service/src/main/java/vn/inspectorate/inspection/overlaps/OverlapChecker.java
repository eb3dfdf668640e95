package vn.inspectorate.inspection.overlaps;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import vn.inspectorate.contracts.inspections.InspectionOverlapDetected;
import vn.inspectorate.inspection.reference.InspectedEntity;
import vn.inspectorate.inspection.reference.ReferenceData;
import vn.inspectorate.platform.outbox.Outbox;

/**
 * The national overlap check. Every plan's items and every inspection of the same entity and year are looked up
 * through the (entity, year) indexes, whatever body or province they belong to:
 * <ul>
 * <li>another body on the same subject in the same year is a conflict;</li>
 * <li>an enterprise inspected more often in a year than the dated limit allows is a conflict, whoever inspects it.</li>
 * </ul>
 * Withdrawn items and planned items already opened as inspections (the inspection stands for them) do not count.
 */
@ApplicationScoped
public class OverlapChecker {

    /** What is being added. {@code excludeId} is the planned inspection an inspection is opened from, if any. */
    public record Candidate(String kind, UUID id, long version, String bodyCode, String provinceCode,
            InspectedEntity entity, String subject, int year, LocalDate on, UUID excludeId) {
    }

    private final EntityManager em;
    private final ReferenceData reference;
    private final Outbox outbox;

    OverlapChecker(EntityManager em, ReferenceData reference, Outbox outbox) {
        this.em = em;
        this.reference = reference;
        this.outbox = outbox;
    }

    /** Records the conflicts of {@code candidate} (and an overlap-detected event if any) and returns them. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<OverlapConflict> check(Candidate candidate) {
        List<OverlapConflict> found = new ArrayList<>();
        UUID exclude = candidate.excludeId() == null ? candidate.id() : candidate.excludeId();
        for (Object[] row : others(candidate, exclude, true)) {
            found.add(conflict(candidate, OverlapConflict.SAME_SUBJECT, row));
        }
        if (InspectedEntity.ENTERPRISE.equals(candidate.entity().kind)) {
            int limit = reference.parameter("ENTERPRISE_INSPECTIONS_PER_YEAR", candidate.on());
            List<Object[]> all = others(candidate, exclude, false);
            if (all.size() + 1 > limit) {
                for (Object[] row : all) {
                    found.add(conflict(candidate, OverlapConflict.ENTERPRISE_ONCE_A_YEAR, row));
                }
            }
        }
        for (OverlapConflict c : found) {
            c.persist();
        }
        if (!found.isEmpty()) {
            outbox.publish(candidate.id().toString(),
                    new InspectionOverlapDetected(candidate.id(), candidate.version(), ReferenceData.now(),
                            candidate.entity().provinceCode, candidate.entity().code, candidate.subject(),
                            candidate.year(), found.stream().map(c -> c.rule).distinct().sorted()
                                    .reduce((a, b) -> a + "," + b).orElseThrow(),
                            found.stream().map(c -> c.otherId).distinct().toList()));
        }
        return found;
    }

    /** Unsettled conflicts on either side of any of {@code ids}. */
    public List<OverlapConflict> unsettled(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return OverlapConflict.<OverlapConflict>find("settledAt is null and (sourceId in ?1 or otherId in ?1) "
                + "order by detectedAt, id", ids).list();
    }

    /** Every conflict on either side of {@code id}. */
    public List<OverlapConflict> involving(UUID id) {
        return OverlapConflict.<OverlapConflict>find("sourceId = ?1 or otherId = ?1 order by detectedAt, id", id)
                .list();
    }

    /** Rows: kind, id, body, plan, start, end. With {@code sameSubject}, only other bodies on the same subject. */
    @SuppressWarnings("unchecked")
    private List<Object[]> others(Candidate c, UUID exclude, boolean sameSubject) {
        String subjectFilterPlanned = sameSubject ? " and p.subject = :subject and p.body_code <> :body" : "";
        String subjectFilterInspection = sameSubject ? " and i.subject = :subject and i.body_code <> :body" : "";
        var query = em.createNativeQuery("""
                select 'PLANNED_INSPECTION', p.id, p.body_code, p.plan_id, p.planned_start,
                       p.planned_start + p.duration_days
                from planned_inspection p
                where p.entity_code = :entity and p.plan_year = :year and p.status = 'PLANNED' and p.id <> :exclude
                """ + subjectFilterPlanned + """

                union all
                select 'INSPECTION', i.id, i.body_code, i.plan_id, i.opened_on, i.due_on
                from inspection i
                where i.entity_code = :entity and i.inspection_year = :year and i.re_inspection_of is null
                  and i.id <> :exclude and i.id <> :self
                """ + subjectFilterInspection + """

                order by 5, 2""")
                .setParameter("entity", c.entity().code).setParameter("year", c.year())
                .setParameter("exclude", exclude).setParameter("self", c.id());
        if (sameSubject) {
            query.setParameter("subject", c.subject()).setParameter("body", c.bodyCode());
        }
        return query.getResultList();
    }

    private OverlapConflict conflict(Candidate c, String rule, Object[] row) {
        OverlapConflict conflict = new OverlapConflict();
        conflict.id = UUID.randomUUID();
        conflict.planYear = c.year();
        conflict.provinceCode = c.entity().provinceCode;
        conflict.entityCode = c.entity().code;
        conflict.subject = c.subject();
        conflict.rule = rule;
        conflict.sourceKind = c.kind();
        conflict.sourceId = c.id();
        conflict.sourceBodyCode = c.bodyCode();
        conflict.otherKind = (String) row[0];
        conflict.otherId = (UUID) row[1];
        conflict.otherBodyCode = (String) row[2];
        conflict.otherPlanId = (UUID) row[3];
        conflict.otherStart = toDate(row[4]);
        conflict.otherEnd = toDate(row[5]);
        conflict.detectedAt = ReferenceData.now();
        return conflict;
    }

    private static LocalDate toDate(Object value) {
        if (value instanceof LocalDate d) {
            return d;
        }
        return value == null ? null : ((Date) value).toLocalDate();
    }
}
