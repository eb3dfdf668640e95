package vn.inspectorate.inspection.inspections;

/**
 * Administrative (a body's performance of its duties) or specialized (compliance in a sector) until 30 June 2025;
 * from 1 July 2025 the law knows one kind, inspection. Which types a date allows is dated data
 * ({@code inspection_type_rule}), checked by {@code ReferenceData.requireTypeInForce}.
 */
public enum InspectionType {
    ADMINISTRATIVE, SPECIALIZED, INSPECTION
}
