package vn.inspectorate.bench.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProducerBaselineTest {

    @Test
    void takesTheFinalSummaryNotTheProgressLines() {
        String output = """
                61000 records sent, 12195.1 records/sec (6.98 MB/sec), 1500.2 ms avg latency, 2100.0 ms max latency.
                200000 records sent, 45000.50 records/sec (25.75 MB/sec), 300.12 ms avg latency, 800.00 ms max \
                latency, 250 ms 50th, 700 ms 95th, 780 ms 99th, 795 ms 99.9th.
                """;

        ProducerBaseline.Figures f = ProducerBaseline.parse(output);

        assertThat(f.records()).isEqualTo(200000);
        assertThat(f.recordsPerSecond()).isEqualTo(45000.5);
        assertThat(f.mbPerSecond()).isEqualTo(25.75);
        assertThat(f.avgLatencyMs()).isEqualTo(300.12);
    }

    @Test
    void failsWhenTheToolPrintedNoSummary() {
        assertThatThrownBy(() -> ProducerBaseline.parse("ERROR connection refused")).hasMessageContaining("no summary");
    }
}
