package vn.inspectorate.bench.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CpuTimeTest {

    // a real line, with a command name holding spaces and a parenthesis
    static final String STAT = "4242 (java (main) x) S 1 4242 4242 0 -1 4194560 1200 0 0 0 1234 567 89 10 20 0 45 0 "
            + "100 3000000000 60000 18446744073709551615 1 1 0 0 0 0 0 4096 17615 0 0 0 17 1 0 0 0 0 0";

    @Test
    void readsOwnAndChildrenTicksAfterTheCommand() {
        assertThat(CpuTime.parse(STAT, false)).isEqualTo((1234 + 567) / 100.0);
        assertThat(CpuTime.parse(STAT, true)).isEqualTo((89 + 10) / 100.0);
    }

    @Test
    void thisJvmHasUsedSomeCpuAndAGoneProcessNone() {
        assertThat(CpuTime.seconds(ProcessHandle.current().pid())).isPositive();
        assertThat(CpuTime.seconds(Long.MAX_VALUE)).isZero();
    }

    @Test
    void aSnapshotDifferenceIsPerProcess() {
        var before = new CpuTime.Snapshot(Map.of("a", 1.0, "b", 2.0));
        var after = new CpuTime.Snapshot(Map.of("a", 1.5, "b", 2.0));
        assertThat(after.minus(before)).containsEntry("a", 0.5).containsEntry("b", 0.0);
    }
}
