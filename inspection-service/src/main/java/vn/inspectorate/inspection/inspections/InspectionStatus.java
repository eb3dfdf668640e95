package vn.inspectorate.inspection.inspections;

import java.util.List;

/** opened → in progress → extended → report submitted → concluded → follow-up → closed. */
public enum InspectionStatus {
    OPENED, IN_PROGRESS, EXTENDED, REPORT_SUBMITTED, CONCLUDED, FOLLOW_UP, CLOSED;

    /** The statuses reachable in one step. */
    public List<InspectionStatus> next() {
        return switch (this) {
            case OPENED -> List.of(IN_PROGRESS);
            case IN_PROGRESS -> List.of(EXTENDED, REPORT_SUBMITTED);
            case EXTENDED -> List.of(EXTENDED, REPORT_SUBMITTED);
            case REPORT_SUBMITTED -> List.of(CONCLUDED);
            case CONCLUDED -> List.of(FOLLOW_UP);
            case FOLLOW_UP -> List.of(CLOSED);
            case CLOSED -> List.of();
        };
    }

    /** Still running: the duration limit applies. */
    public boolean running() {
        return this == OPENED || this == IN_PROGRESS || this == EXTENDED;
    }

    /** Concluded, in any later stage: it can be re-inspected and followed up. */
    public boolean concluded() {
        return this == CONCLUDED || this == FOLLOW_UP || this == CLOSED;
    }
}
