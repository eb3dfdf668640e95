package vn.inspectorate.contracts.cases;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A case was transferred to the competent body, possibly in another province. */
public record CaseTransferred(
        UUID caseId,
        long version,
        OffsetDateTime occurredAt,
        String provinceCode,
        String fromBodyCode,
        String toBodyCode,
        String toProvinceCode,
        String reasonCode) {
}
