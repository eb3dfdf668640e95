package vn.inspectorate.contracts.cases;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A case's resolution deadline was extended by a recorded decision. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseExtended(
        UUID caseId,
        long version,
        OffsetDateTime occurredAt,
        String provinceCode,
        int extensionNumber,
        int extraDays,
        LocalDate previousDueOn,
        LocalDate newDueOn,
        String reasonCode,
        String decisionReference) {
}
