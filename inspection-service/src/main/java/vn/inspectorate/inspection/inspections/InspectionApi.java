package vn.inspectorate.inspection.inspections;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import vn.inspectorate.inspection.conclusions.ConclusionApi.ConclusionView;
import vn.inspectorate.inspection.overlaps.ConflictView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.inspectorate.inspection.reference.InspectedEntityInput;

/** Requests and answers of the inspection API. */
public final class InspectionApi {

    private InspectionApi() {
    }

    @Schema(name = "InspectionTeamMember")
    public record TeamMember(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 100) String role) {
    }

    /**
     * Opening decision. {@code plannedInspectionId} for a planned inspection (ad hoc without it),
     * {@code reInspectionOf} for a re-inspection, {@code caseIds} for the citizen cases it was opened from.
     */
    public record OpenInspection(
            @NotBlank @Size(max = 40) String bodyCode,
            @NotBlank @Size(max = 60) String decisionNumber,
            @NotNull LocalDate decisionDate,
            LocalDate openedOn,
            @NotBlank @Size(max = 4000) String legalBasis,
            @NotEmpty @Size(max = 50) List<@NotNull @Valid TeamMember> team,
            @NotNull InspectionType type,
            @NotBlank @Size(max = 60) @Pattern(regexp = "[A-Z][A-Z0-9_]*", message = "{inspectorate.constraint.subject-code}")
            String subject,
            @NotNull @Valid InspectedEntityInput entity,
            UUID plannedInspectionId,
            UUID reInspectionOf,
            @Size(max = 50) List<@NotNull UUID> caseIds) {
    }

    @Schema(name = "InspectionStart")
    public record Start(@NotNull LocalDate startedOn) {
    }

    @Schema(name = "InspectionExtend")
    public record Extend(
            @NotNull @Min(1) @Max(366) Integer extraDays,
            @NotBlank @Size(max = 60) @Pattern(regexp = "[A-Z][A-Z0-9_]*", message = "{inspectorate.constraint.reason-code}")
            String reasonCode,
            @NotNull LocalDate decidedOn) {
    }

    @Schema(name = "InspectionSubmitReport")
    public record SubmitReport(@NotNull LocalDate submittedOn) {
    }

    @Schema(name = "InspectionClose")
    public record Close(@NotNull LocalDate closedOn) {
    }

    @Schema(name = "InspectionExtensionView")
    public record ExtensionView(int number, int extraDays, String reasonCode, LocalDate decidedOn, LocalDate newDueOn) {
    }

    public record InspectionView(UUID id, String bodyCode, String provinceCode, String decisionNumber,
            LocalDate decisionDate, String legalBasis, List<TeamMember> team, InspectionType type, String subject,
            String entityCode, int year, boolean planned, @Schema(nullable = true) UUID plannedInspectionId,
            @Schema(nullable = true) UUID planId, @Schema(nullable = true) UUID reInspectionOf,
            List<UUID> caseIds, InspectionStatus status, List<InspectionStatus> allowedTransitions, LocalDate openedOn,
            int baseDays, int extensionsUsed, int maxExtensions, int extensionDaysLimit, LocalDate dueOn,
            @Schema(nullable = true) LocalDate reportSubmittedOn, boolean overrun, long version,
            List<ExtensionView> extensions, List<ConflictView> conflicts,
            @Schema(nullable = true) ConclusionView conclusion,
            @Schema(description = "Loaded as history (a back-fill): counted by reports under its real dates, never "
                    + "overrun, no overdue follow-ups, no public events.")
            boolean backfilled) {
    }
}
