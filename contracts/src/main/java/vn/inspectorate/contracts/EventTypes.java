package vn.inspectorate.contracts;

/**
 * The CloudEvents {@code type} of every event, {@code vn.inspectorate.<name>.v1}. {@link EventCatalog} maps each to its
 * payload record and topic; a breaking change to a payload gets a new type ({@code .v2}) next to the old one.
 */
public final class EventTypes {
    // topic Topics.CASES
    public static final String CASE_RECEIVED = "vn.inspectorate.case.received.v1";
    public static final String CASE_CLASSIFIED = "vn.inspectorate.case.classified.v1";
    public static final String CASE_ACCEPTED = "vn.inspectorate.case.accepted.v1";
    public static final String CASE_REJECTED = "vn.inspectorate.case.rejected.v1";
    public static final String CASE_ASSIGNED = "vn.inspectorate.case.assigned.v1";
    public static final String CASE_EXTENDED = "vn.inspectorate.case.extended.v1";
    public static final String CASE_TRANSFERRED = "vn.inspectorate.case.transferred.v1";
    public static final String CASE_RESOLVED = "vn.inspectorate.case.resolved.v1";
    public static final String CASE_ESCALATED = "vn.inspectorate.case.escalated.v1";
    public static final String CASE_CLOSED = "vn.inspectorate.case.closed.v1";
    public static final String CASE_OVERDUE = "vn.inspectorate.case.overdue.v1";
    public static final String CASE_WATCHLISTED = "vn.inspectorate.case.watchlisted.v1";
    public static final String CASE_PROGRESS_REPORTED = "vn.inspectorate.case.progress-reported.v1";
    public static final String CASE_PAUSED = "vn.inspectorate.case.paused.v1";
    public static final String CASE_RESUMED = "vn.inspectorate.case.resumed.v1";
    public static final String CASE_WITHDRAWN = "vn.inspectorate.case.withdrawn.v1";
    public static final String CASE_DENOUNCER_NOTIFIED = "vn.inspectorate.case.denouncer-notified.v1";
    public static final String CASE_LINKED = "vn.inspectorate.case.linked.v1";

    // topic Topics.INSPECTIONS
    public static final String INSPECTION_PLAN_APPROVED = "vn.inspectorate.inspection.plan-approved.v1";
    public static final String INSPECTION_OPENED = "vn.inspectorate.inspection.opened.v1";
    public static final String INSPECTION_EXTENDED = "vn.inspectorate.inspection.extended.v1";
    public static final String INSPECTION_CONCLUDED = "vn.inspectorate.inspection.concluded.v1";
    public static final String INSPECTION_RECOVERY_RECORDED = "vn.inspectorate.inspection.recovery-recorded.v1";
    public static final String INSPECTION_FOLLOW_UP_CLOSED = "vn.inspectorate.inspection.follow-up-closed.v1";
    public static final String INSPECTION_OVERLAP_DETECTED = "vn.inspectorate.inspection.overlap-detected.v1";

    // topic Topics.DECLARATIONS
    public static final String DECLARATION_SUBMITTED = "vn.inspectorate.declaration.submitted.v1";
    public static final String DECLARATION_FLAGGED = "vn.inspectorate.declaration.flagged.v1";
    public static final String DECLARATION_VERIFICATION_SELECTED =
            "vn.inspectorate.declaration.verification-selected.v1";
    public static final String DECLARATION_VERIFIED = "vn.inspectorate.declaration.verified.v1";

    // topic Topics.REPORTS
    public static final String REPORT_PUBLISHED = "vn.inspectorate.report.published.v1";

    // topic Topics.REFERENCE
    public static final String REFERENCE_INSPECTION_BODY_CHANGED =
            "vn.inspectorate.reference.inspection-body-changed.v1";
    public static final String REFERENCE_CALENDAR_LOADED = "vn.inspectorate.reference.calendar-loaded.v1";
    public static final String REFERENCE_COMPLAINT_RULE_SET_ADDED =
            "vn.inspectorate.reference.complaint-rule-set-added.v1";
    public static final String REFERENCE_DECLARATION_RULE_CHANGED =
            "vn.inspectorate.reference.declaration-rule-changed.v1";

    // topic Topics.PUBLIC
    public static final String PUBLIC_CASE_STATUS_CHANGED = "vn.inspectorate.public.case-status-changed.v1";
    public static final String PUBLIC_INSPECTION_CONCLUDED = "vn.inspectorate.public.inspection-concluded.v1";

    private EventTypes() {
    }
}
