package vn.inspectorate.inspection.conclusions;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import vn.inspectorate.contracts.inspections.InspectionConcluded;
import vn.inspectorate.contracts.inspections.InspectionFollowUpClosed;
import vn.inspectorate.contracts.inspections.InspectionRecoveryRecorded;
import vn.inspectorate.contracts.publicevents.PublicInspectionConcluded;
import vn.inspectorate.inspection.inspections.Inspection;
import vn.inspectorate.inspection.reference.ReferenceData;

/** The events of a conclusion and its follow-up, each built here from the inspection after the change. */
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

    static InspectionRecoveryRecorded recoveryRecorded(Inspection inspection, RecoveryPayment payment,
            long recoveredVnd) {
        return new InspectionRecoveryRecorded(inspection.id, inspection.version, ReferenceData.now(),
                inspection.provinceCode, payment.recommendationId, payment.amountVnd, payment.landM2, recoveredVnd,
                payment.paidOn);
    }

    static InspectionFollowUpClosed followUpClosed(Inspection inspection, boolean allDone, long recoveredVnd,
            long recoveredLand, int disciplined, int accepted, boolean overdue, LocalDate closedOn) {
        return new InspectionFollowUpClosed(inspection.id, inspection.version, ReferenceData.now(),
                inspection.provinceCode, allDone ? "COMPLETED" : "CLOSED_WITH_OPEN_RECOMMENDATIONS", recoveredVnd,
                recoveredLand, disciplined, accepted, overdue, closedOn);
    }
}
