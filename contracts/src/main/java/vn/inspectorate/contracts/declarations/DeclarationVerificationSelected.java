package vn.inspectorate.contracts.declarations;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A declaration was selected for verification, with the ground (random selection, unexplained increase, ...). */
@JsonInclude(JsonInclude.Include.NON_NULL)
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
