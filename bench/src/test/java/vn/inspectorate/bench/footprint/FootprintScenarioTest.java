package vn.inspectorate.bench.footprint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.inspectorate.deploy.ServiceJvm;

class FootprintScenarioTest {

    @Test
    void findsEveryStartOfTheLogBecauseRestartsAppend(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("gateway.log");
        Files.write(log, List.of(
                "2026-01-01 10:00:00 INFO  [io.quarkus] gateway 0.1.0 on JVM (powered by Quarkus 3.34.1) started in 9.120s.",
                "2026-01-01 10:05:00 INFO  [io.quarkus] gateway stopped in 0.050s",
                "2026-01-01 10:05:04 INFO  [io.quarkus] gateway 0.1.0 on JVM (powered by Quarkus 3.34.1) started in 2.345s. "
                        + "Listening on: http://0.0.0.0:8080"));

        assertThat(FootprintScenario.startedIn(log)).containsExactly(9.120, 2.345);
        assertThat(FootprintScenario.startedIn(dir.resolve("none.log"))).isEmpty();
    }

    @Test
    void readsTheCommittedHeapOfGcHeapInfo() {
        String heap = " garbage-first heap   total reserved 262144K, committed 65536K, used 30000K [0x0, 0x1)\n"
                + "  region size 1024K, 10 young (10240K), 2 survivors (2048K)\n";

        assertThat(FootprintScenario.committedHeapMib(heap)).isEqualTo(64.0);
        assertThat(FootprintScenario.committedHeapMib("nothing")).isNaN();
    }

    @Test
    void sumsTheGenerationsOfTheSerialCollectorsHeapInfo() {
        String heap = "DefNew     total 23040K, used 14707K [0x00000000f0000000, 0x00000000f1900000)\n"
                + "eden space 20480K,  66% used [0x00000000f0000000, 0x00000000f0d3ceb0, 0x00000000f1400000)\n"
                + "from space 2560K,  44% used [0x00000000f1680000, 0x00000000f179ff30, 0x00000000f1900000)\n"
                + "Tenured    total 51044K, used 30624K [0x00000000f5550000, 0x00000000f8729000)\n"
                + "the  space 51044K,  59% used [0x00000000f5550000, 0x00000000f7338258, 0x00000000f8729000)\n";

        assertThat(FootprintScenario.committedHeapMib(heap)).isEqualTo((23040 + 51044) / 1024.0);
    }

    @Test
    void readsResidentMemoryKindsFromProcStatus() {
        String status = "VmRSS:\t  262144 kB\nRssAnon:\t  231628 kB\nRssFile:\t   37332 kB\n";

        assertThat(FootprintScenario.kb(status, "RssAnon")).isEqualTo(231628);
        assertThat(FootprintScenario.kb(status, "RssShmem")).isZero();
    }

    @Test
    void eachJitOfTheServicesHasItsOwnYardsticksAndTheBareAppKeepsTheFigureNamesOfEarlierResults() {
        assertThat(FootprintScenario.yardstickFigures(YardstickApp.Kind.BARE, ServiceJvm.Jit.TIERED))
                .isEqualTo("bareApp");
        assertThat(FootprintScenario.yardstickFigures(YardstickApp.Kind.BARE, ServiceJvm.Jit.C1))
                .isEqualTo("bareAppC1");
        assertThat(FootprintScenario.yardstickFigures(YardstickApp.Kind.FLOOR, ServiceJvm.Jit.TIERED))
                .isEqualTo("floorApp");
        assertThat(FootprintScenario.yardstickFigures(YardstickApp.Kind.FLOOR, ServiceJvm.Jit.C1))
                .isEqualTo("floorAppC1");
        List<String> labels = new java.util.ArrayList<>();
        for (YardstickApp.Kind kind : YardstickApp.Kind.values()) {
            for (ServiceJvm.Jit jit : ServiceJvm.Jit.values()) {
                labels.add(FootprintScenario.yardstickLabel(kind, jit));
            }
        }
        assertThat(labels).doesNotHaveDuplicates().hasSize(4);
        assertThat(FootprintScenario.jits()).contains("complaints-service TIERED", "reporting-service C1");
    }
}
