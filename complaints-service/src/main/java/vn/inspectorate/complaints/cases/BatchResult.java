package vn.inspectorate.complaints.cases;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.UUID;
import vn.inspectorate.platform.problem.Problem;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to a batch: one item per submitted case, in order, and the counts. */
public record BatchResult(int created, int duplicates, int conflicts, int rejected, List<Item> results) {

    /**
     * {@code DUPLICATE}: the source reference's case was filed with the same values (a retry); {@code CONFLICT}: it
     * was filed with other values, and nothing was written for the item.
     */
    @Schema(name = "CaseBatchOutcome")
    public enum Outcome {
        CREATED, DUPLICATE, CONFLICT, REJECTED
    }

    /**
     * {@code caseId} is the new case, or for a duplicate the case it duplicates. A conflict names the case holding the
     * source reference ({@code existingId}) and the item's fields that differ from it ({@code differingFields}).
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @Schema(name = "CaseBatchItem")
    public record Item(int index, String sourceReference, Outcome outcome, UUID caseId, UUID duplicateOf,
            List<Problem.FieldError> errors, UUID existingId, List<String> differingFields) {

        static Item of(int index, String sourceReference, Outcome outcome, UUID caseId, UUID duplicateOf,
                List<Problem.FieldError> errors) {
            return new Item(index, sourceReference, outcome, caseId, duplicateOf, errors, null, null);
        }

        static Item conflict(int index, String sourceReference, UUID existingId, List<String> differingFields) {
            return new Item(index, sourceReference, Outcome.CONFLICT, null, null, null, existingId, differingFields);
        }
    }
}
