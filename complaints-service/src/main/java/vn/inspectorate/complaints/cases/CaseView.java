package vn.inspectorate.complaints.cases;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A case as the API shows it. Never carries complainant or denouncer identity. */
public record CaseView(
        UUID id,
        long version,
        String provinceCode,
        String filedUnitCode,
        String sourceSystem,
        String sourceReference,
        String receivingBodyCode,
        String handlingBodyCode,
        Channel channel,
        CaseKind declaredKind,
        CaseKind kind,
        int instance,
        boolean complex,
        boolean remoteArea,
        boolean informationOnly,
        CaseStatus status,
        String subject,
        String summary,
        String respondentCode,
        UUID respondentDeclarantId,
        LocalDate receivedOn,
        boolean anonymous,
        int complainantCount,
        int representativeCount,
        boolean mass,
        String ruleSetVersion,
        List<String> admissibilityFindings,
        Deadlines deadlines,
        int extensionCount,
        LocalDate denouncerNotifiedOn,
        LocalDate acceptedOn,
        LocalDate pausedOn,
        LocalDate resolvedOn,
        String outcome,
        String decisionReference,
        LocalDate closedOn,
        String closureReason,
        UUID parentCaseId,
        UUID escalatedCaseId,
        boolean overdue,
        boolean onWatchlist,
        List<UUID> likelyDuplicates,
        List<UUID> inspections,
        List<String> allowedCommands) {

    /** The clocks of the case; null where the step does not apply. */
    public record Deadlines(LocalDate acceptanceDueOn, LocalDate resolutionDueOn, LocalDate notifyDenouncerDueOn,
            LocalDate secondComplaintWindowEndsOn, LocalDate currentDueOn) {
    }
}
