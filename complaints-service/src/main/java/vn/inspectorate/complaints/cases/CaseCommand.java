package vn.inspectorate.complaints.cases;

import static vn.inspectorate.complaints.cases.CaseStatus.ACCEPTED;
import static vn.inspectorate.complaints.cases.CaseStatus.ASSIGNED;
import static vn.inspectorate.complaints.cases.CaseStatus.CLASSIFIED;
import static vn.inspectorate.complaints.cases.CaseStatus.ESCALATED;
import static vn.inspectorate.complaints.cases.CaseStatus.NOT_ACCEPTED;
import static vn.inspectorate.complaints.cases.CaseStatus.PAUSED;
import static vn.inspectorate.complaints.cases.CaseStatus.RECEIVED;
import static vn.inspectorate.complaints.cases.CaseStatus.RESOLVED;
import static vn.inspectorate.complaints.cases.CaseStatus.TRANSFERRED;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The lifecycle commands of handling staff, each with the statuses it may start from. */
public enum CaseCommand {
    CLASSIFY("classify", EnumSet.of(RECEIVED)),
    ACCEPT("accept", EnumSet.of(CLASSIFIED)),
    NOT_ACCEPT("not-accept", EnumSet.of(RECEIVED, CLASSIFIED)),
    ASSIGN("assign", EnumSet.of(ACCEPTED, ASSIGNED)),
    EXTEND("extend", EnumSet.of(ACCEPTED, ASSIGNED)),
    PAUSE("pause", EnumSet.of(ACCEPTED, ASSIGNED)),
    RESUME("resume", EnumSet.of(PAUSED)),
    TRANSFER("transfer", EnumSet.of(RECEIVED, CLASSIFIED, ACCEPTED, ASSIGNED)),
    RESOLVE("resolve", EnumSet.of(ACCEPTED, ASSIGNED)),
    ESCALATE("escalate", EnumSet.of(RESOLVED, ACCEPTED, ASSIGNED)),
    CLOSE("close", EnumSet.of(RESOLVED, NOT_ACCEPTED, TRANSFERRED, ESCALATED, ACCEPTED, ASSIGNED, PAUSED)),
    WITHDRAW_PART("withdraw-part", EnumSet.of(ACCEPTED, ASSIGNED, PAUSED)),
    NOTIFY_DENOUNCER("notify-denouncer", EnumSet.of(ACCEPTED, ASSIGNED, PAUSED));

    private final String path;
    private final Set<CaseStatus> from;

    CaseCommand(String path, Set<CaseStatus> from) {
        this.path = path;
        this.from = from;
    }

    public String path() {
        return path;
    }

    public boolean allowedFrom(CaseStatus status) {
        return from.contains(status);
    }

    /** The commands (by their path) that this case accepts: by its status, and escalation and extension by kind. */
    public static List<String> allowedFor(CitizenCase c) {
        return java.util.Arrays.stream(values()).filter(cmd -> cmd.allowedFrom(c.status))
                .filter(cmd -> cmd != ESCALATE || (c.kind == CaseKind.COMPLAINT && c.instance == 1))
                .filter(cmd -> cmd != EXTEND || c.kind == CaseKind.DENUNCIATION)
                .filter(cmd -> cmd != NOTIFY_DENOUNCER || (c.notifyDueOn != null && c.denouncerNotifiedOn == null))
                .map(CaseCommand::path).toList();
    }
}
