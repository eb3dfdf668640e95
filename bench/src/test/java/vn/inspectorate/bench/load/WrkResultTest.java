package vn.inspectorate.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import vn.inspectorate.bench.core.Goal;

class WrkResultTest {

    private static final String OUTPUT = """
            Running 20s test @ http://localhost:8080/api/v1/cases
              2 threads and 32 connections
              Thread Stats   Avg      Stdev     Max   +/- Stdev
                Latency    21.37ms   11.02ms 210.50ms   81.00%
              Latency Distribution
                 50%   19.00ms
                 99%   60.12ms
              30000 requests in 20.00s, 12.00MB read
              Non-2xx or 3xx responses: 12
            Requests/sec:   1500.00
            BENCH_WRK requests=30000 duration_us=20000000 errors_status=12 errors_connect=1 errors_read=2 \
            errors_write=0 errors_timeout=3 mean_us=21370.5 p50_us=19000 p90_us=35000 p95_us=41000 p99_us=60120 \
            max_us=210500
            """;

    @Test
    void readsTheExactFiguresOfTheHookLine() {
        WrkResult r = WrkResult.parse(OUTPUT, 10_000);

        assertThat(r.requests()).isEqualTo(30000);
        assertThat(r.seconds()).isEqualTo(20.0);
        assertThat(r.non2xx()).isEqualTo(12);
        assertThat(r.socketErrors()).isEqualTo(6);
        assertThat(r.timeouts()).isEqualTo(3);
        assertThat(r.errors()).isEqualTo(18);
        assertThat(r.p50Ms()).isEqualTo(19.0);
        assertThat(r.p95Ms()).isEqualTo(41.0);
        assertThat(r.p99Ms()).isCloseTo(60.12, within(1e-9));
        assertThat(r.maxMs()).isEqualTo(210.5);
        assertThat(r.requestsPerSecond()).isEqualTo(1500.0);
        assertThat(r.okPerSecond()).isCloseTo(1499.4, within(1e-9));
    }

    @Test
    void socketErrorsAndTimeoutsAreCellsAndThePercentilesSayTheyMissThem() {
        WrkResult r = WrkResult.parse(OUTPUT, 10_000);

        assertThat(r.socketErrorsCell()).isEqualTo("6 (3 timeouts)");
        assertThat(r.percentileCell(r.p99Ms())).isEqualTo("60.1 (18 errors)");
        WrkResult clean = WrkResult.parse(OUTPUT.replaceAll("errors_(status|connect|read|timeout)=\\d+", "errors_$1=0"),
                10_000);
        assertThat(clean.socketErrorsCell()).isEqualTo("0");
        assertThat(clean.percentileCell(clean.p99Ms())).isEqualTo("60.1");
    }

    @Test
    void aPercentileAmongTheTimedOutRequestsIsBeyondTheTimeout() {
        // the hook ranks the timed-out requests as the slowest: here p99 and the maximum fall among them
        WrkResult r = WrkResult.parse(OUTPUT.replace("p99_us=60120", "p99_us=-1").replace("max_us=210500", "max_us=-1"),
                10_000);

        assertThat(r.p95Ms()).isEqualTo(41.0);
        assertThat(r.p99Ms()).isInfinite();
        assertThat(r.maxMs()).isInfinite();
        assertThat(r.percentileCell(r.p99Ms())).isEqualTo("> 10,000 (timed out) (18 errors)");
        assertThat(Goal.atMost("p99", 200, r.p99Ms(), "ms").met()).isFalse();
        assertThat(Wrk.timeoutMs("180s")).isEqualTo(180_000.0);
        assertThat(Wrk.timeoutMs("500ms")).isEqualTo(500.0);
    }

    @Test
    void aLoadIsAcceptedWithTimeoutsButNotWithAnErrorAnswerOrNoAnswerAtAll() {
        WrkResult slow = WrkResult.parse(OUTPUT.replace("errors_status=12", "errors_status=0"), 10_000);
        assertThat(slow.requireAccepted("load")).isSameAs(slow);

        assertThatThrownBy(() -> WrkResult.parse(OUTPUT, 10_000).requireAccepted("the training load"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the training load: 12 of 30000 requests answered other than 2xx, 6 got no answer");
        WrkResult unanswered = WrkResult.parse(OUTPUT.replace("requests=30000", "requests=6")
                .replace("errors_status=12", "errors_status=0"), 10_000);
        assertThatThrownBy(() -> unanswered.requireAccepted("load")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void refusesOutputWithoutTheHookLineOrWithAMissingFigure() {
        assertThatThrownBy(() -> WrkResult.parse("Requests/sec: 1500.00\n", 10_000))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no BENCH_WRK line");
        assertThatThrownBy(() -> WrkResult.parse("BENCH_WRK requests=1 duration_us=5\n", 10_000))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lacks errors_connect");
        assertThatThrownBy(() -> WrkResult.parse(OUTPUT.replace("duration_us=20000000", "duration_us=0"), 10_000))
                .hasMessageContaining("no time");
    }
}
