package vn.inspectorate.complaints.cases;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What an anonymous denunciation is worth as information (Law on Denunciations 25/2018 Art. 25): it is never
 * processed as a denunciation, but when it names the person denounced, describes the violation and offers evidence it
 * is offered to the inspector as information to examine; otherwise it stays information only. Read from the case's
 * content, never from who filed it.
 */
public final class InformationAssessment {

    private InformationAssessment() {
    }

    @Schema(name = "InformationOutcome")
    public enum Outcome {
        TO_EXAMINE, INFORMATION_ONLY
    }

    /** What an anonymous denunciation lacks to be examined. */
    @Schema(name = "InformationGap")
    public enum Gap {
        NO_PERSON_NAMED, NO_VIOLATION_DESCRIBED, NO_EVIDENCE_OFFERED
    }

    /** The gaps of case {@code c}'s content: respondent, summary of the violation, evidence offered. */
    static List<Gap> gapsOf(CitizenCase c) {
        List<Gap> gaps = new ArrayList<>();
        if ((c.respondentCode == null || c.respondentCode.isBlank()) && c.respondentDeclarantId == null) {
            gaps.add(Gap.NO_PERSON_NAMED);
        }
        if (c.summary == null || c.summary.isBlank()) {
            gaps.add(Gap.NO_VIOLATION_DESCRIBED);
        }
        if (!c.evidenceOffered) {
            gaps.add(Gap.NO_EVIDENCE_OFFERED);
        }
        return gaps;
    }

    /** The assessment as the API shows it. */
    @Schema(name = "CaseInformationAssessment", description = "For an anonymous denunciation: information to examine "
            + "when it names the person, describes the violation and offers evidence, else information only, with "
            + "what it lacks.")
    public record View(Outcome outcome, List<Gap> missing) {
    }
}
