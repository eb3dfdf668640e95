package vn.inspectorate.complaints.rules;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How a rule's number is counted. */
@Schema(name = "CaseRuleUnit")
public enum DayUnit {
    CALENDAR_DAYS, WORKING_DAYS, COUNT
}
