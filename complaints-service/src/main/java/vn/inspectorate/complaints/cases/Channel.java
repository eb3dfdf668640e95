package vn.inspectorate.complaints.cases;

/** How a case arrived at the receiving body. */
public enum Channel {
    LETTER, VISIT, ONLINE, TRANSFERRED
}
