package vn.inspectorate.complaints.cases;

public enum CaseKind {
    COMPLAINT, DENUNCIATION, PETITION, REFLECTION
}
