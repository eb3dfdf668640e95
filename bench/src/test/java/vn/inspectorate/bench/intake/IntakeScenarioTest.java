package vn.inspectorate.bench.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.inspectorate.bench.core.GcMetrics;
import vn.inspectorate.bench.core.Goal;
import vn.inspectorate.bench.load.WrkResult;

class IntakeScenarioTest {

    /** 2,000 cases answered 2xx in 20 s (2,010 requests, 10 of them not). */
    private static final WrkResult RUN = new WrkResult(2010, 20, 10, 0, 0, 5, 4, 8, 9, 12, 40, 10_000);

    @Test
    void thePlatformsCpuPerCaseLeavesTheLoadGeneratorOut() {
        Map<String, Double> cpuSeconds = new LinkedHashMap<>();
        cpuSeconds.put("gateway", 4.0);
        cpuSeconds.put("complaints-service", 6.0);
        cpuSeconds.put(IntakeScenario.LOAD_GENERATOR, 3.0);

        double msPerCase = IntakeScenario.platformMsPerCase(cpuSeconds, RUN);

        assertThat(msPerCase).isCloseTo(10_000.0 / 2000, within(1e-9));
        assertThat(Goal.atMost("CPU per case", IntakeScenario.CPU_PER_CASE_GOAL_MS, msPerCase, "ms").met()).isTrue();
    }

    @Test
    void theCpuTablesTotalIsThePlatformsAndTheLoadGeneratorStaysARowOfItsOwn() {
        Map<String, Double> cpuSeconds = new LinkedHashMap<>();
        cpuSeconds.put("gateway", 4.0);
        cpuSeconds.put(IntakeScenario.LOAD_GENERATOR, 3.0);

        String table = IntakeScenario.cpuTable(cpuSeconds, RUN, cpuSeconds, RUN).render();

        assertThat(cells(table, IntakeScenario.LOAD_GENERATOR)).containsExactly("1.50", "1.50");
        assertThat(cells(table, "total of the platform (without the load generator)")).containsExactly("2.00",
                "2.00");
    }

    @Test
    void theCollectorsTableCountsPerCaseInEachStep() {
        Map<String, GcMetrics> gateway = new LinkedHashMap<>();
        gateway.put("complaints-service", new GcMetrics(60, 1, 0.8, 400 * 1024.0 * 2000));
        Map<String, GcMetrics> open = Map.of("complaints-service", new GcMetrics(15, 0, 0.25, 0));

        String table = IntakeScenario.gcTable(gateway, 2000, open, 500).render();

        assertThat(cells(table, "complaints-service")).containsExactly("30.0", "0.50", "0.40", "400", "30.0",
                "0.50");
    }

    @Test
    void theOpenModelsTableLeavesTheSenderOutOfTheHarnessAndThePlatform() {
        Map<String, Double> cpuSeconds = new LinkedHashMap<>();
        cpuSeconds.put("gateway", 4.0);
        cpuSeconds.put(IntakeScenario.KAFKA_BROKER, 3.0);
        cpuSeconds.put(IntakeScenario.LOAD_GENERATOR, 0.0);
        Map<String, Double> jitSeconds = new LinkedHashMap<>();
        jitSeconds.put("gateway", 1.0);
        jitSeconds.put(IntakeScenario.KAFKA_BROKER, 0.5);

        // 1,000 cases; the sender's threads took 1 s of the harness's 3
        String table = IntakeScenario.openCpuTable(cpuSeconds, jitSeconds, 1.0, 1000).render();

        assertThat(cells(table, "gateway")).containsExactly("4.00", "1.00");
        assertThat(cells(table, IntakeScenario.KAFKA_BROKER + ", without the sender")).containsExactly("2.00",
                "0.50");
        assertThat(cells(table, "total of the platform")).containsExactly("6.00", "1.50");
        assertThat(cells(table, "the open model's sender (in the harness JVM)")).containsExactly("1.00", "n/a");
        assertThat(table).doesNotContain(IntakeScenario.LOAD_GENERATOR);
    }

    @Test
    void theJitTableSetsTheCompilersApartFromThePlatformsTotal() {
        Map<String, Double> cpuSeconds = new LinkedHashMap<>();
        cpuSeconds.put("gateway", 4.0);
        cpuSeconds.put("complaints-service", 6.0);
        cpuSeconds.put(IntakeScenario.LOAD_GENERATOR, 3.0);
        Map<String, Double> jitSeconds = new LinkedHashMap<>();
        jitSeconds.put("gateway", 1.0);
        jitSeconds.put("complaints-service", 2.0);

        String table = IntakeScenario.jitTable(cpuSeconds, jitSeconds, RUN, cpuSeconds, jitSeconds, RUN).render();

        assertThat(cells(table, "complaints-service")).containsExactly("1.00", "1.00");
        assertThat(cells(table, "total of the JIT compilers")).containsExactly("1.50", "1.50");
        assertThat(cells(table, "the platform without its JIT compilers")).containsExactly("3.50", "3.50");
    }

    @Test
    void thePostgresTableShowsEveryProcessEitherStepSawEvenIfTheOtherDidNot() {
        Map<String, Double> direct = Map.of("complaints connections", 2.0, "walwriter", 0.2);
        Map<String, Double> gateway = Map.of("complaints connections", 3.0, "autovacuum", 1.0);

        // through the gateway, 4,000 cases in 20 s
        WrkResult throughTheGateway = new WrkResult(4000, 20, 0, 0, 0, 5, 4, 8, 9, 12, 40, 10_000);

        String table = IntakeScenario.postgresTable(direct, RUN, gateway, throughTheGateway).render();

        assertThat(cells(table, "complaints connections")).containsExactly("1.00", "0.75");
        assertThat(cells(table, "autovacuum")).containsExactly("0.00", "0.25");
        assertThat(cells(table, "walwriter")).containsExactly("0.10", "0.00");
    }

    /** The cells after the first of the table's row that starts with {@code name}. */
    private static List<String> cells(String table, String name) {
        return table.lines().map(l -> Arrays.stream(l.split("\\|")).map(String::strip).filter(c -> !c.isEmpty())
                .toList()).filter(row -> !row.isEmpty() && row.get(0).equals(name)).findFirst()
                .map(row -> row.subList(1, row.size())).orElseThrow(() -> new AssertionError("no row " + name));
    }
}
