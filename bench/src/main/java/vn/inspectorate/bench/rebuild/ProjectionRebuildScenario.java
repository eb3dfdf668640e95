package vn.inspectorate.bench.rebuild;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.DoubleSupplier;
import vn.inspectorate.bench.bulk.BulkIntakeScenario;
import vn.inspectorate.bench.core.BenchPlatform;
import vn.inspectorate.bench.core.CpuTime;
import vn.inspectorate.bench.core.PostgresProcesses;
import vn.inspectorate.bench.core.Projection;
import vn.inspectorate.bench.core.ResultWriter;
import vn.inspectorate.bench.core.RunTags;
import vn.inspectorate.bench.core.Scenario;
import vn.inspectorate.bench.core.ScenarioResult;
import vn.inspectorate.bench.core.Sql;
import vn.inspectorate.bench.core.Table;
import vn.inspectorate.bench.intake.IntakeScenario;

/**
 * A rebuild of the reporting projection from the topics ({@code POST /api/v1/reports/admin/rebuilds} through the
 * gateway, as an administrator), after {@code bench.rebuild.cases} cases (100,000, rounded up to whole batches) have
 * been filed in batches and projected: how fast the topics' records are replayed, what each costs by process, and
 * how often the reporting database's tables were scanned whole meanwhile (the rebuild empties them, and they have no
 * statistics until analysed).
 */
public final class ProjectionRebuildScenario implements Scenario {

    private static final Duration LONGEST = Duration.ofMinutes(60);

    @Override
    public String name() {
        return "rebuild";
    }

    @Override
    public ScenarioResult run(BenchPlatform bench) throws Exception {
        long batches = Math.ceilDiv(Long.getLong("bench.rebuild.cases", 100_000L), BulkIntakeScenario.BATCH);
        long cases = batches * BulkIntakeScenario.BATCH;
        HttpClient http = HttpClient.newHttpClient();
        String gateway = bench.platform().gatewayUrl();
        fileCases(bench, http, gateway, batches);
        double caughtUp = Projection.awaitCaughtUp(bench);
        long projected = Sql.count(bench, "reporting", "select count(*) from case_state");

        String admin = bench.userToken("admin");
        long tokenAt = System.nanoTime();
        Map<String, DoubleSupplier> processes = IntakeScenario.processes(bench);
        CpuTime.Snapshot cpuBefore = CpuTime.Snapshot.of(processes);
        PostgresProcesses.Snapshot pgBefore = PostgresProcesses.Snapshot.of(bench.postgresPid());
        Map<String, long[]> scansBefore = scans(bench);
        long began = System.nanoTime();
        HttpResponse<String> started = http.send(HttpRequest.newBuilder(URI.create(gateway
                + "/api/v1/reports/admin/rebuilds")).header("Authorization", "Bearer " + admin)
                .header("Idempotency-Key", "bench-rebuild-" + UUID.randomUUID())
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (started.statusCode() != 202) {
            throw new IllegalStateException("the rebuild was not started: " + started.statusCode() + " "
                    + started.body());
        }
        String id = ResultWriter.json().readTree(started.body()).path("id").asText();
        JsonNode progress;
        long deadline = began + LONGEST.toNanos();
        do {
            Thread.sleep(250);
            if (System.nanoTime() - tokenAt > 60_000_000_000L) {
                admin = bench.userToken("admin");  // a rebuild may outlast the access token
                tokenAt = System.nanoTime();
            }
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(gateway
                    + "/api/v1/reports/admin/rebuilds/" + id)).header("Authorization", "Bearer " + admin).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("the rebuild's progress was not answered: " + r.statusCode() + " "
                        + r.body());
            }
            progress = ResultWriter.json().readTree(r.body());
        } while ("RUNNING".equals(progress.path("state").asText()) && System.nanoTime() < deadline);
        double seconds = (System.nanoTime() - began) / 1e9;
        if (!"DONE".equals(progress.path("state").asText()) || progress.path("replayedRecords").asLong() == 0) {
            throw new IllegalStateException("the rebuild did not end well within " + LONGEST.toMinutes()
                    + " minutes: " + progress);
        }
        Map<String, Double> cpu = CpuTime.Snapshot.of(processes).minus(cpuBefore);
        Map<String, Double> pg = PostgresProcesses.Snapshot.of(bench.postgresPid()).minus(pgBefore);
        Map<String, long[]> scansAfter = scans(bench);
        long records = progress.path("replayedRecords").asLong();
        String state = progress.path("state").asText();
        long projectedAfter = Sql.count(bench, "reporting", "select count(*) from case_state");

