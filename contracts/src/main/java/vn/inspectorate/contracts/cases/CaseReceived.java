package vn.inspectorate.contracts.cases;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A letter or visit was recorded as a new case at a receiving body; no complainant or denouncer data. A case that
 * arrived by a transfer from another body names the sending case in {@code transferredFromCaseId}: it is the same
 * citizen filing, not a new one.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseReceived(
        UUID caseId,
        long version,
        OffsetDateTime occurredAt,
        String provinceCode,
        String receivingBodyCode,
        String channel,
        String sourceSystem,
        String sourceReference,
        LocalDate receivedOn,
        int complainantCount,
        boolean mass,
        boolean anonymous,
        UUID transferredFromCaseId) {

    /** A case filed by a citizen (not arrived by a transfer). */
    public CaseReceived(UUID caseId, long version, OffsetDateTime occurredAt, String provinceCode,
            String receivingBodyCode, String channel, String sourceSystem, String sourceReference, LocalDate receivedOn,
            int complainantCount, boolean mass, boolean anonymous) {
        this(caseId, version, occurredAt, provinceCode, receivingBodyCode, channel, sourceSystem, sourceReference,
                receivedOn, complainantCount, mass, anonymous, null);
    }
}
