package vn.inspectorate.bench.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class GoalChartTest {

    @Test
    void scoresAreOneOnTargetWhicheverWayTheGoalPoints() {
        assertThat(GoalChart.score(Goal.atLeast("ratio", 0.5, 0.25, "×"))).isEqualTo(0.5);
        assertThat(GoalChart.score(Goal.atMost("p99", 50, 100, "ms"))).isEqualTo(0.5);
        assertThat(GoalChart.score(Goal.atMost("p99", 50, 25, "ms"))).isEqualTo(2.0);
        assertThat(GoalChart.score(Goal.atMost("p99", 50, 0, "ms"))).isEqualTo(2.0);
    }

    @Test
    void drawsAMissedGoalAsAShortRedBarAndEscapesText() {
        ScenarioResult r = new ScenarioResult("intake", "a <test>").goal(Goal.atMost("p99", 50, 100, "ms"))
                .goal(Goal.atLeast("x", 1, 5, "×"));

        String html = GoalChart.html(List.of(r), "cores=2");

        assertThat(html).contains("class=\"bar missed\" style=\"width:25.0%\"")
                .contains("class=\"bar met\" style=\"width:100.0%\"").contains("a &lt;test&gt;")
                .contains("MISSED: over by 100 %");
    }
}
