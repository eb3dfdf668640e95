package vn.inspectorate.contracts.cases;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A case was closed (resolved, withdrawn, terminated or merged into a duplicate). */
public record CaseClosed(
        UUID caseId,
        long version,
        OffsetDateTime occurredAt,
        String provinceCode,
        String closureReason,
        LocalDate closedOn,
        UUID duplicateOfCaseId) {
}
