package vn.inspectorate.complaints.cases;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The bodies of the lifecycle commands. None of them carries identity: they are kept in the case history. */
public final class CaseCommands {

    private CaseCommands() {
    }

    @Schema(name = "CaseClassify", description = "`kind` is the kind decided; absent, it confirms the kind intake "
            + "proposed (the case's `kindProposal`).")
    public record Classify(CaseKind kind,
            @Min(1) @Max(2) Integer instance, Boolean complex,
            @Schema(description = "The remote area as the inspector finds it; absent keeps the value derived from "
                    + "the case's unit. A value other than the derived one is an override and needs "
                    + "`remoteAreaReason`.")
            Boolean remoteArea,
            @Schema(description = "Why the remote area is overridden; kept in the case's history.")
            @Size(max = 500) String remoteAreaReason,
            UUID respondentDeclarantId) {
    }

    @Schema(name = "CaseAccept")
    public record Accept(@NotNull LocalDate acceptedOn, @Size(max = 64) String handlingBodyCode) {
    }

    @Schema(name = "CaseNotAcceptedReason")
    public enum NotAcceptedReason {
        FILED_LATE, UNSIGNED, NOT_AFFECTING_COMPLAINANT, ALREADY_DECIDED_AT_SECOND_INSTANCE, ANONYMOUS_DENUNCIATION,
        NOT_COMPETENT, ILLEGIBLE_OR_ABUSIVE, NEEDS_TRANSLATION, OTHER
    }

    @Schema(name = "CaseNotAccept")
    public record NotAccept(@NotNull NotAcceptedReason reasonCode, @NotBlank @Size(max = 128) String decisionReference,
            @NotNull LocalDate decidedOn, @Size(max = 2000) String note) {
    }

    @Schema(name = "CaseAssign")
    public record Assign(@NotBlank @Size(max = 64) String handlingBodyCode) {
    }

    @Schema(name = "CaseExtensionReason")
    public enum ExtensionReason {
        COMPLEX, ESPECIALLY_COMPLEX
    }

    @Schema(name = "CaseExtend")
    public record Extend(@NotNull ExtensionReason reasonCode, @NotBlank @Size(max = 128) String decisionReference,
            @NotNull LocalDate decidedOn) {
    }

    @Schema(name = "CasePause")
    public record Pause(@NotBlank @Size(max = 500) String reason, @NotNull LocalDate pausedOn) {
    }

    @Schema(name = "CaseResume")
    public record Resume(@NotNull LocalDate resumedOn) {
    }

    @Schema(name = "CaseTransfer")
    public record Transfer(@NotBlank @Size(max = 64) String toBodyCode,
            @Pattern(regexp = "VN-[0-9A-Z]{2}", message = "{inspectorate.constraint.province-code-vn}")
            String toProvinceCode,
            @NotBlank @Size(max = 64) String reasonCode) {
    }

    @Schema(name = "CaseResolve")
    public record Resolve(@NotBlank @Size(max = 64) String outcome, @NotBlank @Size(max = 128) String decisionReference,
            @NotNull LocalDate resolvedOn) {
    }

    @Schema(name = "CaseEscalate")
    public record Escalate(@NotBlank @Size(max = 64) String toBodyCode, @NotNull LocalDate filedOn) {
    }

    @Schema(name = "CaseClosureReason")
    public enum ClosureReason {
        RESOLVED, NOT_ACCEPTED, TRANSFERRED, ESCALATED, WITHDRAWN, TERMINATED, DUPLICATE
    }

    @Schema(name = "CaseClose")
    public record Close(@NotNull ClosureReason closureReason, @NotNull LocalDate closedOn, UUID duplicateOfCaseId) {
    }

    @Schema(name = "CaseNotifyDenouncer")
    public record NotifyDenouncer(@NotNull LocalDate notifiedOn) {
    }

    @Schema(name = "CaseWithdrawPart")
    public record WithdrawPart(@NotBlank @Size(max = 2000) String withdrawnPart, @NotNull LocalDate withdrawnOn) {
    }
}
