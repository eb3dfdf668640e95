package vn.inspectorate.contracts.inspections;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** An inspection conclusion was issued: its figures (money in VND, land in square metres) and counts, never names. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InspectionConcluded(
        UUID inspectionId,
        long version,
        OffsetDateTime occurredAt,
        String provinceCode,
        String inspectingBodyCode,
        String inspectedEntityCode,
        String inspectionType,
        String sector,
        LocalDate concludedOn,
        long violationsVnd,
        long violationsLandM2,
        long recoveryRecommendedVnd,
        long recoveryRecommendedLandM2,
        int responsibleOrganisationsCount,
        int responsibleIndividualsCount,
        int transfersToInvestigationCount,
        int unitsCovered,
        List<UUID> resolvedCaseIds) {
}
