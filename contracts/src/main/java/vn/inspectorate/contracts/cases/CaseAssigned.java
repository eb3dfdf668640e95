package vn.inspectorate.contracts.cases;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A case was assigned to the body that handles it (verification and resolution). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseAssigned(
        UUID caseId,
        long version,
        OffsetDateTime occurredAt,
        String provinceCode,
        String handlingBodyCode,
        LocalDate dueOn) {
}
