package vn.inspectorate.contracts.inspections;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Money or land recommended for recovery was actually recovered: this recording and the running total. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InspectionRecoveryRecorded(
        UUID inspectionId,
        long version,
        OffsetDateTime occurredAt,
        String provinceCode,
        UUID recommendationId,
        long recoveredVnd,
        long recoveredLandM2,
        long totalRecoveredVnd,
        LocalDate recordedOn) {
}
