package vn.inspectorate.contracts.cases;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A case was accepted for resolution; {@code dueOn} is the legal deadline under the rule set in force. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseAccepted(
        UUID caseId,
        long version,
        OffsetDateTime occurredAt,
        String provinceCode,
        String kind,
        String handlingBodyCode,
        LocalDate acceptedOn,
        LocalDate dueOn,
        String ruleSetVersion) {
}
