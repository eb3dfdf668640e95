package vn.inspectorate.contracts.reference;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * asset-declaration-service recorded a change of its dated rules: a new version of a legal number
 * ({@code RULE_PARAMETER_ADDED}, subject {@code rule-parameter:<code>}) or of a red-flag rule
 * ({@code RED_FLAG_RULE_ADDED}, subject {@code red-flag-rule:<ruleId>}). Every instance of the service judges the next
 * declaration by it. {@code declarationRuleId} is a name-based UUID of the subject (see
 * {@link #declarationRuleIdOf}); {@code version} counts the subject's recorded changes.
 */
public record DeclarationRuleChanged(
        UUID declarationRuleId,
        long version,
        OffsetDateTime occurredAt,
        UUID changeId,
        String kind,
        String subject) {

    /** The aggregate id of the changed rule {@code subject}. */
    public static UUID declarationRuleIdOf(String subject) {
        return UUID.nameUUIDFromBytes(("declaration-rule:" + subject).getBytes(StandardCharsets.UTF_8));
    }
}
