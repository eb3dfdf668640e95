package vn.inspectorate.bench.backfill;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import vn.inspectorate.bench.core.BenchPlatform;
import vn.inspectorate.bench.core.Goal;
import vn.inspectorate.bench.core.Percentiles;
import vn.inspectorate.bench.core.Profiling;
import vn.inspectorate.bench.core.RunTags;
import vn.inspectorate.bench.core.Scenario;
import vn.inspectorate.bench.core.ScenarioResult;
import vn.inspectorate.bench.core.Settings;
import vn.inspectorate.bench.core.Sql;
import vn.inspectorate.bench.core.Table;
import vn.inspectorate.bench.profile.FlightRecorder;

/**
 * A province's history loaded in bulk through the gateway ({@code POST /api/v1/inspections/batch}, {@code backfilled:
 * true}): batches of 500 inspection records of 2024, one in ten with its whole lifecycle (started, reported, concluded
 * with a recovery recommendation, a payment, the follow-up closed), the others opened and started. Records per second
 * are counted where they land, as {@code inspection} rows, not from the responses.
 */
public final class InspectionBackfillScenario implements Scenario {

    static final double GOAL_RECORDS_PER_SECOND = 2_000;
    static final int BATCH = 500;
    /** One record in this many carries its whole lifecycle. */
    static final int CONCLUDED_EVERY = 10;

    @Override
    public String name() {
        return "backfill";
    }

