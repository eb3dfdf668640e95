package vn.inspectorate.contracts.inspections;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Adding an inspection found others on the same entity, subject and year, or an enterprise twice a year. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InspectionOverlapDetected(
        UUID inspectionId,
        long version,
        OffsetDateTime occurredAt,
        String provinceCode,
        String inspectedEntityCode,
        String sector,
        int year,
        String rule,
        List<UUID> conflictingInspectionIds) {
}
