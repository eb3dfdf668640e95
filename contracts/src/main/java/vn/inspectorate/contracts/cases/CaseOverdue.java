package vn.inspectorate.contracts.cases;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A legal deadline of a case passed without the step being done. */
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
