package vn.inspectorate.declarations.redflags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.inspectorate.platform.problem.Problem.FieldError;

/** The parameters a new rule version is checked against are exactly the ones each rule's logic reads. */
class RedFlagParamsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DeclarationFigures NEUTRAL = new DeclarationFigures(10_000, 10_000, 0, 0, 0, 0, 0, 0, 1, 1,
            0, 0, true, 0, 300_000_000L, false);

    @Test
    void everyRuleReadsExactlyTheParametersListedForIt() {
        assertThat(RedFlagRules.PARAMS.keySet()).containsExactlyInAnyOrderElementsOf(RedFlagRules.LOGIC.keySet());
        RedFlagRules.PARAMS.forEach((rule, expected) -> {
            ObjectNode all = JSON.createObjectNode();
            expected.forEach((key, range) -> all.put(key, range.min()));
            assertThat(RedFlagRules.LOGIC.get(rule).apply(NEUTRAL, all)).as(rule + " with its listed parameters")
                    .isNotNull();
            for (String key : expected.keySet()) {
                ObjectNode without = all.deepCopy();
                without.remove(key);
                assertThatThrownBy(() -> RedFlagRules.LOGIC.get(rule).apply(NEUTRAL, without))
                        .as(rule + " without " + key).hasMessageContaining(key);
            }
        });
    }

    @Test
    void paramsAreCheckedAgainstTheRule() {
        assertThat(RedFlagParams.errors("LARGE_CASH", Map.of("maxCashVnd", 2_000_000_000L), "params")).isEmpty();
        assertThat(RedFlagParams.errors("UNEXPLAINED_INCREASE", Map.of(), "params")).isEmpty();
        assertThat(RedFlagParams.errors("LARGE_CASH", Map.of(), "params")).extracting(FieldError::field)
                .containsExactly("params.maxCashVnd");
        assertThat(RedFlagParams.errors("LARGE_CASH", Map.of("maxCashVnd", 0L), "params"))
                .extracting(FieldError::message).containsExactly("must be between 1 and 1000000000000000");
        assertThat(RedFlagParams.errors("MONETARY_OVER_INCOME", Map.of("multiple", 2L, "multiplier", 3L), "params"))
                .extracting(FieldError::field).containsExactly("params.multiplier");
        assertThat(RedFlagParams.errors("GIFTS_OVER_INCOME", Map.of("percent", 101L), "params")).hasSize(1);
        assertThat(RedFlagParams.errors("LATE_FILING", Map.of("graceDays", -1L), "params")).hasSize(1);
        Map<String, Long> nullValue = new HashMap<>();
        nullValue.put("graceDays", null);
        assertThat(RedFlagParams.errors("LATE_FILING", nullValue, "params")).extracting(FieldError::message)
                .containsExactly("required by LATE_FILING");
        assertThat(RedFlagParams.implemented("NO_SUCH_RULE")).isFalse();
        assertThat(RedFlagParams.implemented("LARGE_CASH")).isTrue();
    }
}
