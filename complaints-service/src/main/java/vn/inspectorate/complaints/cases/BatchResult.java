package vn.inspectorate.complaints.cases;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.UUID;
import vn.inspectorate.platform.problem.Problem;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to a batch: one item per submitted case, in order, and the counts. */
public record BatchResult(int created, int duplicates, int rejected, List<Item> results) {

    @Schema(name = "CaseBatchOutcome")
    public enum Outcome {
        CREATED, DUPLICATE, REJECTED
    }

    /** {@code caseId} is the new case, or for a duplicate the case it duplicates. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @Schema(name = "CaseBatchItem")
    public record Item(int index, String sourceReference, Outcome outcome, UUID caseId, UUID duplicateOf,
            List<Problem.FieldError> errors) {
    }
}
