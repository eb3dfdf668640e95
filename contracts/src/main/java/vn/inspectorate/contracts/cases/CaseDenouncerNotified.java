package vn.inspectorate.contracts.cases;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** The denouncer was given the notice the law requires, on time or not; never who the denouncer is. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseDenouncerNotified(
        UUID caseId,
        long version,
        OffsetDateTime occurredAt,
        String provinceCode,
        LocalDate notifiedOn,
        LocalDate notifyDueOn,
        boolean onTime) {
}
