package vn.inspectorate.bench.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.inspectorate.bench.core.Table;

class BulkIntakeScenarioTest {

    @Test
    void theJitCompilersArePartOfEachJvmsCpuAndNoOtherProcessHasAny() {
        Map<String, Double> written = new LinkedHashMap<>();
        written.put("complaints-service", 3.0);
        written.put("PostgreSQL (all backends)", 4.0);
        Map<String, Double> jit = Map.of("complaints-service", 1.0);
        Map<String, Double> drained = new LinkedHashMap<>();
        drained.put("complaints-service", 5.0);
        drained.put("PostgreSQL (all backends)", 6.0);

        Table table = BulkIntakeScenario.cpuTable(written, jit, drained, 10_000);

        assertThat(cells(table, "complaints-service")).containsExactly("0.30", "0.10", "0.50");
        assertThat(cells(table, "PostgreSQL (all backends)")).containsExactly("0.40", "n/a", "0.60");
        assertThat(cells(table, "total")).containsExactly("0.70", "0.10", "1.10");
    }

    @Test
    void postgresqlsProcessesAreInMicrosecondsPerCase() {
        Table table = BulkIntakeScenario.postgresTable(Map.of("walwriter", 0.5), 10_000);

        assertThat(cells(table, "walwriter")).containsExactly("50.0");
    }

    @Test
    void withNoCaseWrittenNoFigureIsMadeUp() {
        Table table = BulkIntakeScenario.cpuTable(Map.of("gateway", 1.0), Map.of("gateway", 0.5),
                Map.of("gateway", 2.0), 0);

        assertThat(cells(table, "total")).containsExactly("n/a", "n/a", "n/a");
    }

    /** The cells of the table's row named {@code name}, after the name. */
    private static List<String> cells(Table table, String name) {
        return table.rows().stream().filter(row -> row.get(0).equals(name)).findFirst()
                .map(row -> row.subList(1, row.size())).orElseThrow(() -> new AssertionError("no row " + name));
    }
}
