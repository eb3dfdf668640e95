package vn.inspectorate.bench.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PostgresProcessesTest {

    @Test
    void aProcessIsNamedByTheTitlePostgresqlGaveIt() {
        assertThat(PostgresProcesses.role("postgres: checkpointer ")).hasValue("checkpointer");
        assertThat(PostgresProcesses.role("postgres: background writer    ")).hasValue("background writer");
        assertThat(PostgresProcesses.role("postgres: walwriter ")).hasValue("walwriter");
        assertThat(PostgresProcesses.role("postgres: autovacuum launcher ")).hasValue("autovacuum launcher");
        assertThat(PostgresProcesses.role("postgres: autovacuum worker complaints")).hasValue("autovacuum");
        assertThat(PostgresProcesses.role("postgres: postgres complaints 127.0.0.1(37636) idle"))
                .hasValue("complaints connections");
        assertThat(PostgresProcesses.role("postgres: postgres reporting 127.0.0.1(46634) INSERT"))
                .hasValue("reporting connections");
        // the postmaster keeps its command line; anything else is not PostgreSQL's
        assertThat(PostgresProcesses.role("/opt/pg/bin/postgres -D /data -p 5432")).isEmpty();
    }

    @Test
    void whatTheLiveProcessesDoNotAccountForIsTheEndedOnes() {
        // 7 served complaints throughout; 8 (reporting) started meanwhile; 9 (an autovacuum worker) worked 0.5 s more
        // and ended, its whole 1.5 s then in the postmaster's count of ended children
        var before = new PostgresProcesses.Snapshot(Map.of(1L, "postmaster", 7L, "complaints connections", 9L,
                "autovacuum"), Map.of(1L, 0.25, 7L, 2.0, 9L, 1.0), 3.25);
        var after = new PostgresProcesses.Snapshot(Map.of(1L, "postmaster", 7L, "complaints connections", 8L,
                "reporting connections"), Map.of(1L, 0.5, 7L, 5.0, 8L, 1.5), 8.5);

        Map<String, Double> spent = after.minus(before);

        assertThat(spent.keySet()).first().isEqualTo("complaints connections");
        assertThat(spent).containsEntry("complaints connections", 3.0).containsEntry("reporting connections", 1.5)
                .containsEntry("postmaster", 0.25);
        assertThat(spent.get(PostgresProcesses.ENDED)).isCloseTo(0.5, within(1e-9));
        assertThat(spent.values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(8.5 - 3.25,
                within(1e-9));
    }
}
