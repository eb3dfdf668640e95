package vn.inspectorate.declarations.declarations;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.inspectorate.declarations.declarants.FamilyMember;

/** Request and response bodies of the declaration API. */
public final class DeclarationApi {

    /** A bound far above any real asset (10^15 VND) that keeps the sums of 500 items exact in a long. */
    public static final long MAX_ITEM_VND = 1_000_000_000_000_000L;

    public record CreateDeclaration(
            @NotNull UUID declarantId,
            @NotNull DeclarationKind kind,
            @NotNull @Min(2000) @Max(2100) Integer year,
            @NotNull @PastOrPresent LocalDate declaredOn,
            @Size(max = 4000) String increaseExplanation,
            @NotNull @Size(max = 500) List<@NotNull @Valid ItemInput> items) {
    }

    /** The one correction a submitted declaration may receive: a full replacement of its items. */
    public record CorrectDeclaration(
            @Size(max = 4000) String increaseExplanation,
            @NotNull @Size(max = 500) List<@NotNull @Valid ItemInput> items) {
    }

    /**
     * One item. {@code ownerId} is a family member of the declarant, or absent for the declarant's own items;
     * {@code valueVnd} may be absent only for real estate, vehicles and foreign assets (which raises a flag).
     */
    @Schema(name = "DeclarationItemInput")
    public record ItemInput(
            @NotNull ItemCategory category,
            UUID ownerId,
            LocalDate acquiredOn,
            @PositiveOrZero @Max(MAX_ITEM_VND) Long valueVnd,
            @Size(max = 4000) String description) {
    }

    @Schema(name = "DeclarationFlagView")
    public record FlagView(String ruleId, int ruleVersion, int weight, Map<String, Object> figures) {
    }

    @Schema(name = "DeclarationSectionChange")
    public record SectionChange(Section section, long previousVnd, long currentVnd, long changeVnd) {
    }

    /** Ids, codes, totals, changes and flags: no names, descriptions or addresses. */
    public record DeclarationSummary(UUID id, UUID declarantId, String agencyCode, String provinceCode,
            DeclarationKind kind, int year, LocalDate declaredOn, DeclarationStatus status, long version,
            @Schema(nullable = true) LocalDate dueOn, boolean late, long totalAssetsVnd, long totalIncomeVnd,
            long totalLiabilitiesVnd, @Schema(nullable = true) UUID previousDeclarationId, long assetChangeVnd,
            long incomeChangeVnd, @Schema(nullable = true) Long explanationThresholdVnd, boolean explanationRequired,
            boolean explained, int riskScore, List<FlagView> flags, List<SectionChange> changes,
            @Schema(nullable = true) LocalDate publishedOn) {
    }

    @Schema(name = "DeclarationItemView")
    public record ItemView(UUID id, Section section, ItemCategory category, @Schema(nullable = true) UUID ownerId,
            Owner owner, @Schema(nullable = true) LocalDate acquiredOn, @Schema(nullable = true) Long valueVnd,
            @Schema(nullable = true) String description) {
    }

    /** Who owns an item: the declarant or a family member by relation. */
    @Schema(name = "DeclarationItemOwner")
    public enum Owner {
        DECLARANT, SPOUSE, MINOR_CHILD;

        public static Owner of(FamilyMember.Relation relation) {
            return relation == null ? DECLARANT : Owner.valueOf(relation.name());
        }
    }

    /** The full declaration, for controllers; every read of it is logged. */
    public record DeclarationDetail(DeclarationSummary summary, @Schema(nullable = true) String increaseExplanation,
            List<ItemView> items, @Schema(nullable = true) OffsetDateTime submittedAt,
            @Schema(nullable = true) OffsetDateTime correctedAt) {
    }

    private DeclarationApi() {
    }
}
