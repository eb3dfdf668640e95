package vn.inspectorate.bench.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
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
    void aChildThatHasEndedKeepsItsTimeInTheTree() throws Exception {
        long self = ProcessHandle.current().pid();
        double childrenBefore = CpuTime.treeSeconds(self) - CpuTime.seconds(self);

        Process busy = new ProcessBuilder("sh", "-c", "i=0; while [ $i -lt 300000 ]; do i=$((i+1)); done").start();
        assertThat(busy.waitFor()).isZero();

        assertThat(CpuTime.treeSeconds(self) - CpuTime.seconds(self) - childrenBefore).isGreaterThanOrEqualTo(0.05);
    }

    @Test
    void compilerThreadsAreTheJitsByTheirCutName() {
        assertThat(CpuTime.compilerThread("C2 CompilerThre")).isTrue();
        assertThat(CpuTime.compilerThread("C1 CompilerThre")).isTrue();
        assertThat(CpuTime.compilerThread("VM Thread")).isFalse();
        assertThat(CpuTime.compilerThread("executor-thread")).isFalse();
    }

    @Test
    void theHttpClientsThreadsAreKnownByTheirCutName() {
        assertThat(CpuTime.httpClientThread("HttpClient-1-Se")).isTrue();
        assertThat(CpuTime.httpClientThread("HttpClient-3-Wo")).isTrue();
        assertThat(CpuTime.httpClientThread("C2 CompilerThre")).isFalse();
        assertThat(CpuTime.httpClientThread("data-plane-kafk")).isFalse();
        // a client starts its selector thread when it is built
        try (HttpClient client = HttpClient.newHttpClient()) {
            assertThat(CpuTime.threads(ProcessHandle.current().pid(), CpuTime::httpClientThread)).isNotEmpty();
        }
    }

    @Test
    void thisJvmHasCompilerThreadsThatHaveCompiledAndAGoneProcessNone() {
        Map<Long, Double> threads = CpuTime.compilerThreads(ProcessHandle.current().pid());
        assertThat(threads).isNotEmpty();
        assertThat(threads.values().stream().mapToDouble(Double::doubleValue).sum()).isPositive()
                .isLessThanOrEqualTo(CpuTime.seconds(ProcessHandle.current().pid()));
        assertThat(CpuTime.compilerThreads(Long.MAX_VALUE)).isEmpty();
    }

    @Test
    void aThreadSnapshotDifferenceCountsOnlyTheThreadsAliveAtTheEnd() {
        // thread 7 ended in between (its 3 s are gone from the JVM's threads), thread 9 started
        var before = new CpuTime.ThreadSnapshot(Map.of("a", Map.of(5L, 1.0, 7L, 3.0)));
        var after = new CpuTime.ThreadSnapshot(Map.of("a", Map.of(5L, 1.25, 9L, 0.5)));
        assertThat(after.minus(before)).containsEntry("a", 0.75);
    }

    @Test
    void aSnapshotDifferenceIsPerProcess() {
        var before = new CpuTime.Snapshot(Map.of("a", 1.0, "b", 2.0));
        var after = new CpuTime.Snapshot(Map.of("a", 1.5, "b", 2.0));
        assertThat(after.minus(before)).containsEntry("a", 0.5).containsEntry("b", 0.0);
    }
}
