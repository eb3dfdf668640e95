package vn.inspectorate.inspection.overlaps;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import vn.inspectorate.contracts.TimeOrderedIds;
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

    private final OverlapStore store;
    private final ReferenceData reference;
    private final Outbox outbox;

    OverlapChecker(OverlapStore store, ReferenceData reference, Outbox outbox) {
        this.store = store;
        this.reference = reference;
        this.outbox = outbox;
    }

    /** Records the conflicts of {@code candidate} (and an overlap-detected event if any) and returns them. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<OverlapConflict> check(Candidate candidate) {
        List<OverlapConflict> found = new ArrayList<>();
        UUID exclude = candidate.excludeId() == null ? candidate.id() : candidate.excludeId();
        for (OverlapStore.Other other : store.others(candidate, exclude, true)) {
            found.add(conflict(candidate, OverlapConflict.SAME_SUBJECT, other));
        }
        if (InspectedEntity.ENTERPRISE.equals(candidate.entity().kind)) {
            int limit = reference.parameter("ENTERPRISE_INSPECTIONS_PER_YEAR", candidate.on());
            List<OverlapStore.Other> all = store.others(candidate, exclude, false);
            if (all.size() + 1 > limit) {
                for (OverlapStore.Other other : all) {
                    found.add(conflict(candidate, OverlapConflict.ENTERPRISE_ONCE_A_YEAR, other));
                }
            }
        }
        for (OverlapConflict c : found) {
            c.persist();
        }
        if (!found.isEmpty()) {
            outbox.publish(candidate.id().toString(), OverlapEvents.detected(candidate, found));
        }
        return found;
    }

    /** Unsettled conflicts on either side of any of {@code ids}. */
    public List<OverlapConflict> unsettled(List<UUID> ids) {
        return store.unsettled(ids);
    }

    /** Every conflict on either side of {@code id}. */
    public List<OverlapConflict> involving(UUID id) {
        return store.involving(id);
    }

    private static OverlapConflict conflict(Candidate c, String rule, OverlapStore.Other other) {
        OverlapConflict conflict = new OverlapConflict();
        conflict.id = TimeOrderedIds.next();
        conflict.planYear = c.year();
        conflict.provinceCode = c.entity().provinceCode;
        conflict.entityCode = c.entity().code;
        conflict.subject = c.subject();
        conflict.rule = rule;
        conflict.sourceKind = c.kind();
        conflict.sourceId = c.id();
        conflict.sourceBodyCode = c.bodyCode();
        conflict.otherKind = other.kind();
        conflict.otherId = other.id();
        conflict.otherBodyCode = other.bodyCode();
        conflict.otherPlanId = other.planId();
        conflict.otherStart = other.start();
        conflict.otherEnd = other.end();
        conflict.detectedAt = ReferenceData.now();
        return conflict;
    }
}
