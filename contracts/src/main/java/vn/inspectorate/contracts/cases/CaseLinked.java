package vn.inspectorate.contracts.cases;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Two cases were linked as one matter: {@code caseId} (the later filing, or the one closed as a duplicate) and
 * {@code linkedCaseId}, each with its province. {@code linkId} is the same for the same two cases whichever way and
 * however often they are linked, and is the aggregate id of the link (version 1); the Kafka key is {@code caseId}.
 * A matter is the set of cases connected by links.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseLinked(
        UUID linkId,
        long version,
        OffsetDateTime occurredAt,
        UUID caseId,
        String provinceCode,
        UUID linkedCaseId,
        String linkedProvinceCode,
        String linkKind) {

    /** The link id of two cases, the same in either order. */
    public static UUID linkIdOf(UUID a, UUID b) {
        UUID first = a.compareTo(b) <= 0 ? a : b;
        UUID second = first == a ? b : a;
        return UUID.nameUUIDFromBytes(("case-link:" + first + ":" + second)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
