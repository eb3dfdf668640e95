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

/** Requests and answers of conclusions and their follow-up. Money is whole VND, land whole m². */
public final class ConclusionApi {

    private ConclusionApi() {
    }

    public record Item(@NotBlank @Size(max = 300) String subject, @NotBlank @Size(max = 4000) String finding,
            @NotNull @PositiveOrZero Long violationsVnd, @NotNull @PositiveOrZero Long violationsLandM2) {
    }

    public record RecommendationInput(@NotNull RecommendationKind kind, @NotBlank @Size(max = 2000) String description,
            @NotBlank @Size(max = 300) String addressee, @PositiveOrZero Long amountVnd, @PositiveOrZero Long landM2,
            @PositiveOrZero @Max(10000) Integer individualsCount, @NotNull LocalDate dueOn) {
    }

    public record Responsible(@NotBlank @Size(max = 100) String reference, @Size(max = 300) String role) {
    }

    public record TransferInput(@NotBlank @Size(max = 2000) String matter, @NotBlank @Size(max = 300) String toBody,
            @NotNull LocalDate transferredOn) {
    }

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

    public record Payment(@NotBlank @Size(max = 100) String reference, @NotNull @PositiveOrZero Long amountVnd,
            @PositiveOrZero Long landM2, @NotNull LocalDate paidOn) {
    }

    public record Completion(@NotNull LocalDate doneOn, @PositiveOrZero @Max(10000) Integer disciplinedCount,
            @Size(max = 2000) String note) {
    }

    public record Acknowledgement(@NotNull LocalDate acknowledgedOn, @NotNull Boolean accepted) {
    }

    public record ItemView(int itemNo, String subject, String finding, long violationsVnd, long violationsLandM2) {
    }

    public record RecommendationView(UUID id, UUID inspectionId, RecommendationKind kind, String description,
            String addressee, long amountVnd, long landM2, int individualsCount, LocalDate dueOn, long recoveredVnd,
            long recoveredLandM2, int disciplinedCount, boolean done, LocalDate doneOn, boolean overdue) {
    }

    public record TransferView(UUID id, String matter, String toBody, LocalDate transferredOn, boolean acknowledged,
            LocalDate acknowledgedOn, Boolean accepted) {
    }

    public record ConclusionView(String conclusionNumber, LocalDate concludedOn, String assessment, int unitsCovered,
            long violationsVnd, long violationsLandM2, long recoveryRecommendedVnd, long recoveryRecommendedLandM2,
            int responsibleOrganisationsCount, int responsibleIndividualsCount, List<Responsible> responsibleOrganisations,
            List<Responsible> responsibleIndividuals, List<ItemView> items, List<RecommendationView> recommendations,
            List<TransferView> transfers, boolean published, LocalDate publishedFrom, LocalDate publishedUntil) {
    }
}
