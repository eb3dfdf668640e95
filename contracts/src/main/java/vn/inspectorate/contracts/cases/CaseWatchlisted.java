package vn.inspectorate.contracts.cases;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A case was added to or removed from the central watchlist of prolonged, complex cases by a deciding document. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseWatchlisted(
        UUID caseId,
        long version,
        OffsetDateTime occurredAt,
        String provinceCode,
        boolean onWatchlist,
        String decisionReference,
        LocalDate decidedOn) {
}
