package vn.inspectorate.contracts.inspections;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** The follow-up of an inspection's recommendations was closed, with what was actually done. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InspectionFollowUpClosed(
        UUID inspectionId,
        long version,
        OffsetDateTime occurredAt,
        String provinceCode,
        String outcome,
        long totalRecoveredVnd,
        long totalRecoveredLandM2,
        int disciplinedIndividualsCount,
        int transfersAcceptedCount,
        boolean overdue,
        LocalDate closedOn) {
}
