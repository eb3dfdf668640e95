package vn.inspectorate.contracts.cases;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The complainant or denouncer withdrew the case: {@code scope} WHOLE (the case closes as withdrawn, beside its
 * {@link CaseClosed}) or PART (handling goes on with the rest). What was withdrawn stays in the case history.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseWithdrawn(
        UUID caseId,
        long version,
        OffsetDateTime occurredAt,
        String provinceCode,
        String scope,
        LocalDate withdrawnOn) {
}
