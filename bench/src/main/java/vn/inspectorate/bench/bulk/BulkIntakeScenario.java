package vn.inspectorate.bench.bulk;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.DoubleSupplier;
import vn.inspectorate.bench.core.CpuTime;
import vn.inspectorate.bench.core.BenchPlatform;
import vn.inspectorate.bench.core.Goal;
import vn.inspectorate.bench.core.PostgresProcesses;
import vn.inspectorate.bench.core.Profiling;
import vn.inspectorate.bench.core.RunTags;
import vn.inspectorate.bench.core.Scenario;
import vn.inspectorate.bench.core.ScenarioResult;
import vn.inspectorate.bench.core.Settings;
import vn.inspectorate.bench.core.Sql;
import vn.inspectorate.bench.core.Table;
import vn.inspectorate.bench.events.EventPathScenario;
import vn.inspectorate.bench.intake.IntakeScenario;
import vn.inspectorate.bench.load.Wrk;
import vn.inspectorate.bench.load.WrkResult;
import vn.inspectorate.bench.profile.FlightRecorder;

/**
 * Scenario 2: batches of 1,000 cases through the gateway ({@code POST /api/v1/cases/batch}); cases per second are
 * counted where they land, as rows in PostgreSQL and in the outbox, not from the responses.
 */
public final class BulkIntakeScenario implements Scenario {

    static final double GOAL_CASES_PER_SECOND = 10_000;
    public static final int BATCH = 1000;

    @Override
    public String name() {
        return "bulk";
    }

    /** Batches through the gateway on one connection. */
    @Override
    public void train(BenchPlatform bench) {
        load(Wrk.script("intake.lua", bench.work().resolve("training")), bench.platform().gatewayUrl()
                + "/api/v1/cases/batch", 1, Settings.trainingSeconds(), bench.clientToken("province-hn"))
                .requireAccepted("the training load of case batches");
    }

