package vn.inspectorate.contracts.cases;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A paused case resumed: back in the status it was paused from, its deadline moved by the days it stood still. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseResumed(
        UUID caseId,
        long version,
        OffsetDateTime occurredAt,
        String provinceCode,
        String handlingBodyCode,
        LocalDate resumedOn,
        long deadlineShiftedByDays,
        LocalDate resolutionDueOn) {
}
