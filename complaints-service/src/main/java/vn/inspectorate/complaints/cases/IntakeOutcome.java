package vn.inspectorate.complaints.cases;

import java.util.List;
import java.util.UUID;
import vn.inspectorate.platform.problem.Problem;

/** What became of one submitted case. */
public sealed interface IntakeOutcome {

    /** A new case, and the cases it was linked to as likely duplicates. */
    record Created(CitizenCase c, List<UUID> likelyDuplicates) implements IntakeOutcome {
    }

    /** The province already had a case with this source reference; nothing new was written. */
    record Duplicate(UUID caseId) implements IntakeOutcome {
    }

    /** Refused, with the fields at fault. */
    record Rejected(int status, List<Problem.FieldError> errors) implements IntakeOutcome {
    }
}
