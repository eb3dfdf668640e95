package vn.inspectorate.complaints.cases;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A case as the API shows it. Never carries complainant or denouncer identity. */
public record CaseView(
        UUID id,
        long version,
        String provinceCode,
        String filedUnitCode,
        String sourceSystem,
        String sourceReference,
        String receivingBodyCode,
        @Schema(nullable = true) String handlingBodyCode,
        Channel channel,
        CaseKind declaredKind,
        @Schema(nullable = true, description = "The kind intake proposed from the submission, and why; none for a "
                + "case filed before proposals.")
        KindProposal.View kindProposal,
        CaseKind kind,
        int instance,
        boolean complex,
        @Schema(description = "The remote area the clocks use: `remoteAreaDerived` unless overridden.")
        boolean remoteArea,
        @Schema(description = "Whether the case's unit was designated a remote area with difficult travel on its "
                + "receipt date (reference data).")
        boolean remoteAreaDerived,
        RemoteAreaSource remoteAreaSource,
        @Schema(nullable = true, description = "Why the inspector overrode the derived value.")
        String remoteAreaReason,
        @Schema(description = "An anonymous denunciation: recorded as information, never processed as a "
                + "denunciation.")
        boolean informationOnly,
        @Schema(description = "Information that names the person, describes the violation and offers evidence: the "
                + "inspector may accept it for examination.")
        boolean informationToExamine,
        @Schema(nullable = true, description = "For an anonymous denunciation: its worth as information.")
        InformationAssessment.View informationAssessment,
        CaseStatus status,
        String subject,
        @Schema(nullable = true) String summary,
        @Schema(nullable = true) String respondentCode,
        @Schema(nullable = true) UUID respondentDeclarantId,
        LocalDate receivedOn,
        boolean anonymous,
        int complainantCount,
        int representativeCount,
        boolean mass,
        String ruleSetVersion,
        List<String> admissibilityFindings,
        Deadlines deadlines,
        int extensionCount,
        @Schema(nullable = true) LocalDate denouncerNotifiedOn,
        @Schema(nullable = true) LocalDate acceptedOn,
        @Schema(nullable = true) LocalDate pausedOn,
        @Schema(nullable = true) LocalDate resolvedOn,
        @Schema(nullable = true) String outcome,
        @Schema(nullable = true) String decisionReference,
        @Schema(nullable = true) LocalDate closedOn,
        @Schema(nullable = true) String closureReason,
        @Schema(nullable = true) UUID parentCaseId,
        @Schema(nullable = true) UUID escalatedCaseId,
        boolean overdue,
        boolean onWatchlist,
        List<UUID> likelyDuplicates,
        @Schema(description = "The cases linked to this one as one matter (likely duplicates, mass cases, a case "
                + "closed as a duplicate), in any province: what the staff who see this case may know of each. "
                + "Another province's case itself stays out of reach.")
        List<LinkedCase> links,
        List<UUID> inspections,
        List<String> allowedCommands,
        @Schema(description = "Loaded as history (a back-fill): counted by reports under its real dates, never "
                + "overdue, no public events.")
        boolean backfilled,
        @Schema(nullable = true, description = "For a case that arrived by a transfer: the sending case.")
        TransferLink transferredFrom,
        @Schema(nullable = true, description = "For a transferred case, once the transfer arrived: the receiving "
                + "case, kept here as a read-only reference.")
        TransferLink transferredTo) {

    /** The other case of a transfer as far as this side may know it: its number, province, body and status. */
    @Schema(name = "CaseTransferLink")
    public record TransferLink(UUID caseId, String provinceCode, String bodyCode, CaseStatus status) {
    }

    /** A case linked to this one: its number, province, status and bodies; never its parties or subject. */
    @Schema(name = "LinkedCase")
    public record LinkedCase(UUID id,
            @Schema(description = "The system that filed it") String sourceSystem,
            @Schema(description = "Its number in that system") String caseNumber,
            String provinceCode,
            CaseStatus status,
            @Schema(nullable = true) String handlingBodyCode,
            String receivingBodyCode,
            LocalDate receivedOn,
            @Schema(description = "Why the two were linked, e.g. SAME_RESPONDENT, SIMILAR_SUBJECT, "
                    + "CLOSED_AS_DUPLICATE") List<String> reasons) {
    }

    /** The clocks of the case; null where the step does not apply. */
    @Schema(name = "CaseDeadlines")
    public record Deadlines(@Schema(nullable = true) LocalDate acceptanceDueOn,
            @Schema(nullable = true) LocalDate resolutionDueOn,
            @Schema(nullable = true) LocalDate notifyDenouncerDueOn,
            @Schema(nullable = true) LocalDate secondComplaintWindowEndsOn,
            @Schema(nullable = true) LocalDate currentDueOn) {
    }
}
