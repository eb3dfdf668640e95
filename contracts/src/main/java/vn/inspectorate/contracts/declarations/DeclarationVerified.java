package vn.inspectorate.contracts.declarations;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A verification of a declaration concluded honest or dishonest. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeclarationVerified(
        UUID declarationId,
        long version,
        OffsetDateTime occurredAt,
        UUID declarantId,
        String agencyCode,
        String provinceCode,
        int year,
        String kind,
        UUID verificationId,
        String conclusion,
        long unexplainedIncreaseVnd,
        LocalDate concludedOn) {
}
