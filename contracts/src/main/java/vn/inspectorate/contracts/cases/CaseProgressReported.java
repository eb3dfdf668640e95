package vn.inspectorate.contracts.cases;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.UUID;

/** The monthly progress report of a watchlisted case was recorded; {@code reportMonth} is {@code YYYY-MM}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseProgressReported(
        UUID caseId,
        long version,
        OffsetDateTime occurredAt,
        String provinceCode,
        String reportMonth,
        String stage,
        boolean resolved,
        boolean overdue) {
}
