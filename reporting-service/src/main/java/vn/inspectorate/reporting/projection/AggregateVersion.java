package vn.inspectorate.reporting.projection;

import java.util.UUID;
import vn.inspectorate.contracts.cases.CaseAccepted;
import vn.inspectorate.contracts.cases.CaseAssigned;
import vn.inspectorate.contracts.cases.CaseClassified;
import vn.inspectorate.contracts.cases.CaseClosed;
import vn.inspectorate.contracts.cases.CaseEscalated;
import vn.inspectorate.contracts.cases.CaseExtended;
import vn.inspectorate.contracts.cases.CaseOverdue;
import vn.inspectorate.contracts.cases.CaseProgressReported;
import vn.inspectorate.contracts.cases.CaseReceived;
import vn.inspectorate.contracts.cases.CaseRejected;
import vn.inspectorate.contracts.cases.CaseResolved;
import vn.inspectorate.contracts.cases.CaseTransferred;
import vn.inspectorate.contracts.cases.CaseWatchlisted;
import vn.inspectorate.contracts.cases.CaseDenouncerNotified;
import vn.inspectorate.contracts.cases.CaseLinked;
import vn.inspectorate.contracts.cases.CasePaused;
import vn.inspectorate.contracts.cases.CaseResumed;
import vn.inspectorate.contracts.cases.CaseWithdrawn;
import vn.inspectorate.contracts.declarations.DeclarationFlagged;
import vn.inspectorate.contracts.declarations.DeclarationSubmitted;
import vn.inspectorate.contracts.declarations.DeclarationVerificationSelected;
import vn.inspectorate.contracts.declarations.DeclarationVerified;
import vn.inspectorate.contracts.inspections.InspectionConcluded;
import vn.inspectorate.contracts.inspections.InspectionExtended;
import vn.inspectorate.contracts.inspections.InspectionFollowUpClosed;
import vn.inspectorate.contracts.inspections.InspectionOpened;
import vn.inspectorate.contracts.inspections.InspectionOverlapDetected;
import vn.inspectorate.contracts.inspections.InspectionPlanApproved;
import vn.inspectorate.contracts.inspections.InspectionRecoveryRecorded;

/**
 * The record an event is about and the version it brings it to, as its payload names them. An annual plan's
 * approval names no inspection: it has no id, and nothing is counted for it. Every other event of the projected
 * topics must be named here; one that is not is an error of this service, not silently left uncounted
 * ({@code AggregateVersionTest} holds it to the event catalog).
 */
record AggregateVersion(UUID id, long version) {

    static AggregateVersion of(Record payload) {
        return switch (payload) {
            case CaseReceived r -> new AggregateVersion(r.caseId(), r.version());
            case CaseClassified r -> new AggregateVersion(r.caseId(), r.version());
            case CaseAccepted r -> new AggregateVersion(r.caseId(), r.version());
            case CaseRejected r -> new AggregateVersion(r.caseId(), r.version());
            case CaseAssigned r -> new AggregateVersion(r.caseId(), r.version());
            case CaseExtended r -> new AggregateVersion(r.caseId(), r.version());
            case CaseTransferred r -> new AggregateVersion(r.caseId(), r.version());
            case CaseResolved r -> new AggregateVersion(r.caseId(), r.version());
            case CaseEscalated r -> new AggregateVersion(r.caseId(), r.version());
            case CaseClosed r -> new AggregateVersion(r.caseId(), r.version());
            case CaseOverdue r -> new AggregateVersion(r.caseId(), r.version());
            case CaseWatchlisted r -> new AggregateVersion(r.caseId(), r.version());
            case CaseProgressReported r -> new AggregateVersion(r.caseId(), r.version());
            case CasePaused r -> new AggregateVersion(r.caseId(), r.version());
            case CaseResumed r -> new AggregateVersion(r.caseId(), r.version());
            case CaseWithdrawn r -> new AggregateVersion(r.caseId(), r.version());
            case CaseDenouncerNotified r -> new AggregateVersion(r.caseId(), r.version());
            // a link is a record of its own, the same for the same two cases (the matter is the cases' business)
            case CaseLinked r -> new AggregateVersion(r.linkId(), r.version());
            case InspectionOpened r -> new AggregateVersion(r.inspectionId(), r.version());
            case InspectionExtended r -> new AggregateVersion(r.inspectionId(), r.version());
            case InspectionConcluded r -> new AggregateVersion(r.inspectionId(), r.version());
            case InspectionRecoveryRecorded r -> new AggregateVersion(r.inspectionId(), r.version());
            case InspectionFollowUpClosed r -> new AggregateVersion(r.inspectionId(), r.version());
            case InspectionOverlapDetected r -> new AggregateVersion(r.inspectionId(), r.version());
            case DeclarationSubmitted r -> new AggregateVersion(r.declarationId(), r.version());
            case DeclarationFlagged r -> new AggregateVersion(r.declarationId(), r.version());
            case DeclarationVerificationSelected r -> new AggregateVersion(r.declarationId(), r.version());
            case DeclarationVerified r -> new AggregateVersion(r.declarationId(), r.version());
            case InspectionPlanApproved r -> new AggregateVersion(null, 0);
            default -> throw new IllegalStateException("the projection does not know whose event "
                    + payload.getClass().getSimpleName() + " is");
        };
    }
}
