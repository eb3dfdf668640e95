package vn.inspectorate.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class OpenModelLatenciesTest {

    private static final long MS = 1_000_000L;

    @Test
    void aSendHeldBackCountsFromItsScheduleNotFromWhenItLeft() {
        OpenModelLatencies latencies = new OpenModelLatencies(201, 0);
        // 99 answered 5 ms after they were due and sent on time; one due at 1 s left 300 ms late (the sender waited
        // for a free slot) and was answered 5 ms after it left
        LongStream.range(0, 99).forEach(i -> latencies.record(reply(i, i * 10 * MS, i * 10 * MS, i * 10 * MS + 5 * MS,
                201)));
        latencies.record(reply(99, 1000 * MS, 1300 * MS, 1305 * MS, 201));

        assertThat(latencies.answered()).isEqualTo(100);
        assertThat(latencies.fromScheduleMs(50)).isEqualTo(5.0);
        assertThat(latencies.fromScheduleMs(100)).isEqualTo(305.0);
        // what the server alone took: the lateness is not in it
        assertThat(latencies.fromSendMs(100)).isEqualTo(5.0);
    }

    @Test
    void theP99OfAHundredIsTheSecondSlowest() {
        OpenModelLatencies latencies = new OpenModelLatencies(201, 0);
        LongStream.rangeClosed(1, 100).forEach(i -> latencies.record(reply(i, 0, 0, i * MS, 201)));

        assertThat(latencies.fromScheduleMs(99)).isEqualTo(99.0);
    }

    @Test
    void otherAnswersAndFailuresCountAsFailedAndStayOutOfThePercentiles() {
        OpenModelLatencies latencies = new OpenModelLatencies(201, 0);
        latencies.record(reply(0, 0, 0, 2 * MS, 201));
        latencies.record(reply(1, 0, 0, 900 * MS, 409));
        latencies.record(new ScheduledSends.Reply(2, 0, 0, 60_000 * MS, null, new IOException("timed out")));

        assertThat(latencies.answered()).isEqualTo(1);
        assertThat(latencies.failed()).isEqualTo(2);
        assertThat(latencies.fromScheduleMs(99)).isEqualTo(2.0);
        assertThat(new OpenModelLatencies(201, 0).fromScheduleMs(99)).isNaN();
    }

    @Test
    void theWarmUpSendsAreNotCounted() {
        OpenModelLatencies latencies = new OpenModelLatencies(201, 2);
        latencies.record(reply(0, 0, 0, 400 * MS, 201));
        latencies.record(reply(1, 0, 0, 0, 500));
        latencies.record(reply(2, 0, 0, 3 * MS, 201));

        assertThat(latencies.answered()).isEqualTo(1);
        assertThat(latencies.failed()).isZero();
        assertThat(latencies.fromScheduleMs(100)).isEqualTo(3.0);
    }

    private static ScheduledSends.Reply reply(long i, long due, long sent, long answered, int status) {
        return new ScheduledSends.Reply(i, due, sent, answered, response(status), null);
    }

    @SuppressWarnings("unchecked")
    private static HttpResponse<String> response(int status) {
        return (HttpResponse<String>) java.lang.reflect.Proxy.newProxyInstance(
                OpenModelLatenciesTest.class.getClassLoader(), new Class<?>[] {HttpResponse.class},
                (proxy, method, args) -> method.getName().equals("statusCode") ? status : null);
    }
}
