package vn.inspectorate.bench.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultWriterTest {

    @Test
    void writesFiguresGoalsWithVerdictsTablesAndTheEnvironment(@TempDir Path dir) throws Exception {
        ScenarioResult result = new ScenarioResult("intake", "single-case intake")
                .table("throughput", new Table("path", "req/s").row("gateway", 1234.567))
                .figure("gatewayVsDirect", 0.8)
                .goal(Goal.atLeast("gateway / direct", 0.85, 0.8, "×"))
                .goal(Goal.atMost("p99", 50, 20, "ms"))
                .note("a note")
                .profile("gateway", "12 CPU samples")
                .finish();

        Path file = new ResultWriter(dir.resolve("results")).write(result, Map.of("cores", 2));

        assertThat(file).hasFileName("intake.json");
        JsonNode json = ResultWriter.json().readTree(Files.readString(file));
        assertThat(json.get("scenario").asText()).isEqualTo("intake");
        assertThat(json.get("environment").get("cores").asInt()).isEqualTo(2);
        assertThat(json.get("figures").get("gatewayVsDirect").asDouble()).isEqualTo(0.8);
        assertThat(json.get("goals")).hasSize(2);
        assertThat(json.get("goals").get(0).get("met").asBoolean()).isFalse();
        assertThat(json.get("goals").get(0).get("missedByPercent").asDouble()).isBetween(5.88, 5.89);
        assertThat(json.get("goals").get(1).get("met").asBoolean()).isTrue();
        assertThat(json.get("tables").get("throughput").get("rows").get(0).get(1).asText()).isEqualTo("1,235");
        assertThat(json.get("profiles").get("gateway").asText()).isEqualTo("12 CPU samples");
        assertThat(json.get("finishedAt").isNull()).isFalse();
    }

    @Test
    void rendersMarkdownWithTheVerdictOfEachGoal() {
        ScenarioResult result = new ScenarioResult("bulk", "bulk intake")
                .goal(Goal.atLeast("cases/s", 20000, 5000, "cases/s"));

        String text = result.render();

        assertThat(text).contains("### bulk: bulk intake").contains("MISSED: short by 75 %")
                .contains("| cases/s ≥ 20,000 cases/s |");
        assertThat(result.anyGoalMissed()).isTrue();
    }
}
