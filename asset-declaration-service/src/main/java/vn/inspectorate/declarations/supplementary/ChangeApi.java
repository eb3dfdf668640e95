package vn.inspectorate.declarations.supplementary;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Bodies of the changes that can make a supplementary declaration due, and of the due list. */
public final class ChangeApi {

    @Schema(name = "DeclarantChangeKind")
    public enum Kind { JOB_CHANGE, ASSET_INCREASE }

    @Schema(name = "SupplementaryStanding")
    public enum Standing { DUE, FILED, LATE, MISSING }

    /** A job change names the new position; an increase its amount in VND. */
    @Schema(name = "DeclarantChangeRecord")
    public record RecordChange(@NotNull Kind kind, @NotNull @PastOrPresent LocalDate occurredOn,
            @PositiveOrZero @Schema(nullable = true) Long increaseVnd,
            @Size(min = 1, max = 200) @Schema(nullable = true) String position) {
    }

    /**
     * A recorded change and whether it made a supplementary declaration due, by when. A change found by comparing a
     * submitted declaration with the previous one names that declaration; its increase is the larger of the rise in
     * assets and the rise in income.
     */
    @Schema(name = "DeclarantChange")
    public record Change(UUID id, UUID declarantId, Kind kind, LocalDate occurredOn,
            @Schema(nullable = true) Long increaseVnd, @Schema(nullable = true) Long thresholdVnd,
            boolean supplementaryDue, @Schema(nullable = true) LocalDate dueOn,
            @Schema(nullable = true, description = "The submitted declaration whose comparison with the previous one "
                    + "found the increase; absent for a reported change.") UUID declarationId) {
    }

    /**
     * A supplementary declaration due in a year: why, by when, and where it stands. It is filed when a supplementary
     * declaration of the year is declared on or after the last change; the changes are those it answers, or those
     * still unanswered.
     */
    @Schema(name = "SupplementaryDeclarationDue")
    public record Due(UUID declarantId, String agencyCode, int year, List<Kind> reasons, LocalDate dueOn,
            Standing standing, @Schema(nullable = true) LocalDate declaredOn, List<Change> changes) {
    }

    private ChangeApi() {
    }
}
