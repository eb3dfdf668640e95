package vn.inspectorate.contracts.cases;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Case {@code caseId} (a new filing, or a case closed as a duplicate) was linked to earlier cases as one matter, each
 * with its province: one event for all the links one step made, so a mass case of many filings is not an event per
 * pair. {@code linkId} is the aggregate id (version 1): derived from the filing for the links found when filing
 * ({@link #filingLinksOf}), from the two cases for a duplicate closing ({@link #linkIdOf}). The Kafka key is
 * {@code caseId}. A matter is the set of cases connected by links.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseLinked(
        UUID linkId,
        long version,
        OffsetDateTime occurredAt,
        UUID caseId,
        String provinceCode,
        List<Link> links) {

    /** One earlier case linked to {@code caseId}. */
    public record Link(UUID linkedCaseId, String linkedProvinceCode, String linkKind) {
    }

    /** The link id of two cases, the same in either order. */
    public static UUID linkIdOf(UUID a, UUID b) {
        UUID first = a.compareTo(b) <= 0 ? a : b;
        UUID second = first == a ? b : a;
        return UUID.nameUUIDFromBytes(("case-link:" + first + ":" + second).getBytes(StandardCharsets.UTF_8));
    }

    /** The link id of the links found when {@code caseId} was filed (a case is filed once). */
    public static UUID filingLinksOf(UUID caseId) {
        return UUID.nameUUIDFromBytes(("case-filing-links:" + caseId).getBytes(StandardCharsets.UTF_8));
    }
}
