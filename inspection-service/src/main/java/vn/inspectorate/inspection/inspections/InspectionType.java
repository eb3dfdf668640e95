package vn.inspectorate.inspection.inspections;

/** Administrative (a body's performance of its duties) or specialized (compliance in a sector). */
public enum InspectionType {
    ADMINISTRATIVE, SPECIALIZED
}
