package vn.inspectorate.bench.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
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
import java.util.OptionalDouble;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import vn.inspectorate.bench.core.BenchPlatform;
import vn.inspectorate.bench.core.Figures;
import vn.inspectorate.bench.core.Goal;
import vn.inspectorate.bench.core.Percentiles;
import vn.inspectorate.bench.core.Profiling;
import vn.inspectorate.bench.core.Projection;
import vn.inspectorate.bench.core.ResultWriter;
import vn.inspectorate.bench.core.RunTags;
import vn.inspectorate.bench.core.Scenario;
import vn.inspectorate.bench.core.ScenarioResult;
import vn.inspectorate.bench.core.Settings;
import vn.inspectorate.bench.core.Sql;
import vn.inspectorate.bench.core.Table;
import vn.inspectorate.bench.load.ScheduledSends;
import vn.inspectorate.bench.profile.FlightRecorder;

/**
 * Scenario 3: the path of an event. First the outbox relay's throughput on a backlog of batch-filed cases against
 * Kafka's own producer benchmark on the same broker; then single cases at a fixed rate through the gateway, each timed
 * from its POST's response to its row in the reporting projection ({@code case_state}), at half the capacity intake
 * measured in the same run (which must itself be at least {@value #RATE_GOAL}/s). A fixed rate above the capacity
 * (the former 500/s step) timed only a queue growing for the whole run, and its backlog cost minutes to drain.
 */
public final class EventPathScenario implements Scenario {

    static final double P99_GOAL_MS = 100;
    /** The rate the latency goal must be met at, at least. */
    static final double RATE_GOAL = 150;
    static final double DEFAULT_RATE = 150;
    static final double SHARE_OF_CAPACITY = 0.5;
    static final String RATE_PROPERTY = "bench.events.sustained-rate";
    private static final long POLL_NANOS = 20_000_000L;
    private static final int MAX_IN_FLIGHT = 128;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Supplier<OptionalDouble> intakeCapacity;