    @Override
    public ScenarioResult run(BenchPlatform bench) throws Exception {
        int seconds = Settings.seconds();
        int connections = Integer.getInteger("bench.bulk.concurrency", 4);
        Path work = bench.work().resolve("bulk");
        Wrk wrk = Wrk.script("intake.lua", work);
        String token = bench.clientToken("province-hn");
        String url = bench.platform().gatewayUrl() + "/api/v1/cases/batch";

        // Warm-up: one batch on its own, timed, so the measured run lasts long enough for batches to complete even
        // when one takes longer than the default step.
        int run = RunTags.next();
        long warmBegan = System.nanoTime();
        HttpResponse<String> warm = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(180)).POST(HttpRequest.BodyPublishers.ofString(
                        batchBody(RunTags.tag("w", run), run))).build(), HttpResponse.BodyHandlers.ofString());
        double oneBatch = (System.nanoTime() - warmBegan) / 1e9;
        String warmOutcome = warm.statusCode() == 200 ? "answered 200"
                : "answered " + warm.statusCode() + " (" + warm.body().substring(0, Math.min(200, warm.body().length()))
                        + ")";
        int measured = (int) Math.max(seconds, Math.ceil(oneBatch * 3));
        long cases0 = Sql.count(bench, "complaints", "select count(*) from citizen_case");
        long outbox0 = Sql.count(bench, "complaints", "select coalesce(max(id), 0) from platform_outbox");
        Map<String, DoubleSupplier> processes = IntakeScenario.processes(bench);
        Map<String, Long> jvms = IntakeScenario.jvms(bench);
        CpuTime.Snapshot cpuBefore = CpuTime.Snapshot.of(processes);
        CpuTime.ThreadSnapshot jitBefore = CpuTime.ThreadSnapshot.compilers(jvms);
        long walBefore = walBytes(bench);
        PostgresProcesses.Snapshot pgBefore = PostgresProcesses.Snapshot.of(bench.postgresPid());
        long began = System.nanoTime();
        WrkResult r = load(wrk, url, connections, measured, token);
        // Batches in flight when wrk stops still commit: count until the table stops growing, and time to the last
        // growth seen.
        long casesNow = Sql.count(bench, "complaints", "select count(*) from citizen_case");
        long lastGrowth = System.nanoTime();
        long settleDeadline = lastGrowth + 180_000_000_000L;
        while (System.nanoTime() - lastGrowth < 3_000_000_000L && System.nanoTime() < settleDeadline) {
            Thread.sleep(250);
            long c = Sql.count(bench, "complaints", "select count(*) from citizen_case");
            if (c != casesNow) {
                casesNow = c;
                lastGrowth = System.nanoTime();
            }
        }
        double elapsed = (Math.max(lastGrowth, began + (long) (r.seconds() * 1e9)) - began) / 1e9;
        long cases = casesNow - cases0;
        long outbox = Sql.count(bench, "complaints",
                "select count(*) from platform_outbox where id > " + outbox0);
        Map<String, Double> cpuWritten = CpuTime.Snapshot.of(processes).minus(cpuBefore);
        Map<String, Double> jitWritten = CpuTime.ThreadSnapshot.compilers(jvms).minus(jitBefore);
        long walWritten = walBytes(bench) - walBefore;
        Map<String, Double> pgWritten = PostgresProcesses.Snapshot.of(bench.postgresPid()).minus(pgBefore);
        // the consumers of the filed cases' events may still be at work: their CPU counts once they go quiet
        Map<String, Double> cpuDrained = CpuTime.Snapshot.of(untilQuiet(processes)).minus(cpuBefore);
        long walDrained = walBytes(bench) - walBefore;
        double casesPerSecond = cases / elapsed;

        ScenarioResult result = new ScenarioResult(name(), "bulk intake, batches of " + BATCH + " at concurrency "
                + connections + " through the gateway");
        result.table("wrk for " + measured + " s after one timed warm-up batch (" + String.format("%.1f", oneBatch)
                + " s), counted until the last commit (" + String.format("%.1f", elapsed) + " s)", new Table(
                "batches answered", "non-2xx", "socket errors", "cases written", "outbox rows written", "cases/s",
                "batch p50 (ms)", "batch p99 (ms)").row(r.requests(), r.non2xx(), r.socketErrorsCell(), cases, outbox,
                casesPerSecond, r.percentileCell(r.p50Ms()), r.percentileCell(r.p99Ms())));
        result.figure("batches", r.requests()).figure("non2xx", r.non2xx()).figure("casesWritten", cases)
                .figure("outboxRowsWritten", outbox).figure("casesPerSecond", casesPerSecond)
                .figure("batchP50Ms", r.p50Ms()).figure("batchP99Ms", r.p99Ms()).figure("seconds", elapsed)
                .figure("warmupBatchSeconds", oneBatch);
        result.goal(Goal.atLeast("cases into PostgreSQL and the outbox", GOAL_CASES_PER_SECOND, casesPerSecond,
                "cases/s").withErrors(r.errors()));
        result.table("CPU per case, by process: while the cases were written, and once every consumer went quiet "
                + "(load average " + loadAverage() + ")", cpuTable(cpuWritten, jitWritten, cpuDrained, cases));
        result.table("PostgreSQL's write-ahead log per case (every database: the cases' own rows and the consumers')",
                new Table("KiB per case, cases written", "KiB per case, consumers drained").row(
                        perCaseKib(walWritten, cases), perCaseKib(walDrained, cases)));
        result.figure("walBytesWritten", walWritten).figure("walBytesDrained", walDrained);
        result.table("PostgreSQL's CPU per case while the cases were written, by process (its title: a database's "
                + "connections, or one of the server's own processes)", postgresTable(pgWritten, cases));
        result.figure("postgresCpuSecondsWritten", pgWritten);
        result.figure("cpuSecondsWritten", cpuWritten).figure("jitCpuSecondsWritten", jitWritten)
                .figure("cpuSecondsDrained", cpuDrained);
        result.note("the warm-up batch " + warmOutcome + " after " + String.format("%.1f", oneBatch) + " s.");
        result.note("JIT compiler threads (C1 and C2, from /proc's per-thread counts): the part of a JVM's CPU spent "
                + "compiling the code the batches run hot, a warm-up that shrinks the longer the platform has run. "
                + "It is shown apart; the goal is judged on the cases written, compiling included.");
        result.note("PostgreSQL by process: from /proc, each process named by the title PostgreSQL gives it; the "
                + "harness's own counting queries (a connection each, closed at once) are, most of them, among the "
                + "processes that ended meanwhile.");
        result.note("cases/s = citizen_case rows added from the start of the measured run to the last commit "
                + "(batches still in flight when wrk stops are waited for); each case also writes two outbox rows. "
                + "Batch latencies are wrk's, of the batches answered within the run.");
        if (Profiling.requested()) {
            Profiling.profile(bench, result, name(), () -> load(wrk, url, connections, measured, token));
        } else if (result.anyGoalMissed()) {
            FlightRecorder jfr = FlightRecorder.ofThisJvm();
            long pid = bench.pid("complaints-service");
            jfr.start(pid);
            load(wrk, url, connections, measured, token);
            result.profileOrNote("complaints-service",
                    () -> jfr.stop(pid, work.resolve("bulk-complaints-service.jfr")));
        }
        return result;
    }

    /** Waits (up to 120 s) until the platform uses less than a tenth of a core over two seconds. */
    private static Map<String, DoubleSupplier> untilQuiet(Map<String, DoubleSupplier> processes)
            throws InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        CpuTime.Snapshot last = CpuTime.Snapshot.of(processes);
        while (System.nanoTime() < deadline) {
            Thread.sleep(2000);
            CpuTime.Snapshot now = CpuTime.Snapshot.of(processes);
            double used = now.minus(last).entrySet().stream().filter(e -> !e.getKey().startsWith("wrk"))
                    .mapToDouble(Map.Entry::getValue).sum();
            last = now;
            if (used < 0.2) {
                break;
            }
        }
        return processes;
    }

    static Table cpuTable(Map<String, Double> written, Map<String, Double> jitWritten,
            Map<String, Double> drained, long cases) {
        Table t = new Table("process", "ms per case, cases written", "of it, JIT compilers",
                "ms per case, consumers drained");
        double writtenTotal = 0;
        double jitTotal = cases == 0 ? Double.NaN : 0;
        double drainedTotal = 0;
        for (String name : drained.keySet()) {
            double w = perCaseMs(written.getOrDefault(name, 0.0), cases);
            double j = jitWritten.containsKey(name) ? perCaseMs(jitWritten.get(name), cases) : Double.NaN;
            double d = perCaseMs(drained.get(name), cases);
            writtenTotal += w;
            jitTotal += Double.isNaN(j) ? 0 : j;
            drainedTotal += d;
            t.row(name, w, j, d);
        }
        return t.row("total", writtenTotal, jitTotal, drainedTotal);
    }

    static Table postgresTable(Map<String, Double> seconds, long cases) {
        Table t = new Table("PostgreSQL process", "µs per case, cases written");
        seconds.forEach((role, s) -> t.row(role, perCaseMs(s, cases) * 1000));
        return t;
    }

    private static double perCaseKib(long bytes, long cases) {
        return cases == 0 ? Double.NaN : bytes / 1024.0 / cases;
    }

    /** The server's write-ahead log position in bytes: one log for all its databases. */
    private static long walBytes(BenchPlatform bench) throws java.sql.SQLException {
        return Sql.count(bench, "complaints", "select (pg_current_wal_lsn() - '0/0'::pg_lsn)::bigint");
    }

    private static double perCaseMs(double cpuSeconds, long cases) {
        return cases == 0 ? Double.NaN : cpuSeconds * 1000 / cases;
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(Path.of("/proc/loadavg")).split(" ", 4)[0];
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    /** The same cases the Lua script writes, for the warm-up batch sent without wrk. */
    static String batchBody(String tag, int run) {
        return batchBody(tag, run, 1);
    }

    /** A batch of cases numbered from {@code first}: each its own source reference and person within a run. */
    public static String batchBody(String tag, int run, long first) {
        StringBuilder out = new StringBuilder("{\"cases\":[");
        for (long n = first; n < first + BATCH; n++) {
            if (n > first) {
                out.append(',');
            }
            out.append(EventPathScenario.single(tag, run, n));
        }
        return out.append("]}").toString();
    }

    private static WrkResult load(Wrk wrk, String url, int connections, int seconds, String token) {
        int run = RunTags.next();
        return wrk.run(url, connections, seconds, "180s", token, RunTags.tag("b", run), Integer.toString(run), "batch",
                Integer.toString(BATCH));
    }
}
