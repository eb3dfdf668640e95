package vn.inspectorate.inspection.conclusions;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Requests and answers of conclusions and their follow-up. Money is whole VND, land whole m². */
public final class ConclusionApi {

    private ConclusionApi() {
    }

    @Schema(name = "InspectionConclusionItem")
    public record Item(@NotBlank @Size(max = 300) String subject, @NotBlank @Size(max = 4000) String finding,
            @NotNull @PositiveOrZero Long violationsVnd, @NotNull @PositiveOrZero Long violationsLandM2) {
    }

    @Schema(name = "InspectionRecommendationInput")
    public record RecommendationInput(@NotNull RecommendationKind kind, @NotBlank @Size(max = 4000) String description,
            @NotBlank @Size(max = 300) String addressee, @PositiveOrZero Long amountVnd, @PositiveOrZero Long landM2,
            @PositiveOrZero @Max(10000) Integer individualsCount, @NotNull LocalDate dueOn) {
    }

    @Schema(name = "InspectionResponsible")
    public record Responsible(@NotBlank @Size(max = 100) String reference,
            @Schema(nullable = true) @Size(max = 300) String role) {
    }

    @Schema(name = "InspectionTransferInput")
    public record TransferInput(@NotBlank @Size(max = 4000) String matter, @NotBlank @Size(max = 300) String toBody,
            @NotNull LocalDate transferredOn) {
    }

    @Schema(name = "InspectionConclude")
    public record Conclude(
            @NotBlank @Size(max = 60) String conclusionNumber,
            @NotNull LocalDate concludedOn,
            @NotBlank @Size(max = 8000) String assessment,
            @NotNull @Min(1) @Max(10000) Integer unitsCovered,
            @NotEmpty @Size(max = 500) List<@NotNull @Valid Item> items,
            @Size(max = 500) List<@NotNull @Valid RecommendationInput> recommendations,
            @Size(max = 1000) List<@NotNull @Valid Responsible> responsibleOrganisations,
            @Size(max = 1000) List<@NotNull @Valid Responsible> responsibleIndividuals,
            @Size(max = 200) List<@NotNull @Valid TransferInput> transfers,
            @NotNull Boolean published,
            LocalDate publishedFrom,
            LocalDate publishedUntil) {
    }

    @Schema(name = "RecommendationPayment")
    public record Payment(@NotBlank @Size(max = 100) String reference, @NotNull @PositiveOrZero Long amountVnd,
            @PositiveOrZero Long landM2, @NotNull LocalDate paidOn) {
    }

    @Schema(name = "RecommendationCompletion")
    public record Completion(@NotNull LocalDate doneOn, @PositiveOrZero @Max(10000) Integer disciplinedCount,
            @Size(max = 4000) String note) {
    }

    @Schema(name = "TransferAcknowledgement")
    public record Acknowledgement(@NotNull LocalDate acknowledgedOn, @NotNull Boolean accepted) {
    }

    @Schema(name = "InspectionConclusionItemView")
    public record ItemView(int itemNo, String subject, String finding, long violationsVnd, long violationsLandM2) {
    }

    @Schema(name = "InspectionRecommendationView")
    public record RecommendationView(UUID id, UUID inspectionId, RecommendationKind kind, String description,
            String addressee, long amountVnd, long landM2, int individualsCount, LocalDate dueOn, long recoveredVnd,
            long recoveredLandM2, int disciplinedCount, boolean done, @Schema(nullable = true) LocalDate doneOn,
            boolean overdue) {
    }

    @Schema(name = "InspectionTransferView")
    public record TransferView(UUID id, String matter, String toBody, LocalDate transferredOn, boolean acknowledged,
            @Schema(nullable = true) LocalDate acknowledgedOn, @Schema(nullable = true) Boolean accepted) {
    }

    @Schema(name = "InspectionConclusionView")
    public record ConclusionView(String conclusionNumber, LocalDate concludedOn, String assessment, int unitsCovered,
            long violationsVnd, long violationsLandM2, long recoveryRecommendedVnd, long recoveryRecommendedLandM2,
            int responsibleOrganisationsCount, int responsibleIndividualsCount, List<Responsible> responsibleOrganisations,
            List<Responsible> responsibleIndividuals, List<ItemView> items, List<RecommendationView> recommendations,
            List<TransferView> transfers, boolean published, @Schema(nullable = true) LocalDate publishedFrom,
            @Schema(nullable = true) LocalDate publishedUntil) {
    }
}
