package vn.inspectorate.inspection.conclusions;

import java.util.List;
import java.util.UUID;
import vn.inspectorate.contracts.inspections.InspectionConcluded;
import vn.inspectorate.contracts.publicevents.PublicInspectionConcluded;
import vn.inspectorate.inspection.inspections.Inspection;
import vn.inspectorate.inspection.reference.ReferenceData;

/** The events of a conclusion, internal and public, each built here from the inspection and its conclusion. */
final class ConclusionEvents {

    private ConclusionEvents() {
    }

    static InspectionConcluded concluded(Inspection inspection, Conclusion c, int transfers, List<UUID> caseIds) {
        return new InspectionConcluded(inspection.id, inspection.version, ReferenceData.now(), inspection.provinceCode,
                inspection.bodyCode, inspection.entityCode, inspection.inspectionType, inspection.subject,
                c.concludedOn, c.violationsVnd, c.violationsLandM2, c.recoveryRecommendedVnd,
                c.recoveryRecommendedLandM2, c.responsibleOrganisationsCount, c.responsibleIndividualsCount,
                transfers, c.unitsCovered, caseIds);
    }

    /** What partners see: no entity, no cases. */
    static PublicInspectionConcluded publicConcluded(Inspection inspection, Conclusion c, int transfers) {
        return new PublicInspectionConcluded(inspection.id, inspection.version, ReferenceData.now(),
                inspection.provinceCode, inspection.bodyCode, inspection.inspectionType, inspection.subject,
                c.concludedOn, c.violationsVnd, c.violationsLandM2, c.recoveryRecommendedVnd,
                c.recoveryRecommendedLandM2, c.responsibleOrganisationsCount, c.responsibleIndividualsCount,
                transfers, c.unitsCovered);
    }
}
