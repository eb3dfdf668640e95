package vn.inspectorate.bench.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GcMetricsTest {

    /**
     * What a service's management port serves, cut to the lines around the collector's (Prometheus text format), with
     * other metrics whose values are no plain numbers.
     */
    private static final String EXPOSITION = """
            # HELP jvm_gc_pause_seconds Time spent in GC pause
            # TYPE jvm_gc_pause_seconds summary
            jvm_gc_pause_seconds_count{action="end of minor GC",cause="Allocation Failure",gc="Copy"} 120
            jvm_gc_pause_seconds_sum{action="end of minor GC",cause="Allocation Failure",gc="Copy"} 0.9
            jvm_gc_pause_seconds_count{action="end of major GC",cause="CodeCache GC Threshold",gc="MarkSweepCompact"} 2
            jvm_gc_pause_seconds_sum{action="end of major GC",cause="CodeCache GC Threshold",gc="MarkSweepCompact"} 0.1
            # HELP jvm_gc_pause_seconds_max Time spent in GC pause
            # TYPE jvm_gc_pause_seconds_max gauge
            jvm_gc_pause_seconds_max{action="end of minor GC",cause="Allocation Failure",gc="Copy"} 0.04
            # HELP jvm_gc_memory_allocated_bytes_total Incremented for an increase in the size of the young heap
            # TYPE jvm_gc_memory_allocated_bytes_total counter
            jvm_gc_memory_allocated_bytes_total 1.2582912E9
            jvm_gc_memory_promoted_bytes_total 4.0E7
            http_server_requests_seconds_count{method="POST",outcome="SUCCESS",status="201",uri="/api/v1/cases"} 9000
            http_server_requests_seconds_bucket{le="+Inf",uri="/api/v1/cases"} 9000
            kafka_consumer_fetch_manager_records_lag_max{client_id="reporting"} -Inf
            # EOF
            """;

    @Test
    void everyCollectorAndCauseIsSummedAndTheFullOnesCountedApart() {
        GcMetrics gc = GcMetrics.parse(EXPOSITION);

        assertThat(gc.collections()).isEqualTo(122);
        assertThat(gc.fullCollections()).isEqualTo(2);
        assertThat(gc.pauseSeconds()).isCloseTo(1.0, within(1e-9));
        assertThat(gc.allocatedBytes()).isEqualTo(1.2582912E9);
    }

    @Test
    void aStepIsTheDifferenceOfTwoReadings() {
        GcMetrics before = new GcMetrics(100, 1, 0.5, 1.0E9);

        GcMetrics step = GcMetrics.parse(EXPOSITION).minus(before);

        assertThat(step.collections()).isEqualTo(22);
        assertThat(step.fullCollections()).isEqualTo(1);
        assertThat(step.pauseSeconds()).isCloseTo(0.5, within(1e-9));
        assertThat(step.allocatedBytes()).isEqualTo(2.582912E8);
    }

    @Test
    void anExpositionWithoutTheCollectorsMetricsCountsNothing() {
        GcMetrics gc = GcMetrics.parse("# HELP up\nprocess_uptime_seconds 12.5\n");

        assertThat(gc).isEqualTo(new GcMetrics(0, 0, 0, 0));
    }
}
