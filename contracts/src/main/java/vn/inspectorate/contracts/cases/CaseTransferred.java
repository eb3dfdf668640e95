package vn.inspectorate.contracts.cases;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A case was transferred to the competent body, possibly in another province. */
@JsonInclude(JsonInclude.Include.NON_NULL)
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
