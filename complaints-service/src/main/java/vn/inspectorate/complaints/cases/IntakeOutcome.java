package vn.inspectorate.complaints.cases;

import java.util.List;
import java.util.UUID;
import vn.inspectorate.platform.naturalkey.Written;
import vn.inspectorate.platform.problem.Problem;

/** What became of one filed case: written (created, or the same case already there), a conflict, or refused. */
public sealed interface IntakeOutcome {

    /**
     * The case under the source key, and for a new case the cases it was linked to as likely duplicates and the case
     * as written ({@code created}; null when the key's case was there already).
     */
    record Filed(Written<UUID> written, List<UUID> likelyDuplicates, CitizenCase created) implements IntakeOutcome {
    }

    /** The source reference belongs to case {@code existingId}, filed with other values; nothing was written. */
    record Conflict(UUID existingId, List<String> differingFields) implements IntakeOutcome {
    }

    /** Refused ({@code status} 422, or 403 for another province's case), with the fields at fault. */
    record Rejected(int status, List<Problem.FieldError> errors) implements IntakeOutcome {
    }
}
