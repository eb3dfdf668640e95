package vn.inspectorate.bench.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import vn.inspectorate.bench.core.BenchPlatform;
import vn.inspectorate.bench.core.Goal;
import vn.inspectorate.bench.core.Percentiles;
import vn.inspectorate.bench.core.Profiling;
import vn.inspectorate.bench.core.ResultWriter;
import vn.inspectorate.bench.core.RunTags;
import vn.inspectorate.bench.core.Scenario;
import vn.inspectorate.bench.core.ScenarioResult;
import vn.inspectorate.bench.core.Settings;
import vn.inspectorate.bench.core.Sql;
import vn.inspectorate.bench.core.Table;
import vn.inspectorate.bench.profile.FlightRecorder;

/**
 * Scenario 3: the path of an event. First the outbox relay's throughput on a backlog of batch-filed cases against
 * Kafka's own producer benchmark on the same broker; then single cases at a fixed rate through the gateway, each timed
 * from its POST's response to its row in the reporting projection ({@code case_state}): at the goal's rate, and
 * then at a rate well within the machine's capacity ({@code bench.events.sustained-rate}, 50/s), which shows the path's
 * own latency where the goal's rate shows a queue growing for the whole run once intake is past that capacity.
 */
public final class EventPathScenario implements Scenario {

    static final double P99_GOAL_MS = 1000;
    static final int RATE = 500;
    private static final long POLL_NANOS = 20_000_000L;
    private static final int MAX_IN_FLIGHT = 128;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Override
    public String name() {
        return "events";
    }

    @Override
    public ScenarioResult run(BenchPlatform bench) throws Exception {
        ScenarioResult result = new ScenarioResult(name(), "event path: outbox relay and POST → reporting projection");
        Path work = bench.work().resolve("events");

        // 1. Relay throughput on a backlog: rows written straight into the outbox (faster than any intake, so the
        // relay never waits for work), for a topic of their own that no service consumes.
        String relayTopic = "bench.relay";
        String topic = "bench.producer-baseline";
        Properties admin = new Properties();
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bench.platform().kafka().bootstrapServers());
        try (Admin a = Admin.create(admin)) {
            a.createTopics(List.of(new NewTopic(relayTopic, 6, (short) 1), new NewTopic(topic, 6, (short) 1)))
                    .all().get();
        }
        int backlog = Integer.getInteger("bench.events.relay-rows", 50_000);
        long lastId = Sql.count(bench, "complaints", "select coalesce(max(id), 0) from platform_outbox");
        Sql.execute(bench, "complaints", """
                insert into platform_outbox (event_id, topic, record_key, event_type, payload)
                select gen_random_uuid(), 'bench.relay', gen_random_uuid()::text, 'case.received',
                       coalesce((select payload from platform_outbox where event_type = 'case.received'
                                 order by id desc limit 1), repeat('x', 450))
                from generate_series(1, %d)""".formatted(backlog));
        long drainDeadline = System.nanoTime() + 600_000_000_000L;
        while (Sql.count(bench, "complaints", "select count(*) from platform_outbox where sent_at is null and id > "
                + lastId) > 0) {
            if (System.nanoTime() > drainDeadline) {
                throw new IllegalStateException("the outbox did not drain within 10 minutes");
            }
            Thread.sleep(200);
        }
        double relaySeconds;
        long relayRows;
        double avgPayload;
        try (Connection c = bench.connect("complaints"); PreparedStatement s = c.prepareStatement("""
                select count(*), extract(epoch from max(sent_at) - min(sent_at)), avg(length(payload))
                from platform_outbox where id > ? and topic = 'bench.relay'""")) {
            s.setLong(1, lastId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                relayRows = rs.getLong(1);
                relaySeconds = rs.getDouble(2);
                avgPayload = rs.getDouble(3);
            }
        }
        double relayRate = relayRows / Math.max(relaySeconds, 0.001);
        long baselineRecords = Math.max(50_000, relayRows * 2);
        ProducerBaseline.Figures kafka = ProducerBaseline.run(bench.platform().kafka().bootstrapServers(), topic,
                baselineRecords, (int) Math.round(avgPayload));
        double relayVsKafka = relayRate / kafka.recordsPerSecond();
        result.table("outbox relay against Kafka's producer on the same broker", new Table("sender", "records",
                "records/s", "record size (bytes)")
                .row("outbox relay (complaints-service, batches of 500 per Kafka transaction)", relayRows, relayRate,
                        avgPayload)
                .row("Kafka ProducerPerformance (acks=all, idempotent, lz4, linger 5 ms)", kafka.records(),
                        kafka.recordsPerSecond(), Math.round(avgPayload)));
        result.figure("relayRows", relayRows).figure("relaySeconds", relaySeconds)
                .figure("relayRecordsPerSecond", relayRate).figure("kafkaRecordsPerSecond", kafka.recordsPerSecond())
                .figure("relayVsKafka", relayVsKafka);

