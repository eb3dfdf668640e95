package vn.inspectorate.bench.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GoalTest {

    @Test
    void aThroughputGoalMissedSaysHowFarShort() {
        Goal g = Goal.atLeast("service / raw PostgreSQL", 0.5, 0.35, "×");

        assertThat(g.met()).isFalse();
        assertThat(g.missedByPercent()).isCloseTo(30.0, within(1e-9));
        assertThat(g.verdict()).isEqualTo("MISSED: short by 30 %");
        assertThat(g.describe()).isEqualTo("service / raw PostgreSQL ≥ 0.50 ×");
    }

    @Test
    void aLatencyGoalMissedSaysHowFarOver() {
        Goal g = Goal.atMost("p99", 50, 80, "ms");

        assertThat(g.met()).isFalse();
        assertThat(g.missedByPercent()).isCloseTo(60.0, within(1e-9));
        assertThat(g.verdict()).isEqualTo("MISSED: over by 60 %");
    }

    @Test
    void aNarrowMissKeepsADecimalSoItDoesNotReadAsZero() {
        assertThat(Goal.atMost("RSS", 250, 251, "MiB").verdict()).isEqualTo("MISSED: over by 0.4 %");
    }

    @Test
    void aFigureMeasuredWhileRequestsFailedMeetsNoGoal() {
        Goal onTarget = Goal.atMost("p99", 50, 20, "ms").withErrors(3);
        assertThat(onTarget.met()).isFalse();
        assertThat(onTarget.verdict()).isEqualTo("MISSED: 3 requests failed");
        assertThat(onTarget.missedByPercent()).isZero();
        assertThat(Goal.atMost("p99", 50, 80, "ms").withErrors(2).verdict())
                .isEqualTo("MISSED: over by 60 %, 2 requests failed");
        assertThat(Goal.atMost("p99", 50, 20, "ms").withErrors(0).met()).isTrue();
    }

    @Test
    void aFigureThatCouldNotBeMeasuredMissesWithoutAPercentage() {
        Goal g = Goal.atMost("CPU per case", 5, Double.NaN, "ms");

        assertThat(g.met()).isFalse();
        assertThat(g.verdict()).isEqualTo("MISSED: not measured");
    }

    @Test
    void aGoalExactlyOnTargetIsMet() {
        assertThat(Goal.atMost("p99", 50, 50, "ms").met()).isTrue();
        assertThat(Goal.atLeast("ratio", 0.85, 0.85, "×").verdict()).isEqualTo("met");
        assertThat(Goal.atLeast("ratio", 0.85, 0.9, "×").missedByPercent()).isZero();
    }
}
