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
        var postmaster = new PostgresProcesses.ProcessKey(1, 100);
        var complaints = new PostgresProcesses.ProcessKey(7, 200);
        var reporting = new PostgresProcesses.ProcessKey(8, 900);
        var worker = new PostgresProcesses.ProcessKey(9, 300);
        var before = new PostgresProcesses.Snapshot(Map.of(postmaster, "postmaster", complaints,
                "complaints connections", worker, "autovacuum"), Map.of(postmaster, 0.25, complaints, 2.0, worker, 1.0),
                3.25);
        var after = new PostgresProcesses.Snapshot(Map.of(postmaster, "postmaster", complaints,
                "complaints connections", reporting, "reporting connections"), Map.of(postmaster, 0.5, complaints, 5.0,
                reporting, 1.5), 8.5);

        Map<String, Double> spent = after.minus(before);

        assertThat(spent.keySet()).containsExactly("complaints connections", "reporting connections",
                PostgresProcesses.ENDED, "postmaster");
        assertThat(spent).containsEntry("complaints connections", 3.0).containsEntry("reporting connections", 1.5)
                .containsEntry("postmaster", 0.25);
        assertThat(spent.get(PostgresProcesses.ENDED)).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void aProcessIdGivenAgainToANewProcessCountsFromItsStart() {
        // connection 7 ended after 4 s; a new one, with the same id, has used 1 s since
        var old = new PostgresProcesses.ProcessKey(7, 200);
        var again = new PostgresProcesses.ProcessKey(7, 5000);
        var before = new PostgresProcesses.Snapshot(Map.of(old, "complaints connections"), Map.of(old, 4.0), 4.0);
        var after = new PostgresProcesses.Snapshot(Map.of(again, "complaints connections"), Map.of(again, 1.0), 5.5);

        Map<String, Double> spent = after.minus(before);

        assertThat(spent).containsEntry("complaints connections", 1.0);
        assertThat(spent.get(PostgresProcesses.ENDED)).isCloseTo(0.5, within(1e-9));
    }
}
