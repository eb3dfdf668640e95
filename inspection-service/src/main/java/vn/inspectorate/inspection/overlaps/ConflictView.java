package vn.inspectorate.inspection.overlaps;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One conflict as the API shows it: which body, which plan, which dates, and its settlement if any. */
@Schema(name = "OverlapConflictView")
public record ConflictView(
        UUID id,
        String rule,
        int year,
        @Schema(nullable = true) String provinceCode,
        String entityCode,
        @Schema(nullable = true) String subject,
        String sourceKind,
        UUID sourceId,
        String sourceBodyCode,
        String conflictingKind,
        UUID conflictingId,
        String conflictingBodyCode,
        @Schema(nullable = true) UUID conflictingPlanId,
        @Schema(nullable = true) LocalDate conflictingStart,
        @Schema(nullable = true) LocalDate conflictingEnd,
        boolean settled,
        @Schema(nullable = true) String proceedingBodyCode,
        @Schema(nullable = true) String settledBy,
        @Schema(nullable = true) OffsetDateTime settledAt,
        @Schema(nullable = true) String settlementNote) {

    public static ConflictView of(OverlapConflict c) {
        return new ConflictView(c.id, c.rule, c.planYear, c.provinceCode, c.entityCode, c.subject, c.sourceKind,
                c.sourceId, c.sourceBodyCode, c.otherKind, c.otherId, c.otherBodyCode, c.otherPlanId, c.otherStart,
                c.otherEnd, c.settled(), c.proceedingBodyCode, c.settledBy, c.settledAt, c.settlementNote);
    }
}
