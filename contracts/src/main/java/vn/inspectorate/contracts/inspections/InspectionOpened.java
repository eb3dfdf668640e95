package vn.inspectorate.contracts.inspections;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An inspection was opened, planned or ad hoc; {@code triggeredByCaseId} is the denunciation behind it, if any. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InspectionOpened(
        UUID inspectionId,
        long version,
        OffsetDateTime occurredAt,
        String provinceCode,
        UUID planId,
        String inspectingBodyCode,
        String inspectedEntityCode,
        String inspectionType,
        String sector,
        boolean planned,
        boolean reInspection,
        UUID triggeredByCaseId,
        LocalDate openedOn,
        LocalDate dueOn) {
}
