package vn.inspectorate.contracts.publicevents;

import java.time.OffsetDateTime;
import java.util.UUID;

/** Sanitized for partners: a case changed status; no complainant or denouncer data and no subject text. */
public record PublicCaseStatusChanged(
        UUID caseId,
        long version,
        OffsetDateTime occurredAt,
        String provinceCode,
        String kind,
        String status,
        String handlingBodyCode) {
}
