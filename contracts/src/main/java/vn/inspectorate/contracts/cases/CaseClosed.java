package vn.inspectorate.contracts.cases;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A case was closed (resolved, withdrawn, terminated or merged into a duplicate). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseClosed(
        UUID caseId,
        long version,
        OffsetDateTime occurredAt,
        String provinceCode,
        String closureReason,
        LocalDate closedOn,
        UUID duplicateOfCaseId) {
}