        ScenarioResult result = new ScenarioResult(name(), "a rebuild of the reporting projection from the topics, "
                + "after " + cases + " cases filed in batches of " + BulkIntakeScenario.BATCH);
        result.table("the rebuild (timed from its request to the first poll that saw it end; polled every 250 ms)",
                new Table("state", "records replayed", "of them poison", "offsets read (totalRecords)", "seconds",
                        "records/s", "cases projected before", "cases projected after").row(state, records,
                        progress.path("poisonRecords").asLong(), progress.path("totalRecords").asLong(), seconds,
                        records / seconds, projected, projectedAfter));
        result.figure("state", state).figure("records", records)
                .figure("totalRecords", progress.path("totalRecords").asLong()).figure("seconds", seconds)
                .figure("recordsPerSecond", records / seconds).figure("casesProjectedBefore", projected)
                .figure("casesProjectedAfter", projectedAfter).figure("caughtUpSeconds", caughtUp);
        Table perRecord = new Table("process", "µs per record");
        double total = 0;
        for (Map.Entry<String, Double> e : cpu.entrySet()) {
            double us = e.getValue() * 1e6 / records;
            total += us;
            perRecord.row(e.getKey(), us);
        }
        result.table("CPU per replayed record, by process", perRecord.row("total", total));
        Table byPostgresProcess = new Table("PostgreSQL process", "µs per record");
        pg.forEach((role, s) -> byPostgresProcess.row(role, s * 1e6 / records));
        result.table("PostgreSQL's CPU per replayed record, by process", byPostgresProcess);
        Table scanned = new Table("table", "whole-table scans", "rows read by them", "analysed by a statement",
                "analysed by autovacuum");
        scansAfter.forEach((table, after) -> {
            long[] before = scansBefore.getOrDefault(table, new long[4]);
            if (!Arrays.equals(before, after)) {
                scanned.row(table, after[0] - before[0], after[1] - before[1], after[2] - before[2],
                        after[3] - before[3]);
            }
        });
        result.table("the reporting database's tables scanned or analysed during the rebuild (pg_stat_user_tables)",
                scanned);
        result.figure("cpuSeconds", cpu).figure("postgresCpuSeconds", pg);
        result.note(projectedAfter == projected ? "the rebuilt projection holds every case it held before."
                : "the rebuilt projection holds " + projectedAfter + " cases, against " + projected + " before.");
        result.note("the topics hold every earlier scenario's records too: the rebuild replays all of them. Its "
                + "totalRecords is the span of offsets it reads, commit markers of the relay's transactions included, "
                + "which no consumer receives.");
        return result;
    }

    /** Files whole batches of cases through the gateway, one at a time, every case its own reference and person. */
    private static void fileCases(BenchPlatform bench, HttpClient http, String gateway, long batches)
            throws Exception {
        int run = RunTags.next();
        String token = bench.clientToken("province-hn");
        for (long first = 1; first <= batches * BulkIntakeScenario.BATCH; first += BulkIntakeScenario.BATCH) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/v1/cases/batch"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(180)).POST(HttpRequest.BodyPublishers.ofString(
                            BulkIntakeScenario.batchBody(RunTags.tag("rb", run), run, first)))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("a batch of cases was refused: " + r.statusCode() + " "
                        + r.body().substring(0, Math.min(300, r.body().length())));
            }
        }
    }

    /** Per table: whole-table scans, rows they read, analyses by a statement and by autovacuum, so far. */
    private static Map<String, long[]> scans(BenchPlatform bench) throws SQLException {
        Map<String, long[]> scans = new LinkedHashMap<>();
        try (Connection c = bench.connect("reporting"); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select relname, seq_scan, seq_tup_read, analyze_count, "
                        + "autoanalyze_count from pg_stat_user_tables order by relname")) {
            while (rs.next()) {
                scans.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)});
            }
        }
        return scans;
    }
}
