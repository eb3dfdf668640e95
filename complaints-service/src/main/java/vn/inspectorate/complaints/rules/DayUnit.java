package vn.inspectorate.complaints.rules;

/** How a rule's number is counted. */
public enum DayUnit {
    CALENDAR_DAYS, WORKING_DAYS, COUNT
}
