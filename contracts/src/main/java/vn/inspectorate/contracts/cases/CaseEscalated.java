package vn.inspectorate.contracts.cases;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A complaint went to second instance one level up; {@code secondInstanceCaseId} is the new case, if any. */
public record CaseEscalated(
        UUID caseId,
        long version,
        OffsetDateTime occurredAt,
        String provinceCode,
        int fromInstance,
        int toInstance,
        String toBodyCode,
        UUID secondInstanceCaseId) {
}
