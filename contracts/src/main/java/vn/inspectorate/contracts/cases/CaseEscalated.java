package vn.inspectorate.contracts.cases;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A complaint went to second instance one level up; {@code secondInstanceCaseId} is the new case, if any. */
@JsonInclude(JsonInclude.Include.NON_NULL)
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
