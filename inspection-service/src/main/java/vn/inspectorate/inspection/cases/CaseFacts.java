package vn.inspectorate.inspection.cases;

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
import vn.inspectorate.platform.inbox.PoisonEventException;

/**
 * What the local case reference keeps of a case event: the case, its version, the province it is in after the event
 * (the receiving province of a transfer) and its kind where the event sets it.
 */
record CaseFacts(UUID caseId, long version, String provinceCode, String kind) {

    static CaseFacts of(Record payload) {
        return switch (payload) {
            case CaseReceived e -> new CaseFacts(e.caseId(), e.version(), e.provinceCode(), null);
            case CaseClassified e -> new CaseFacts(e.caseId(), e.version(), e.provinceCode(), e.kind());
            case CaseAccepted e -> new CaseFacts(e.caseId(), e.version(), e.provinceCode(), e.kind());
            case CaseRejected e -> new CaseFacts(e.caseId(), e.version(), e.provinceCode(), e.kind());
            case CaseResolved e -> new CaseFacts(e.caseId(), e.version(), e.provinceCode(), e.kind());
            case CaseTransferred e -> new CaseFacts(e.caseId(), e.version(),
                    e.toProvinceCode() != null ? e.toProvinceCode() : e.provinceCode(), null);
            case CaseAssigned e -> new CaseFacts(e.caseId(), e.version(), e.provinceCode(), null);
            case CaseExtended e -> new CaseFacts(e.caseId(), e.version(), e.provinceCode(), null);
            case CaseEscalated e -> new CaseFacts(e.caseId(), e.version(), e.provinceCode(), null);
            case CaseClosed e -> new CaseFacts(e.caseId(), e.version(), e.provinceCode(), null);
            case CaseOverdue e -> new CaseFacts(e.caseId(), e.version(), e.provinceCode(), null);
            case CaseWatchlisted e -> new CaseFacts(e.caseId(), e.version(), e.provinceCode(), null);
            case CaseProgressReported e -> new CaseFacts(e.caseId(), e.version(), e.provinceCode(), null);
            default -> throw new PoisonEventException("no case event: " + payload.getClass().getSimpleName());
        };
    }
}
