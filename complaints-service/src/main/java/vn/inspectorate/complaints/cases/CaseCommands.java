package vn.inspectorate.complaints.cases;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;

/** The bodies of the lifecycle commands. None of them carries identity: they are kept in the case history. */
public final class CaseCommands {

    private CaseCommands() {
    }

    public record Classify(@NotNull CaseKind kind, @Min(1) @Max(2) Integer instance, Boolean complex,
            Boolean remoteArea, UUID respondentDeclarantId) {
    }

    public record Accept(@NotNull LocalDate acceptedOn, @Size(max = 64) String handlingBodyCode) {
    }

    public enum NotAcceptedReason {
        FILED_LATE, UNSIGNED, NOT_AFFECTING_COMPLAINANT, ALREADY_DECIDED_AT_SECOND_INSTANCE, ANONYMOUS_DENUNCIATION,
        NOT_COMPETENT, ILLEGIBLE_OR_ABUSIVE, NEEDS_TRANSLATION, OTHER
    }

    public record NotAccept(@NotNull NotAcceptedReason reasonCode, @NotBlank @Size(max = 128) String decisionReference,
            @NotNull LocalDate decidedOn, @Size(max = 2000) String note) {
    }

    public record Assign(@NotBlank @Size(max = 64) String handlingBodyCode) {
    }

    public enum ExtensionReason {
        COMPLEX, ESPECIALLY_COMPLEX
    }

    public record Extend(@NotNull ExtensionReason reasonCode, @NotBlank @Size(max = 128) String decisionReference,
            @NotNull LocalDate decidedOn) {
    }

    public record Pause(@NotBlank @Size(max = 500) String reason, @NotNull LocalDate pausedOn) {
    }

    public record Resume(@NotNull LocalDate resumedOn) {
    }

    public record Transfer(@NotBlank @Size(max = 64) String toBodyCode,
            @Pattern(regexp = "VN-[0-9A-Z]{2}", message = "must be an ISO 3166-2:VN code such as VN-HN")
            String toProvinceCode,
            @NotBlank @Size(max = 64) String reasonCode) {
    }

    public record Resolve(@NotBlank @Size(max = 64) String outcome, @NotBlank @Size(max = 128) String decisionReference,
            @NotNull LocalDate resolvedOn) {
    }

    public record Escalate(@NotBlank @Size(max = 64) String toBodyCode, @NotNull LocalDate filedOn) {
    }

    public enum ClosureReason {
        RESOLVED, NOT_ACCEPTED, TRANSFERRED, ESCALATED, WITHDRAWN, TERMINATED, DUPLICATE
    }

    public record Close(@NotNull ClosureReason closureReason, @NotNull LocalDate closedOn, UUID duplicateOfCaseId) {
    }

    public record NotifyDenouncer(@NotNull LocalDate notifiedOn) {
    }

    public record WithdrawPart(@NotBlank @Size(max = 2000) String withdrawnPart, @NotNull LocalDate withdrawnOn) {
    }
}
