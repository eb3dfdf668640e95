package vn.inspectorate.contracts.cases;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A case was not accepted, with the coded reason and the written decision that records it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseRejected(
        UUID caseId,
        long version,
        OffsetDateTime occurredAt,
        String provinceCode,
        String kind,
        String reasonCode,
        String decisionReference,
        LocalDate decidedOn) {
}
