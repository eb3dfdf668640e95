package vn.inspectorate.inspection.overlaps;

import java.util.List;
import vn.inspectorate.contracts.inspections.InspectionOverlapDetected;
import vn.inspectorate.inspection.reference.ReferenceData;

/** The event of the conflicts found for a candidate, built here from the candidate and its conflicts. */
final class OverlapEvents {

    private OverlapEvents() {
    }

    /** The rules met (distinct, sorted, comma-separated) and the other sides, each once. */
    static InspectionOverlapDetected detected(OverlapChecker.Candidate candidate, List<OverlapConflict> found) {
        return new InspectionOverlapDetected(candidate.id(), candidate.version(), ReferenceData.now(),
                candidate.entity().provinceCode, candidate.entity().code, candidate.subject(), candidate.year(),
                found.stream().map(c -> c.rule).distinct().sorted().reduce((a, b) -> a + "," + b).orElseThrow(),
                found.stream().map(c -> c.otherId).distinct().toList());
    }
}
