package vn.inspectorate.inspection.inspections;

import java.util.List;
import java.util.UUID;
import vn.inspectorate.contracts.inspections.InspectionExtended;
import vn.inspectorate.contracts.inspections.InspectionOpened;
import vn.inspectorate.inspection.reference.ReferenceData;

/** The events of an inspection's opening and running, each built here from the inspection after its change. */
final class InspectionEvents {

    private InspectionEvents() {
    }

    static InspectionOpened opened(Inspection inspection, boolean reInspection, List<UUID> caseIds) {
        return new InspectionOpened(inspection.id, inspection.version, ReferenceData.now(), inspection.provinceCode,
                inspection.planId, inspection.bodyCode, inspection.entityCode, inspection.inspectionType,
                inspection.subject, inspection.plannedInspectionId != null, reInspection,
                caseIds.isEmpty() ? null : caseIds.get(0), inspection.openedOn, inspection.dueOn);
    }

    static InspectionExtended extended(Inspection inspection, InspectionExtension extension) {
        return new InspectionExtended(inspection.id, inspection.version, ReferenceData.now(), inspection.provinceCode,
                extension.number, extension.extraDays, extension.newDueOn, extension.reasonCode);
    }
}
