package vn.inspectorate.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PgBenchResultTest {

    private static final String SUMMARY = """
            transaction type: baseline.sql
            scaling factor: 1
            query mode: simple
            number of clients: 32
            number of threads: 2
            maximum number of tries: 1
            duration: 20 s
            number of transactions actually processed: 100
            number of failed transactions: 2 (1.961%)
            latency average = 12.3 ms
            initial connection time = 40.1 ms
            tps = 2600.123456 (without initial connection time)
            """;

    @Test
    void takesTpsFromTheSummaryAndPercentilesFromTheTransactionLog() {
        List<String> log = new ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            // client_id transaction_no latency_us script_no epoch epoch_us: latencies 1..100 ms
            log.add("0 " + i + " " + (i * 1000) + " 0 1700000000 " + i);
        }
        log.add("3 101 failed 0 1700000001 5");

        PgBenchResult r = PgBenchResult.parse(SUMMARY, log);

        assertThat(r.tps()).isEqualTo(2600.123456);
        assertThat(r.transactions()).isEqualTo(100);
        assertThat(r.failed()).isEqualTo(2);
        assertThat(r.p50Ms()).isEqualTo(50.0);
        assertThat(r.p99Ms()).isEqualTo(99.0);
        assertThat(r.meanMs()).isEqualTo(50.5);
    }

    @Test
    void failsWithoutTpsOrWithoutLoggedTransactions() {
        assertThatThrownBy(() -> PgBenchResult.parse("number of transactions actually processed: 3\n",
                List.of("0 1 1000 0 1 1"))).hasMessageContaining("no tps");
        assertThatThrownBy(() -> PgBenchResult.parse(SUMMARY, List.of())).hasMessageContaining("no transactions");
    }
}
