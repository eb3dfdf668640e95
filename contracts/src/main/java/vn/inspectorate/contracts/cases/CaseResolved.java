package vn.inspectorate.contracts.cases;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A resolution decision or conclusion was issued; {@code inspectionId} is set when an inspection resolved it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseResolved(
        UUID caseId,
        long version,
        OffsetDateTime occurredAt,
        String provinceCode,
        String kind,
        String handlingBodyCode,
        String outcome,
        String decisionReference,
        LocalDate resolvedOn,
        boolean onTime,
        UUID inspectionId) {
}
