package vn.inspectorate.bench.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CpuPressureTest {

    @Test
    void theSomeLinesTotalIsTheTimeATaskWaited() {
        assertThat(CpuPressure.parse("""
                some avg10=0.82 avg60=16.32 avg300=23.48 total=14935625611
                full avg10=0.00 avg60=0.00 avg300=0.00 total=0
                """)).isEqualTo(14_935_625_611.0);
        assertThat(CpuPressure.parse("full avg10=0.00 avg60=0.00 avg300=0.00 total=0\n")).isNaN();
    }
}
