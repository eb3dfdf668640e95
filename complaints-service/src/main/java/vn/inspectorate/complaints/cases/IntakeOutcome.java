package vn.inspectorate.complaints.cases;

import java.util.List;
import java.util.UUID;
import vn.inspectorate.platform.problem.Problem;

/** What became of one submitted case. */
public sealed interface IntakeOutcome {

    /** A new case, and the cases it was linked to as likely duplicates. */
    record Created(CitizenCase c, List<UUID> likelyDuplicates) implements IntakeOutcome {
    }

    /** The province already had this case, filed with the same values; nothing new was written. */
    record Duplicate(UUID caseId) implements IntakeOutcome {
    }

    /** The source reference belongs to case {@code existingId}, filed with other values; nothing was written. */
    record Conflict(UUID existingId, List<String> differingFields) implements IntakeOutcome {
    }

    /** Refused, with the fields at fault. */
    record Rejected(int status, List<Problem.FieldError> errors) implements IntakeOutcome {
    }
}
