package vn.inspectorate.complaints.cases;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The kind intake proposes for a submission, by the first rule that applies, and why. The inspector confirms or
 * changes it at classification. The rules read only what the filer stated, never who filed:
 * <ol>
 * <li>a decision the filer learned of and that affects them → a complaint (a request to review it);</li>
 * <li>else a named respondent → a denunciation (a violation reported against someone);</li>
 * <li>else → a petition (a proposal or information on policy or management).</li>
 * </ol>
 */
public final class KindProposal {

    private KindProposal() {
    }

    /** Why a kind was proposed: a stable code, with its text in English and Vietnamese. */
    @Schema(name = "KindProposalReason")
    public enum Reason {
        DECISION_AFFECTING_FILER(CaseKind.COMPLAINT,
                "It asks for a review of a decision or act that affects the filer (the filer states when they "
                        + "learned of it).",
                "Đề nghị xem xét lại quyết định, hành vi ảnh hưởng đến quyền, lợi ích của người gửi (có ngày biết "
                        + "được quyết định)."),
        VIOLATION_BY_NAMED_RESPONDENT(CaseKind.DENUNCIATION,
                "It reports a violation by a named person or body and asks for no review of a decision affecting "
                        + "the filer.",
                "Báo cho cơ quan có thẩm quyền biết hành vi vi phạm của người, cơ quan được nêu tên, không đề nghị "
                        + "xem xét lại quyết định ảnh hưởng đến người gửi."),
        PROPOSAL_OR_INFORMATION(CaseKind.PETITION,
                "It names no decision affecting the filer and no one reported: a proposal or information.",
                "Không nêu quyết định ảnh hưởng đến người gửi, không nêu người vi phạm: là kiến nghị, phản ánh.");

        private final CaseKind kind;
        private final String english;
        private final String vietnamese;

        Reason(CaseKind kind, String english, String vietnamese) {
            this.kind = kind;
            this.english = english;
            this.vietnamese = vietnamese;
        }

        public CaseKind kind() {
            return kind;
        }

        public String english() {
            return english;
        }

        public String vietnamese() {
            return vietnamese;
        }
    }

    /** The reason, and so the kind, intake proposes for {@code s}. */
    static Reason of(CaseSubmission s) {
        if (s.decisionLearnedOn() != null && !Boolean.FALSE.equals(s.affectsComplainant())) {
            return Reason.DECISION_AFFECTING_FILER;
        }
        if (hasText(s.respondentCode()) || s.respondentDeclarantId() != null) {
            return Reason.VIOLATION_BY_NAMED_RESPONDENT;
        }
        return Reason.PROPOSAL_OR_INFORMATION;
    }

    private static boolean hasText(String s) {
        return s != null && !s.isBlank();
    }

    /** A case's proposal as the API shows it. */
    @Schema(name = "CaseKindProposal", description = "The kind intake proposed from the submission and why; the "
            + "case's `kind` is the one classification decided.")
    public record View(CaseKind kind, Reason reasonCode,
            @Schema(description = "The reason in English") String reason,
            @Schema(description = "The reason in Vietnamese") String reasonVi) {

        static View of(Reason reason) {
            return reason == null ? null : new View(reason.kind(), reason, reason.english(), reason.vietnamese());
        }
    }
}
