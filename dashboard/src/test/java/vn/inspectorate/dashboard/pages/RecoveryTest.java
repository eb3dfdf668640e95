package vn.inspectorate.dashboard.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The outstanding recovery is the API's recommended amount minus its recovered amount, and nothing else. */
class RecoveryTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void eachRecommendationOwesItsAmountLessWhatWasRecoveredAndTheTotalAddsThemUp() throws Exception {
        JsonNode items = JSON.readTree("""
                [{"id":"a","amountVnd":5000000,"recoveredVnd":1200000},
                 {"id":"b","amountVnd":300000},
                 {"id":"c","kind":"DISCIPLINARY","amountVnd":null},
                 {"id":"d","amountVnd":100,"recoveredVnd":250}]""");

        Recovery recovery = Recovery.of(items);

        assertThat(recovery.rows()).extracting(Recovery.Row::outstanding).containsExactly(3_800_000L, 300_000L, null,
                0L);
        assertThat(recovery.outstanding()).isEqualTo(4_100_000L);
        assertThat(recovery.rows()).extracting(r -> r.item().path("id").asText()).containsExactly("a", "b", "c", "d");
    }

    @Test
    void noRecommendationsOweNothing() throws Exception {
        assertThat(Recovery.of(JSON.readTree("[]")).outstanding()).isZero();
    }
}
