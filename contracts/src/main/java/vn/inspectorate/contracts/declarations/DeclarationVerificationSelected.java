package vn.inspectorate.contracts.declarations;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A declaration was selected for verification, with the ground (random selection, unexplained increase, ...). */
public record DeclarationVerificationSelected(
        UUID declarationId,
        long version,
        OffsetDateTime occurredAt,
        UUID declarantId,
        String agencyCode,
        String provinceCode,
        int year,
        String kind,
        UUID verificationId,
        String ground,
        UUID orderedByInspectionId) {
}
