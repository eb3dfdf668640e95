package vn.inspectorate.contracts.cases;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The handling of a case was paused (its status is PAUSED); {@code clockStopped} when the rule set stops the
 * resolution clock meanwhile. The reason is free text kept in the case history only.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CasePaused(
        UUID caseId,
        long version,
        OffsetDateTime occurredAt,
        String provinceCode,
        String handlingBodyCode,
        LocalDate pausedOn,
        boolean clockStopped) {
}
