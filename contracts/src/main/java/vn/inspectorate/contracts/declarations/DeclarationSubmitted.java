package vn.inspectorate.contracts.declarations;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An asset and income declaration was submitted; totals only, and the declarant only by its platform surrogate id. */
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
