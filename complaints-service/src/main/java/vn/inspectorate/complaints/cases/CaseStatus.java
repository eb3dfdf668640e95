package vn.inspectorate.complaints.cases;

public enum CaseStatus {
    RECEIVED, CLASSIFIED, ACCEPTED, NOT_ACCEPTED, ASSIGNED, PAUSED, TRANSFERRED, RESOLVED, ESCALATED, CLOSED;

    /** Statuses in which the resolution clock runs (or stands, while paused). */
    public boolean underResolution() {
        return this == ACCEPTED || this == ASSIGNED || this == PAUSED;
    }
}
