package vn.inspectorate.contracts.publicevents;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Sanitized for partners: a case changed status; no complainant or denouncer data and no subject text. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PublicCaseStatusChanged(
        UUID caseId,
        long version,
        OffsetDateTime occurredAt,
        String provinceCode,
        String kind,
        String status,
        String handlingBodyCode) {
}
