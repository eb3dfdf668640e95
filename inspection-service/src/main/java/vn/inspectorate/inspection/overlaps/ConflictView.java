package vn.inspectorate.inspection.overlaps;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One conflict as the API shows it: which body, which plan, which dates, and its settlement if any. */
public record ConflictView(
        UUID id,
        String rule,
        int year,
        String provinceCode,
        String entityCode,
        String subject,
        String sourceKind,
        UUID sourceId,
        String sourceBodyCode,
        String conflictingKind,
        UUID conflictingId,
        String conflictingBodyCode,
        UUID conflictingPlanId,
        LocalDate conflictingStart,
        LocalDate conflictingEnd,
        boolean settled,
        String proceedingBodyCode,
        String settledBy,
        OffsetDateTime settledAt,
        String settlementNote) {

    public static ConflictView of(OverlapConflict c) {
        return new ConflictView(c.id, c.rule, c.planYear, c.provinceCode, c.entityCode, c.subject, c.sourceKind,
                c.sourceId, c.sourceBodyCode, c.otherKind, c.otherId, c.otherBodyCode, c.otherPlanId, c.otherStart,
                c.otherEnd, c.settled(), c.proceedingBodyCode, c.settledBy, c.settledAt, c.settlementNote);
    }
}
