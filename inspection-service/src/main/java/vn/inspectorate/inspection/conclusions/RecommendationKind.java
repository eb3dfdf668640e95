package vn.inspectorate.inspection.conclusions;

/** Recovery to the state budget, administrative handling, or disciplinary handling of individuals. */
public enum RecommendationKind {
    RECOVERY, ADMINISTRATIVE, DISCIPLINARY
}
