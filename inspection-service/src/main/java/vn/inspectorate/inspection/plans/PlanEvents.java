package vn.inspectorate.inspection.plans;

import vn.inspectorate.contracts.inspections.InspectionPlanApproved;
import vn.inspectorate.inspection.reference.ReferenceData;

/** The events of a plan, each built here from the plan after its change. */
final class PlanEvents {

    private PlanEvents() {
    }

    static InspectionPlanApproved approved(InspectionPlan plan, int inspections) {
        return new InspectionPlanApproved(plan.id, plan.version, ReferenceData.now(), plan.provinceCode, plan.bodyCode,
                plan.planYear, inspections, plan.approvedOn);
    }
}
