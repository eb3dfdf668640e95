package vn.inspectorate.contracts.publicevents;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Sanitized for partners: the aggregate figures of an inspection conclusion. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PublicInspectionConcluded(
        UUID inspectionId,
        long version,
        OffsetDateTime occurredAt,
        String provinceCode,
        String inspectingBodyCode,
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
        int unitsCovered) {
}
