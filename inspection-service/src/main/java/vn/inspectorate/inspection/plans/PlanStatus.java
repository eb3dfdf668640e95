package vn.inspectorate.inspection.plans;

/** draft → submitted → approved → amended (each amendment recorded; an amended plan stays in force). */
public enum PlanStatus {
    DRAFT, SUBMITTED, APPROVED, AMENDED;

    public boolean inForce() {
        return this == APPROVED || this == AMENDED;
    }
}
