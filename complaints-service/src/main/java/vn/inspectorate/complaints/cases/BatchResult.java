package vn.inspectorate.complaints.cases;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import vn.inspectorate.platform.problem.Problem;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to a batch: one item per submitted case, in order, and the counts. */
public record BatchResult(int created, int duplicates, int conflicts, int rejected, List<Item> results) {

    /** The result with its refused items' field messages in {@code language}. */
    public BatchResult localized(Locale language) {
        return new BatchResult(created, duplicates, conflicts, rejected, results.stream()
                .map(i -> i.errors() == null ? i : new Item(i.index(), i.sourceReference(), i.outcome(), i.caseId(),
                        i.duplicateOf(), i.errors().stream().map(e -> e.localized(language)).toList(),
                        i.existingId(), i.differingFields()))
                .toList());
    }

    /** The answer to {@code submissions}, from what became of each. */
    static BatchResult of(List<CaseSubmission> submissions, List<IntakeOutcome> outcomes) {
        int[] counts = new int[Outcome.values().length];
        List<Item> items = new ArrayList<>(outcomes.size());
        for (int i = 0; i < outcomes.size(); i++) {
            CaseSubmission s = submissions.get(i);
            Item item = Item.of(i, s == null ? null : s.sourceReference(), outcomes.get(i));
            counts[item.outcome().ordinal()]++;
            items.add(item);
        }
        return new BatchResult(counts[Outcome.CREATED.ordinal()], counts[Outcome.DUPLICATE.ordinal()],
                counts[Outcome.CONFLICT.ordinal()], counts[Outcome.REJECTED.ordinal()], items);
    }

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

        static Item of(int index, String sourceReference, IntakeOutcome outcome) {
            return switch (outcome) {
                case IntakeOutcome.Filed filed -> filed.written().created()
                        ? new Item(index, sourceReference, Outcome.CREATED, filed.written().value(), null, null,
                                null, null)
                        : new Item(index, sourceReference, Outcome.DUPLICATE, filed.written().value(),
                                filed.written().value(), null, null, null);
                case IntakeOutcome.Conflict conflict -> new Item(index, sourceReference, Outcome.CONFLICT, null, null,
                        null, conflict.existingId(), conflict.differingFields());
                case IntakeOutcome.Rejected rejected -> new Item(index, sourceReference, Outcome.REJECTED, null, null,
                        rejected.errors(), null, null);
            };
        }
    }
}
