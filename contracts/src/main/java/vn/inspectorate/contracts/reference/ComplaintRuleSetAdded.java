package vn.inspectorate.contracts.reference;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * complaints-service added a version of the legal clocks of cases ({@code ruleSetVersion}), in force from
 * {@code effectiveFrom}: every instance of the service judges cases received from that date by it. A set never
 * changes once added, so its {@code version} is 1. {@code ruleSetId} is a name-based UUID of the set's version (see
 * {@link #ruleSetIdOf}).
 */
public record ComplaintRuleSetAdded(
        UUID ruleSetId,
        long version,
        OffsetDateTime occurredAt,
        String ruleSetVersion,
        LocalDate effectiveFrom) {

    /** The aggregate id of the rule set {@code ruleSetVersion}. */
    public static UUID ruleSetIdOf(String ruleSetVersion) {
        return UUID.nameUUIDFromBytes(("complaint-rule-set:" + ruleSetVersion).getBytes(StandardCharsets.UTF_8));
    }
}
