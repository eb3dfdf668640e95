package vn.inspectorate.contracts.declarations;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An asset and income declaration was submitted; totals only, and the declarant only by its platform surrogate id. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeclarationSubmitted(
        UUID declarationId,
        long version,
        OffsetDateTime occurredAt,
        UUID declarantId,
        String agencyCode,
        String provinceCode,
        int year,
        String kind,
        LocalDate submittedOn,
        boolean late,
        long totalAssetsVnd,
        long totalIncomeVnd,
        long assetChangeVnd) {
}
