package vn.inspectorate.inspection.bulk;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.inspectorate.inspection.conclusions.ConclusionApi;
import vn.inspectorate.inspection.inspections.InspectionApi;
import vn.inspectorate.platform.problem.Problem;

/** Requests and answers of the bulk write of inspection records. */
public final class InspectionBatchApi {

    /** Items per call: one call answers within the gateway's time limit. */
    public static final int MAX_ITEMS = 500;

    private InspectionBatchApi() {
    }

    /**
     * Up to {@value #MAX_ITEMS} inspection records, each written on its own. {@code backfilled} loads them as history:
     * see the operation's description for who may and which dates.
     */
    @Schema(name = "InspectionBatch")
    public record Batch(
            @Schema(description = "Load the records as history (a back-fill); false or absent: live writes, exactly "
                    + "as the single calls.")
            Boolean backfilled,
            @NotNull @Size(min = 1, max = MAX_ITEMS) List<InspectionRecord> inspections) {

        boolean history() {
            return Boolean.TRUE.equals(backfilled);
        }
    }

    /**
     * One inspection and as much of its lifecycle as happened: the opening decision, then optionally its start, the
     * team's report, the conclusion, recoveries paid on the conclusion's recommendations, and the closure of the
     * follow-up. Each step is the body of its single call.
     */
    @Schema(name = "InspectionBatchRecord")
    public record InspectionRecord(
            @NotNull @Valid InspectionApi.OpenInspection opening,
            @Valid InspectionApi.Start start,
            @Valid InspectionApi.SubmitReport report,
            @Valid ConclusionApi.Conclude conclusion,
            @Size(max = 500) List<@NotNull @Valid Recovery> recoveries,
            @Valid InspectionApi.Close closure) {
    }

    /** A payment on the conclusion's recommendation at position {@code recommendation} (from 0). */
    @Schema(name = "InspectionBatchRecovery")
    public record Recovery(@NotNull @Min(0) @Max(499) Integer recommendation,
            @NotNull @Valid ConclusionApi.Payment payment) {
    }

    /**
     * {@code CREATED}: the inspection was opened by this call; {@code EXISTING}: its decision was already recorded with
     * the same values (the steps it had not reached were applied); {@code CONFLICT}: a natural key of the item is
     * recorded with other values ({@code existingId}, {@code differingFields}); {@code REJECTED}: the item is refused
     * as its single call would be ({@code problem}). A refused or conflicting item writes nothing.
     */
    @Schema(name = "InspectionBatchOutcome")
    public enum Outcome {
        CREATED, EXISTING, CONFLICT, REJECTED
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "InspectionBatchItem")
    public record Item(int index, String decisionNumber, Outcome outcome, UUID inspectionId,
            @Schema(implementation = String.class, description = "Status after the item, e.g. CLOSED")
            String status, UUID existingId, List<String> differingFields,
            @Schema(description = "Why the item was refused, as its single call's problem answer; field names are "
                    + "prefixed with the item's path, e.g. inspections[3].conclusion.concludedOn.")
            Problem problem) {
    }

    @Schema(name = "InspectionBatchResult")
    public record Result(int created, int existing, int conflicts, int rejected, List<Item> results) {

        /** The result with its refused items' problems in {@code language}. */
        public Result localized(Locale language) {
            return new Result(created, existing, conflicts, rejected, results.stream()
                    .map(i -> i.problem() == null ? i : new Item(i.index(), i.decisionNumber(), i.outcome(),
                            i.inspectionId(), i.status(), i.existingId(), i.differingFields(),
                            i.problem().localized(language)))
                    .toList());
        }
    }

    /** For the date checks of a back-fill. */
    record DatedField(String field, LocalDate date) {
    }
}
