package vn.inspectorate.contracts.inspections;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An inspection's duration was extended by a recorded decision. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InspectionExtended(
        UUID inspectionId,
        long version,
        OffsetDateTime occurredAt,
        String provinceCode,
        int extensionNumber,
        int extraDays,
        LocalDate newDueOn,
        String reasonCode) {
}
