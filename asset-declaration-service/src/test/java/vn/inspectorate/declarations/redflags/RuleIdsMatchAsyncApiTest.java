package vn.inspectorate.declarations.redflags;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.inspectorate.testsupport.AsyncApiSchemas;

/** A flag names one of the implemented red-flag rules, and the AsyncAPI document lists exactly those. */
class RuleIdsMatchAsyncApiTest {

    @Test
    void everyImplementedRuleIsListed() {
        assertThat(AsyncApiSchemas.enumValues("DeclarationFlagged", "flags", "ruleId"))
                .containsExactlyInAnyOrderElementsOf(RedFlagRules.LOGIC.keySet());
    }
}