    /** {@code intakeCapacity}: the gateway's cases/s that intake measured earlier in this run, if it ran. */
    public EventPathScenario(Supplier<OptionalDouble> intakeCapacity) {
        this.intakeCapacity = intakeCapacity;
    }

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
        RelayedRecords relayed = RelayedRecords.read(bench.platform().kafka().bootstrapServers(), relayTopic, backlog,
                Duration.ofMinutes(10));
        long relayRows = relayed.count();
        double relaySeconds = relayed.seconds();
        double avgPayload;
        try (Connection c = bench.connect("complaints"); PreparedStatement s = c.prepareStatement("""
                select avg(length(payload)) from platform_outbox where id > ? and topic = 'bench.relay'""")) {
            s.setLong(1, lastId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                avgPayload = rs.getDouble(1);
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
                .row("Kafka ProducerPerformance (acks=all, idempotent, uncompressed, linger 5 ms)", kafka.records(),
                        kafka.recordsPerSecond(), Math.round(avgPayload)));
        result.figure("relayRows", relayRows).figure("relaySeconds", relaySeconds)
                .figure("relayRecordsPerSecond", relayRate).figure("kafkaRecordsPerSecond", kafka.recordsPerSecond())
                .figure("relayVsKafka", relayVsKafka);

        // 2. The projection must have caught up with the backlog before latency means anything.
        double catchUpSeconds = Projection.awaitCaughtUp(bench);
        result.figure("projectionCatchUpSeconds", catchUpSeconds);

        // 3. Latency at half the platform's capacity, open model: sends are scheduled, not waiting for answers.
        int warmup = Settings.warmupSeconds();
        int seconds = Settings.seconds();
        double rate = sustainedRate(intakeCapacity.get(), System.getProperty(RATE_PROPERTY));
        String rateSource = rateSource(intakeCapacity.get(), System.getProperty(RATE_PROPERTY));
        String token = bench.clientToken("province-hn");
        FlightRecorder jfr = FlightRecorder.ofThisJvm();
        long reportingPid = bench.pid("reporting-service");
        long complaintsPid = bench.pid("complaints-service");
        jfr.start(reportingPid);
        jfr.start(complaintsPid);
        Latencies latencies = measure(bench, token, rate, warmup, seconds);
        Percentiles p = latencies.fromAnswer();
        Percentiles ps = latencies.fromSchedule();
        result.table("POST → row in the reporting projection, through the gateway for " + seconds + " s after "
                + warmup + " s warm-up", new Table("cases/s scheduled", "cases sent", "answered 201", "failed",
                "seen in projection", "p50 (ms)", "p99 (ms)", "max (ms)", "p99 from the scheduled send (ms)",
                "achieved send rate (/s)")
                .row(Figures.format(rate) + " (" + rateSource + ")", latencies.sent(), latencies.created(),
                        latencies.failed(), p.count(), at(p, 50), at(p, 99), at(p, 100), at(ps, 99),
                        latencies.sendRate()));
        result.figure("latencyRateSource", rateSource);
        result.figure("latency", Map.of("rate", rate, "sent", latencies.sent(),
                "created", latencies.created(), "failed", latencies.failed(), "seen", p.count(), "p50Ms", at(p, 50),
                "p99Ms", at(p, 99), "maxMs", at(p, 100), "p99FromScheduleMs", at(ps, 99),
                "sendRate", latencies.sendRate()));
        Goal goal = Goal.atMost("POST → projection p99 at half the capacity", P99_GOAL_MS, at(p, 99), "ms")
                .withErrors(latencies.failed());
        result.goal(goal);
        result.goal(Goal.atLeast("rate of that measurement (achieved sends)", RATE_GOAL, latencies.sendRate(),
                "/s"));
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
            Projection.awaitCaughtUp(bench);
            Profiling.profile(bench, result, name(), () -> measure(bench, token, rate, warmup, seconds));
        }
        result.note("relay: " + backlog + " rows (a copy of a real case.received payload each) inserted into the "
                + "complaints outbox in one transaction, for a topic of their own; throughput = records / (send time "
                + "of the last record on the topic − that of the first). The relay commits one Kafka transaction per "
                + "500 rows and then marks them sent in PostgreSQL; ProducerPerformance sends without transactions "
                + "or a database, so the ratio is the price of the outbox's guarantees.");
        result.note("projection caught up with the backlog in " + String.format("%.1f", catchUpSeconds) + " s "
                + "before the latency run; latency is measured from the moment the POST's response arrived to the "
                + "first poll (every 20 ms) that finds the case in case_state, so it includes up to 20 ms of polling "
                + "(the column from the scheduled send adds the POST itself and any send held back). The rate is "
                + "half the gateway's capacity measured by intake in this run (" + RATE_PROPERTY + " "
                + "overrides it; without intake it defaults to " + Figures.format(DEFAULT_RATE) + "/s). Sends are "
                + "scheduled at the rate, with at most " + MAX_IN_FLIGHT + " requests in flight: an achieved send "
                + "rate below the scheduled one means the platform could not answer that fast.");
        return result;
    }

    /**
     * The rate of the latency run: {@code bench.events.sustained-rate} if set; else half the gateway's capacity that
     * intake measured in this run; else {@value #DEFAULT_RATE}/s.
     */
    static double sustainedRate(OptionalDouble intakeCapacity, String configured) {
        if (configured != null && !configured.isBlank()) {
            return Double.parseDouble(configured.strip());
        }
        return intakeCapacity.isPresent() ? intakeCapacity.getAsDouble() * SHARE_OF_CAPACITY : DEFAULT_RATE;
    }

    private static String rateSource(OptionalDouble intakeCapacity, String configured) {
        if (configured != null && !configured.isBlank()) {
            return RATE_PROPERTY;
        }
        return intakeCapacity.isPresent()
                ? "half of intake's " + Figures.format(intakeCapacity.getAsDouble()) + "/s through the gateway"
                : "default: intake did not run before";
    }

    private static double at(Percentiles p, double percentile) {
        return p.count() == 0 ? Double.NaN : p.at(percentile);
    }

    /** A case answered 201 and not yet seen in the projection: when its send was due and when its answer came. */
    record Pending(long dueNanos, long answeredNanos) {
    }

    /** Latencies to the projection in ms, from the POST's answer and from its scheduled send. */
    record Latencies(Percentiles fromAnswer, Percentiles fromSchedule, long sent, long created, long failed,
            double sendRate) {
    }

    private Latencies measure(BenchPlatform bench, String token, double rate, int warmupSeconds, int seconds)
            throws Exception {
        String url = bench.platform().gatewayUrl() + "/api/v1/cases";
        int run = RunTags.next();
        String tag = RunTags.tag("l", run);
        Map<UUID, Pending> answered = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<long[]> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong created = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        ScheduledSends.Schedule schedule = ScheduledSends.Schedule.of(rate, warmupSeconds + seconds);
        long warmupSends = Math.round(rate * warmupSeconds);
        Thread poller = Thread.ofPlatform().name("projection-poller").start(() -> poll(bench, answered, latencies));
        ScheduledSends.Sent sent = ScheduledSends.send(http, schedule, MAX_IN_FLIGHT,
                i -> HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(single(tag, run, i))).build(),
                reply -> {
                    if (reply.index() < warmupSends) {
                        return;
                    }
                    if (reply.status(201)) {
                        created.incrementAndGet();
                        answered.put(UUID.fromString(id(reply.response().body())),
                                new Pending(reply.dueNanos(), reply.answeredNanos()));
                    } else {
                        failed.incrementAndGet();
                    }
                });
        long deadline = System.nanoTime() + 60_000_000_000L;
        while ((!answered.isEmpty() || latencies.size() < created.get()) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        poller.interrupt();
        poller.join();
        return new Latencies(new Percentiles(latencies.stream().mapToLong(l -> l[0]).toArray()),
                new Percentiles(latencies.stream().mapToLong(l -> l[1]).toArray()),
                schedule.total() - warmupSends, created.get(), failed.get(), sent.ratePerSecond());
    }

    /**
     * Looks for the answered cases in the projection every 20 ms; a found case's latency is now − its answer (and
     * now − its scheduled send).
     */
    private static void poll(BenchPlatform bench, Map<UUID, Pending> answered,
            ConcurrentLinkedQueue<long[]> latencies) {
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
                        Pending at = answered.remove(id);
                        if (at != null) {
                            latencies.add(new long[] {(now - at.answeredNanos()) / 1_000_000,
                                    (now - at.dueNanos()) / 1_000_000});
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
