package vn.inspectorate.contracts.declarations;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Red-flag rules raised flags on a declaration; each flag names its rule id and version. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeclarationFlagged(
        UUID declarationId,
        long version,
        OffsetDateTime occurredAt,
        UUID declarantId,
        String agencyCode,
        String provinceCode,
        int year,
        String kind,
        List<Flag> flags) {

    /** One raised flag: the rule that raised it, by id and version. */
    public record Flag(String ruleId, int ruleVersion) {
    }
}
