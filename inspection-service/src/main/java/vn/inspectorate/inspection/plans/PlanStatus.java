package vn.inspectorate.inspection.plans;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** draft → submitted → approved → amended (each amendment recorded; an amended plan stays in force). */
@Schema(name = "InspectionPlanStatus")
public enum PlanStatus {
    DRAFT, SUBMITTED, APPROVED, AMENDED;

    public boolean inForce() {
        return this == APPROVED || this == AMENDED;
    }
}
