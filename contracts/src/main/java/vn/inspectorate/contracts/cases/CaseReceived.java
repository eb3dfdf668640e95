package vn.inspectorate.contracts.cases;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A letter or visit was recorded as a new case at a receiving body; no complainant or denouncer data. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseReceived(
        UUID caseId,
        long version,
        OffsetDateTime occurredAt,
        String provinceCode,
        String receivingBodyCode,
        String channel,
        String sourceSystem,
        String sourceReference,
        LocalDate receivedOn,
        int complainantCount,
        boolean mass,
        boolean anonymous) {
}
