package vn.inspectorate.inspection.plans;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.inspectorate.inspection.inspections.InspectionType;
import vn.inspectorate.inspection.overlaps.ConflictView;
import vn.inspectorate.inspection.reference.InspectedEntityInput;

/** Requests and answers of the plan API. */
public final class PlanApi {

    private PlanApi() {
    }

    /** Items of a back-filled plan per call: as many as a batch of inspection records. */
    public static final int MAX_BACKFILLED_ITEMS = 500;

    /**
     * A live plan: body and year, created as a draft. A back-filled plan ({@code backfilled: true}): a past year's
     * plan as it was approved, with its approval date and its planned inspections.
     */
    @Schema(name = "InspectionCreatePlan")
    public record CreatePlan(@NotBlank @Size(max = 40) String bodyCode, @NotNull @Min(2000) @Max(2100) Integer year,
            @Schema(description = "Load a past year's approved plan as history (a back-fill); false or absent: a live "
                    + "draft plan for this year or later.")
            Boolean backfilled,
            @Schema(description = "With backfilled only: the day the plan was approved, in the plan's year or the year "
                    + "before, before today (Vietnam time).")
            LocalDate approvedOn,
            @Schema(description = "With backfilled only: the plan's planned inspections (1 to 500), each as an item "
                    + "added by an amendment, starting in the plan's year.")
            @Size(max = MAX_BACKFILLED_ITEMS) List<@NotNull @Valid AddPlannedInspection> inspections) {

        boolean history() {
            return Boolean.TRUE.equals(backfilled);
        }
    }

    public record AddPlannedInspection(
            @NotNull @Valid InspectedEntityInput entity,
            @NotBlank @Size(max = 60) @Pattern(regexp = "[A-Z][A-Z0-9_]*", message = "{inspectorate.constraint.subject-code}")
            String subject,
            @NotNull InspectionType type,
            @NotNull LocalDate plannedStart,
            @NotNull @Min(1) @Max(366) Integer durationDays,
            @Size(max = 40) String responsibleBodyCode) {
    }

    @Schema(name = "InspectionPlanAmend")
    public record Amend(
            @NotBlank @Size(max = 4000) String reason,
            @Size(max = 500) List<@NotNull @Valid AddPlannedInspection> add,
            @Size(max = 500) List<@NotNull UUID> withdraw) {
    }

    public record PlannedInspectionView(UUID id, UUID planId, String bodyCode, String responsibleBodyCode, int year,
            String entityCode, String subject, InspectionType type, LocalDate plannedStart, LocalDate plannedEnd,
            int durationDays, String status, @Schema(nullable = true) Integer addedByAmendment,
            List<ConflictView> conflicts) {
    }

    @Schema(name = "InspectionPlanAmendmentView")
    public record AmendmentView(int number, String reason, String change, String decidedBy, OffsetDateTime decidedAt) {
    }

    @Schema(name = "InspectionPlanView")
    public record PlanView(UUID id, String bodyCode,
            @Schema(nullable = true, description = "None for central and sector bodies.") String provinceCode, int year,
            PlanStatus status, long version, String createdBy, @Schema(nullable = true) OffsetDateTime submittedAt,
            @Schema(nullable = true) String approvedBy, @Schema(nullable = true) LocalDate approvedOn,
            List<PlannedInspectionView> inspections, List<AmendmentView> amendments,
            @Schema(description = "Loaded as history (a back-filled plan): approved as loaded, its approval event "
                    + "marked backfilled.")
            boolean backfilled) {
    }
}