        // 2. The projection must have caught up with the backlog before latency means anything.
        double catchUpSeconds = awaitProjection(bench);
        result.figure("projectionCatchUpSeconds", catchUpSeconds);

        // 3. Latency at fixed rates, open model: sends are scheduled, not waiting for answers.
        int warmup = Settings.warmupSeconds();
        int seconds = Settings.seconds();
        String token = bench.clientToken("province-hn");
        FlightRecorder jfr = FlightRecorder.ofThisJvm();
        long reportingPid = bench.pid("reporting-service");
        long complaintsPid = bench.pid("complaints-service");
        jfr.start(reportingPid);
        jfr.start(complaintsPid);
        Latencies latencies = measure(bench, token, RATE, warmup, seconds);
        Percentiles p = new Percentiles(latencies.samples());
        // then, the platform warm and the projection caught up again, a rate well within the machine's capacity
        double secondCatchUpSeconds = awaitProjection(bench);
        int sustainedRate = Integer.getInteger("bench.events.sustained-rate", 50);
        Latencies sustained = measure(bench, token, sustainedRate, warmup, seconds);
        Percentiles sp = new Percentiles(sustained.samples());
        result.table("POST response → row in the reporting projection, through the gateway for " + seconds
                + " s after " + warmup + " s warm-up at each rate", new Table("cases/s scheduled", "cases sent",
                "answered 201", "seen in projection", "p50 (ms)", "p99 (ms)", "max (ms)", "achieved send rate (/s)")
                .row(RATE + " (the goal's)", latencies.sent(), latencies.created(), p.count(), p.at(50), p.at(99),
                        p.max(), latencies.sendRate())
                .row(sustainedRate + " (well within capacity)", sustained.sent(), sustained.created(), sp.count(),
                        sp.at(50), sp.at(99), sp.max(), sustained.sendRate()));
        result.figure("latency", Map.of("sent", latencies.sent(), "created", latencies.created(), "seen", p.count(),
                "p50Ms", p.at(50), "p99Ms", p.at(99), "maxMs", p.max(), "sendRate", latencies.sendRate()));
        result.figure("sustainedLatency", Map.of("rate", sustainedRate, "sent", sustained.sent(), "created",
                sustained.created(), "seen", sp.count(), "p50Ms", sp.at(50), "p99Ms", sp.at(99), "maxMs", sp.max(),
                "sendRate", sustained.sendRate()));
        Goal goal = Goal.atMost("POST → projection p99", P99_GOAL_MS, p.at(99), "ms");
        result.goal(goal);
        result.goal(Goal.atLeast("cases seen in the projection", latencies.created(), p.count(), "cases"));
        if (goal.met()) {
            jfr.discard(reportingPid);
            jfr.discard(complaintsPid);
        } else {
            result.profileOrNote("reporting-service",
                    () -> jfr.stop(reportingPid, work.resolve("events-reporting.jfr")));
            result.profileOrNote("complaints-service",
                    () -> jfr.stop(complaintsPid, work.resolve("events-complaints.jfr")));
        }
        if (Profiling.requested()) {
            awaitProjection(bench);
            Profiling.profile(bench, result, name(), () -> measure(bench, token, RATE, warmup, seconds));
        }
        result.note("relay: " + backlog + " rows (a copy of a real case.received payload each) inserted into the "
                + "complaints outbox in one transaction, for a topic of their own; throughput = rows / (last sent_at "
                + "− first sent_at). The relay commits one Kafka transaction per "
                + "500 rows and then marks them sent in PostgreSQL; ProducerPerformance sends without transactions "
                + "or a database, so the ratio is the price of the outbox's guarantees.");
        result.note("projection caught up with the backlog in " + String.format("%.1f", catchUpSeconds) + " s "
                + "before the latency run; latency is measured from the moment the POST's response arrived to the "
                + "first poll (every 20 ms) that finds the case in case_state, so it includes up to 20 ms of polling. "
                + "Sends are scheduled at the rate, with at most " + MAX_IN_FLIGHT + " requests in flight: an achieved "
                + "send rate below the scheduled one means the platform could not answer that fast. The goal's "
                + "rate runs first (and is the one profiled); the lower rate follows once the projection has caught "
                + "up again (in " + String.format("%.1f", secondCatchUpSeconds) + " s), so it meets a warm platform.");
        return result;
    }

    /** Waits until the reporting projection holds every filed case; returns the seconds waited. */
    private static double awaitProjection(BenchPlatform bench) throws Exception {
        long began = System.nanoTime();
        long casesNow = Sql.count(bench, "complaints", "select count(*) from citizen_case");
        long deadline = began + 600_000_000_000L;
        long projected;
        while ((projected = Sql.count(bench, "reporting", "select count(*) from case_state")) < casesNow) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the reporting projection did not catch up within 10 minutes: "
                        + projected + " of " + casesNow + " cases");
            }
            Thread.sleep(500);
        }
        return (System.nanoTime() - began) / 1e9;
    }

    record Latencies(long[] samples, long sent, long created, double sendRate) {
    }

    private Latencies measure(BenchPlatform bench, String token, int rate, int warmupSeconds, int seconds)
            throws Exception {
        String url = bench.platform().gatewayUrl() + "/api/v1/cases";
        int run = RunTags.next();
        String tag = RunTags.tag("l", run);
        Map<UUID, Long> answered = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong created = new AtomicLong();
        long measuredFrom = System.nanoTime() + warmupSeconds * 1_000_000_000L;
        long total = (long) rate * (warmupSeconds + seconds);
        long interval = 1_000_000_000L / rate;
        // At most this many requests in flight: past it the platform is saturated and the achieved rate says so.
        Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
        Thread poller = Thread.ofPlatform().name("projection-poller").start(() -> poll(bench, answered, latencies));
        long began = System.nanoTime();
        long measuredSent = 0;
        for (long i = 0; i < total; i++) {
            long due = began + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            inFlight.acquire();
            boolean measured = System.nanoTime() >= measuredFrom;
            if (measured) {
                measuredSent++;
            }
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(single(tag, run, i))).build();
            http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenAccept(response -> {
                long at = System.nanoTime();
                if (response.statusCode() == 201 && measured) {
                    created.incrementAndGet();
                    answered.put(UUID.fromString(id(response.body())), at);
                }
            }).whenComplete((ok, failure) -> inFlight.release());
        }
        double sendRate = total / ((System.nanoTime() - began) / 1e9);
        inFlight.acquire(MAX_IN_FLIGHT);
        long deadline = System.nanoTime() + 60_000_000_000L;
        while ((!answered.isEmpty() || latencies.size() < created.get()) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        poller.interrupt();
        poller.join();
        return new Latencies(latencies.stream().mapToLong(Long::longValue).toArray(), measuredSent, created.get(),
                sendRate);
    }

    /** Looks for the answered cases in the projection every 20 ms; a found case's latency is now − its answer. */
    private static void poll(BenchPlatform bench, Map<UUID, Long> answered, ConcurrentLinkedQueue<Long> latencies) {
        try (Connection c = bench.connect("reporting"); PreparedStatement s = c.prepareStatement(
                "select case_id from case_state where case_id = any(?)")) {
            while (!Thread.currentThread().isInterrupted()) {
                long next = System.nanoTime() + POLL_NANOS;
                if (!answered.isEmpty()) {
                    Array ids = c.createArrayOf("uuid", answered.keySet().toArray());
                    s.setArray(1, ids);
                    List<UUID> found = new ArrayList<>();
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            found.add(rs.getObject(1, UUID.class));
                        }
                    }
                    long now = System.nanoTime();
                    for (UUID id : found) {
                        Long at = answered.remove(id);
                        if (at != null) {
                            latencies.add((now - at) / 1_000_000);
                        }
                    }
                }
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
            }
        } catch (Exception e) {
            if (!Thread.currentThread().isInterrupted()) {
                throw new IllegalStateException("polling the projection failed", e);
            }
        }
    }

    private static String id(String body) {
        try {
            JsonNode json = ResultWriter.json().readTree(body);
            return json.get("id").asText();
        } catch (Exception e) {
            throw new IllegalStateException("no id in " + body, e);
        }
    }

    /** One case as a provincial system posts it; {@code tag} and {@code n} make it unique. */
    public static String single(String tag, int run, long n) {
        String received = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).minusDays(3).toString();
        return "{\"sourceSystem\":\"bench\",\"sourceReference\":\"" + tag + "-" + n + "\",\"provinceCode\":\"VN-HN\","
                + "\"receivingBodyCode\":\"HN-INSPECTORATE\",\"channel\":\"LETTER\",\"kind\":\"COMPLAINT\","
                + "\"receivedOn\":\"" + received + "\",\"subject\":\"Compensation for recovered land, plot " + tag + "-"
                + n + "\",\"complainant\":{\"fullName\":\"Tran Thi " + n + "\",\"idNumber\":\""
                + String.format("%02d9%09d", run, n) + "\",\"address\":\"" + n + " Hang Bai\"}}";
    }
}
