package vn.inspectorate.bench.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import vn.inspectorate.bench.profile.AsyncProfiler.Mode;

class AsyncProfilerTest {

    @Test
    void theLibraryIsChosenByArchitecture() {
        assertThat(AsyncProfiler.libraryResource("Linux", "amd64")).isEqualTo("linux-x64/libasyncProfiler.so");
        assertThat(AsyncProfiler.libraryResource("Linux", "aarch64")).isEqualTo("linux-arm64/libasyncProfiler.so");
        assertThatThrownBy(() -> AsyncProfiler.libraryResource("Linux", "s390x")).hasMessageContaining("s390x");
        assertThatThrownBy(() -> AsyncProfiler.libraryResource("Mac OS X", "aarch64")).hasMessageContaining("Linux");
    }

    @Test
    void theJarOnTheClassPathHoldsTheLibraryForThisMachine() {
        String resource = AsyncProfiler.libraryResource(System.getProperty("os.name"), System.getProperty("os.arch"));
        assertThat(AsyncProfiler.class.getClassLoader().getResource(resource)).isNotNull();
    }

    @Test
    void cpuSamplesCpuTimeWithCtimerAndAllocationsAreWeightedByBytes() {
        Path log = Path.of("/w/intake-gateway-cpu.log");
        assertThat(AsyncProfiler.startOptions(Mode.CPU, log))
                .isEqualTo("start,event=ctimer,interval=2ms,log=/w/intake-gateway-cpu.log");
        assertThat(AsyncProfiler.startOptions(Mode.ALLOC, log)).startsWith("start,event=alloc,alloc=512k,log=");
        assertThat(AsyncProfiler.dumpOptions(Mode.CPU, Path.of("/w/a.collapsed")))
                .isEqualTo("dump,collapsed,file=/w/a.collapsed");
        assertThat(AsyncProfiler.dumpOptions(Mode.ALLOC, Path.of("/w/a.collapsed")))
                .isEqualTo("dump,collapsed,total,file=/w/a.collapsed");
        assertThat(AsyncProfiler.stopOptions(Mode.ALLOC, Path.of("/r/flames/intake-gateway-alloc.html")))
                .isEqualTo("stop,flamegraph,total,title=intake-gateway-alloc,file=/r/flames/intake-gateway-alloc.html");
    }

    @Test
    void theAgentOptionsTravelQuotedSoJcmdPassesThemWhole() {
        AsyncProfiler profiler = new AsyncProfiler(Path.of("/jdk"), Path.of("/w/libasyncProfiler.so"));
        assertThat(profiler.command(42, "start,event=ctimer")).containsExactly("/jdk/bin/jcmd", "42",
                "JVMTI.agent_load", "/w/libasyncProfiler.so", "\"start,event=ctimer\"");
    }

    @Test
    void theAgentsAnswerIsReadFromJcmdsOutput() {
        assertThat(AsyncProfiler.returnCode("4242:\nProfiling started\nreturn code: 0\n")).isZero();
        assertThat(AsyncProfiler.returnCode("4242:\n[ERROR] event must not be empty\nreturn code: 100\n"))
                .isEqualTo(100);
        assertThatThrownBy(() -> AsyncProfiler.returnCode("4242:\nno such command")).hasMessageContaining("no return");
    }
}