    /** Batches through the gateway, one after another. */
    @Override
    public void train(BenchPlatform bench) throws Exception {
        String token = bench.clientToken("province-hn");
        String url = bench.platform().gatewayUrl() + "/api/v1/inspections/batch";
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        String tag = RunTags.tag("t", RunTags.next());
        long end = System.nanoTime() + Settings.trainingSeconds() * 1_000_000_000L;
        for (int n = 0; n == 0 || System.nanoTime() < end; n++) {
            HttpResponse<String> answer = send(http, url, token, batchBody(tag, n));
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("a training batch of inspections answered " + answer.statusCode());
            }
        }
    }

    @Override
    public ScenarioResult run(BenchPlatform bench) throws Exception {
        int seconds = Settings.seconds();
        int connections = Integer.getInteger("bench.bulk.concurrency", 4);
        String token = bench.clientToken("province-hn");
        String url = bench.platform().gatewayUrl() + "/api/v1/inspections/batch";
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        int run = RunTags.next();

        long warmBegan = System.nanoTime();
        HttpResponse<String> warm = send(http, url, token, batchBody(RunTags.tag("w", run), 0));
        double oneBatch = (System.nanoTime() - warmBegan) / 1e9;
        String warmOutcome = warm.statusCode() == 200 ? "answered 200"
                : "answered " + warm.statusCode() + " (" + warm.body().substring(0, Math.min(300, warm.body().length()))
                        + ")";
        int measured = (int) Math.max(seconds, Math.ceil(oneBatch * 3));

        long rows0 = Sql.count(bench, "inspection", "select count(*) from inspection");
        long outbox0 = Sql.count(bench, "inspection", "select coalesce(max(id), 0) from platform_outbox");
        AtomicInteger batches = new AtomicInteger();
        // batches not answered 200 with every item written: the records/s of such a run is not the scenario's
        AtomicInteger failed = new AtomicInteger();
        AtomicLong lastAnswer = new AtomicLong();
        List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
        String tag = RunTags.tag("m", run);
        long began = System.nanoTime();
        long end = began + measured * 1_000_000_000L;
        ExecutorService senders = Executors.newFixedThreadPool(connections);
        List<Future<?>> running = new ArrayList<>();
        AtomicInteger next = new AtomicInteger();
        for (int c = 0; c < connections; c++) {
            running.add(senders.submit(() -> {
                while (System.nanoTime() < end) {
                    String body = batchBody(tag, next.getAndIncrement());
                    long sent = System.nanoTime();
                    HttpResponse<String> answer;
                    try {
                        answer = send(http, url, token, body);
                    } catch (java.io.IOException e) {
                        // a batch without an answer (timed out, connection lost) failed: counted, not fatal to the run
                        lastAnswer.accumulateAndGet(System.nanoTime(), Math::max);
                        failed.incrementAndGet();
                        continue;
                    }
                    long answered = System.nanoTime();
                    latencies.add((answered - sent) / 1_000_000);
                    lastAnswer.accumulateAndGet(answered, Math::max);
                    batches.incrementAndGet();
                    if (answer.statusCode() != 200 || !answer.body().contains("\"rejected\":0")
                            || !answer.body().contains("\"conflicts\":0")) {
                        failed.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        senders.shutdown();
        double elapsed = (Math.max(lastAnswer.get(), began + 1) - began) / 1e9;
        long rows = Sql.count(bench, "inspection", "select count(*) from inspection") - rows0;
        long outbox = Sql.count(bench, "inspection", "select count(*) from platform_outbox where id > " + outbox0);
        double recordsPerSecond = rows / elapsed;
        Percentiles batchMs = new Percentiles(latencies.stream().mapToLong(Long::longValue).toArray());
        long p50 = batchMs.count() == 0 ? -1 : batchMs.at(50);
        long p99 = batchMs.count() == 0 ? -1 : batchMs.at(99);

        ScenarioResult result = new ScenarioResult(name(), "bulk back-fill of inspection records, batches of " + BATCH
                + " at concurrency " + connections + " through the gateway");
        result.table("batches for " + measured + " s after one timed warm-up batch (" + String.format("%.1f", oneBatch)
                + " s), counted to the last answer (" + String.format("%.1f", elapsed) + " s)", new Table(
                "batches answered", "failed (non-200, an item not written, no answer)", "inspections written",
                "outbox rows written", "records/s", "batch p50 (ms)", "batch p99 (ms)")
                .row(batches.get(), failed.get(), rows, outbox, recordsPerSecond, p50, p99));
        result.figure("batches", batches.get()).figure("failedBatches", failed.get()).figure("inspectionsWritten", rows)
                .figure("outboxRowsWritten", outbox).figure("recordsPerSecond", recordsPerSecond)
                .figure("batchP50Ms", p50).figure("batchP99Ms", p99).figure("seconds", elapsed)
                .figure("warmupBatchSeconds", oneBatch);
        Goal goal = Goal.atLeast("back-filled inspection records into PostgreSQL and the outbox",
                GOAL_RECORDS_PER_SECOND, recordsPerSecond, "records/s").withErrors(failed.get());
        result.goal(goal);
        result.note("the warm-up batch " + warmOutcome + " after " + String.format("%.1f", oneBatch) + " s.");
        result.note("records/s = inspection rows added from the start of the measured run to the last answer; one "
                + "record in " + CONCLUDED_EVERY + " also writes its conclusion, recommendation, payment and closure.");
        System.out.printf(java.util.Locale.ROOT, "[bench] backfill: %d inspection records in %.1f s through the "
                + "gateway = %.0f records/s (goal %.0f: %s)%n", rows, elapsed, recordsPerSecond,
                GOAL_RECORDS_PER_SECOND, goal.verdict());
        if (Profiling.requested()) {
            Profiling.profile(bench, result, name(), () -> send(http, url, token, batchBody(RunTags.tag("p", run), 0)));
        } else if (result.anyGoalMissed()) {
            FlightRecorder jfr = FlightRecorder.ofThisJvm();
            long pid = bench.pid("inspection-service");
            jfr.start(pid);
            send(http, url, token, batchBody(RunTags.tag("p", run), 0));
            result.profileOrNote("inspection-service",
                    () -> jfr.stop(pid, bench.work().resolve("backfill-inspection-service.jfr")));
        }
        return result;
    }

    private static HttpResponse<String> send(HttpClient http, String url, String token, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(180))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Batch {@code n} of a run: 500 records of Ha Noi's 2024, numbered so that no two batches share a decision. */
    static String batchBody(String tag, int n) {
        StringBuilder out = new StringBuilder("{\"backfilled\":true,\"inspections\":[");
        for (int i = 0; i < BATCH; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(record(tag + "-" + n + "-" + i, LocalDate.of(2024, 1, 2).plusDays(i % 180),
                    i % CONCLUDED_EVERY == 0));
        }
        return out.append("]}").toString();
    }

    static String record(String key, LocalDate decided, boolean concluded) {
        StringBuilder r = new StringBuilder();
        r.append("{\"opening\":{\"bodyCode\":\"TTT-HN\",\"decisionNumber\":\"BENCH-").append(key)
                .append("\",\"decisionDate\":\"").append(decided)
                .append("\",\"legalBasis\":\"Law on Inspection 11/2022\",\"team\":[{\"name\":\"Lead\",\"role\":\"LEAD\"}],")
                .append("\"type\":\"ADMINISTRATIVE\",\"subject\":\"PUBLIC_DUTIES\",\"entity\":{\"code\":\"BENCH-E-")
                .append(key).append("\",\"kind\":\"PUBLIC_BODY\",\"name\":\"Bench entity\",\"provinceCode\":\"VN-HN\"}},")
                .append("\"start\":{\"startedOn\":\"").append(decided.plusDays(2)).append("\"}");
        if (concluded) {
            LocalDate on = decided.plusDays(30);
            r.append(",\"report\":{\"submittedOn\":\"").append(decided.plusDays(20)).append("\"}")
                    .append(",\"conclusion\":{\"conclusionNumber\":\"KL-").append(key).append("\",\"concludedOn\":\"")
                    .append(on).append("\",\"assessment\":\"Violations found\",\"unitsCovered\":1,")
                    .append("\"items\":[{\"subject\":\"Funds\",\"finding\":\"Overspent\",\"violationsVnd\":")
                    .append("10000000,\"violationsLandM2\":0}],\"recommendations\":[{\"kind\":\"RECOVERY\",")
                    .append("\"description\":\"Recover\",\"addressee\":\"Entity\",\"amountVnd\":8000000,\"dueOn\":\"")
                    .append(on.plusDays(60)).append("\"}],\"responsibleOrganisations\":[{\"reference\":\"ORG-")
                    .append(key).append("\"}],\"published\":false}")
                    .append(",\"recoveries\":[{\"recommendation\":0,\"payment\":{\"reference\":\"PAY-").append(key)
                    .append("\",\"amountVnd\":8000000,\"paidOn\":\"").append(on.plusDays(10)).append("\"}}]")
                    .append(",\"closure\":{\"closedOn\":\"").append(on.plusDays(20)).append("\"}");
        }
        return r.append('}').toString();
    }
}
