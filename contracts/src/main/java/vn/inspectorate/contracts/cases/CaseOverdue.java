package vn.inspectorate.contracts.cases;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A legal deadline of a case passed without the step being done. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseOverdue(
        UUID caseId,
        long version,
        OffsetDateTime occurredAt,
        String provinceCode,
        String handlingBodyCode,
        String step,
        LocalDate dueOn,
        int daysOverdue) {
}
