package vn.inspectorate.bench.intake;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.DoubleSupplier;
import vn.inspectorate.bench.core.BenchPlatform;
import vn.inspectorate.bench.core.CpuPressure;
import vn.inspectorate.bench.core.CpuTime;
import vn.inspectorate.bench.core.Figures;
import vn.inspectorate.bench.core.GcMetrics;
import vn.inspectorate.bench.core.Goal;
import vn.inspectorate.bench.core.PostgresProcesses;
import vn.inspectorate.bench.core.Profiling;
import vn.inspectorate.bench.core.Projection;
import vn.inspectorate.bench.core.Resources;
import vn.inspectorate.bench.core.RunTags;
import vn.inspectorate.bench.core.Scenario;
import vn.inspectorate.bench.core.ScenarioResult;
import vn.inspectorate.bench.core.Settings;
import vn.inspectorate.bench.core.Sql;
import vn.inspectorate.bench.core.Table;
import vn.inspectorate.bench.events.EventPathScenario;
import vn.inspectorate.bench.load.OpenModelLatencies;
import vn.inspectorate.bench.load.PgBench;
import vn.inspectorate.bench.load.ScheduledSends;
import vn.inspectorate.bench.load.PgBenchResult;
import vn.inspectorate.bench.load.Wrk;
import vn.inspectorate.bench.load.WrkResult;
import vn.inspectorate.bench.profile.FlightRecorder;

/**
 * Scenario 1: single-case POSTs at a fixed concurrency directly to the complaints service and through the gateway
 * (wrk), against raw PostgreSQL writing the same rows (pgbench, same concurrency, same server), with the CPU every
 * process of the platform spends per case; then single cases through the gateway on a fixed schedule at half the
 * gateway's measured capacity (open model), whose p99 is what a client sees when the platform is not saturated.
 */
public final class IntakeScenario implements Scenario {

    static final double CPU_PER_CASE_GOAL_MS = 5;
    static final double GATEWAY_GOAL_PER_SECOND = 350;
    static final double GATEWAY_VS_PG_GOAL = 0.2;
    static final double OPEN_MODEL_P99_GOAL_MS = 50;
    static final double OPEN_MODEL_SHARE_OF_CAPACITY = 0.5;
    static final String LOAD_GENERATOR = "wrk (load generator)";
    static final String KAFKA_BROKER = "Kafka broker (in the harness JVM)";
    /** The platform's JVMs a case passes through or sets to work, besides the harness with its broker. */
    private static final List<String> SERVICES = List.of("gateway", "complaints-service", "inspection-service",
            "asset-declaration-service", "reporting-service");
    private static final int OPEN_MODEL_MAX_IN_FLIGHT = 128;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    /** The gateway's cases/s at concurrency c of the last run, for scenarios that load to a share of the capacity. */
    private volatile OptionalDouble capacity = OptionalDouble.empty();

    /** Single cases through the gateway: the path of every intake step and of the events scenario. */
    @Override
    public void train(BenchPlatform bench) {
        load(Wrk.script("intake.lua", bench.work().resolve("training")), bench.platform().gatewayUrl()
                + "/api/v1/cases", Settings.concurrency(), Settings.trainingSeconds(), bench.clientToken("province-hn"))
                .requireAccepted("the training load of single cases");
    }

    /** The gateway's cases/s measured by the last run of this scenario, if it ran (and answered) in this JVM. */
    public OptionalDouble capacity() {
        return capacity;
    }

    @Override
    public String name() {
        return "intake";
    }

    @Override
    public ScenarioResult run(BenchPlatform bench) throws Exception {
        int c = Settings.concurrency();
        int seconds = Settings.seconds();
        int warmup = Settings.warmupSeconds();
        Path work = bench.work().resolve("intake");
        Wrk wrk = Wrk.script("intake.lua", work);
        String token = bench.clientToken("province-hn");
        String direct = bench.platform().serviceUrl("complaints-service") + "/api/v1/cases";
        String gateway = bench.platform().gatewayUrl() + "/api/v1/cases";
        long casesBefore = Sql.count(bench, "complaints", "select count(*) from citizen_case");

        Map<String, DoubleSupplier> processes = processes(bench);
        Map<String, Long> jvms = jvms(bench);
        load(wrk, direct, c, warmup, token);
        // statistics of tables that hold the warm-up's rows, the reporting projection's included
        Projection.awaitCaughtUp(bench);
        bench.analyzeDatabases();
        CpuTime.Snapshot beforeDirect = CpuTime.Snapshot.of(processes);
        CpuTime.ThreadSnapshot jitBeforeDirect = CpuTime.ThreadSnapshot.compilers(jvms);
        PostgresProcesses.Snapshot pgBeforeDirect = PostgresProcesses.Snapshot.of(bench.postgresPid());
        WrkResult d = load(wrk, direct, c, seconds, token);
        Map<String, Double> directCpu = CpuTime.Snapshot.of(processes).minus(beforeDirect);
        Map<String, Double> directJit = CpuTime.ThreadSnapshot.compilers(jvms).minus(jitBeforeDirect);
        Map<String, Double> directPg = PostgresProcesses.Snapshot.of(bench.postgresPid()).minus(pgBeforeDirect);
        load(wrk, gateway, c, warmup, token);
        // read outside the CPU snapshots: the reads cost the services and this JVM CPU of their own
        GcMetrics.Snapshot gcBeforeGateway = GcMetrics.Snapshot.of(bench, SERVICES);
        CpuTime.Snapshot beforeGateway = CpuTime.Snapshot.of(processes);
        CpuTime.ThreadSnapshot jitBeforeGateway = CpuTime.ThreadSnapshot.compilers(jvms);
        PostgresProcesses.Snapshot pgBeforeGateway = PostgresProcesses.Snapshot.of(bench.postgresPid());
        WrkResult g = load(wrk, gateway, c, seconds, token);
        Map<String, Double> gatewayCpu = CpuTime.Snapshot.of(processes).minus(beforeGateway);
        Map<String, Double> gatewayJit = CpuTime.ThreadSnapshot.compilers(jvms).minus(jitBeforeGateway);
        Map<String, Double> gatewayPg = PostgresProcesses.Snapshot.of(bench.postgresPid()).minus(pgBeforeGateway);
        Map<String, GcMetrics> gatewayGc = GcMetrics.Snapshot.of(bench, SERVICES).minus(gcBeforeGateway);
        if (g.okPerSecond() > 0) {
            capacity = OptionalDouble.of(g.okPerSecond());
        }

        // Open model at half the capacity just measured, once the consumers have worked off the closed-model backlog.
        double catchUpSeconds = Projection.awaitCaughtUp(bench);
        double openRate = Math.max(1, g.okPerSecond() * OPEN_MODEL_SHARE_OF_CAPACITY);
        // a warm-up on the same schedule first: the harness's own HTTP client and its connections start cold
        long openWarmupSends = Math.round(openRate * warmup);
        OpenModelLatencies open = new OpenModelLatencies(201, openWarmupSends);
        GcMetrics.Snapshot gcBeforeOpen = GcMetrics.Snapshot.of(bench, SERVICES);
        Map<String, Long> harness = Map.of(KAFKA_BROKER, ProcessHandle.current().pid());
        CpuTime.Snapshot cpuBeforeOpen = CpuTime.Snapshot.of(processes);
        CpuTime.ThreadSnapshot jitBeforeOpen = CpuTime.ThreadSnapshot.compilers(jvms);
        CpuTime.ThreadSnapshot senderBeforeOpen = CpuTime.ThreadSnapshot.of(harness, CpuTime::httpClientThread);
        double pressureBeforeOpen = CpuPressure.someMicros();
        long openBegan = System.nanoTime();
        // the schedule is kept, and each request built, on this thread: the sender's too
        long scheduleThreadBefore = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        ScheduledSends.Sent openSent = openModel(gateway, token, ScheduledSends.Schedule.of(openRate,
                warmup + seconds), open);
        double scheduleThread = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - scheduleThreadBefore)
                / 1e9;
        double openSeconds = (System.nanoTime() - openBegan) / 1e9;
        double openPressure = (CpuPressure.someMicros() - pressureBeforeOpen) / 1e6 / openSeconds;
        Map<String, Double> openCpu = CpuTime.Snapshot.of(processes).minus(cpuBeforeOpen);
        Map<String, Double> openJit = CpuTime.ThreadSnapshot.compilers(jvms).minus(jitBeforeOpen);
        double openSender = CpuTime.ThreadSnapshot.of(harness, CpuTime::httpClientThread).minus(senderBeforeOpen)
                .get(KAFKA_BROKER) + scheduleThread;
        Map<String, GcMetrics> openGc = GcMetrics.Snapshot.of(bench, SERVICES).minus(gcBeforeOpen);

        Sql.execute(bench, "complaints", Resources.text("baseline-schema.sql"));
        PgBench pgbench = new PgBench(bench.platform().postgres().port(), "complaints",
                Resources.extract("baseline.sql", work), work);
        pgbench.run(c, warmup, "warmup");
        PgBenchResult pg = pgbench.run(c, seconds, "measured");
        long pgCases = Sql.count(bench, "complaints", "select count(*) from bench_baseline.citizen_case");
        long pgOutbox = Sql.count(bench, "complaints", "select count(*) from bench_baseline.platform_outbox");
        long casesAfter = Sql.count(bench, "complaints", "select count(*) from citizen_case");

        ScenarioResult result = new ScenarioResult(name(), "single-case intake at concurrency " + c);
        Table table = new Table("path", "requests", "non-2xx", "socket errors", "req/s", "p50 (ms)", "p99 (ms)",
                "max (ms)");
        table.row("gateway → complaints-service", g.requests(), g.non2xx(), g.socketErrorsCell(), g.okPerSecond(),
                g.percentileCell(g.p50Ms()), g.percentileCell(g.p99Ms()), g.percentileCell(g.maxMs()));
        table.row("complaints-service directly", d.requests(), d.non2xx(), d.socketErrorsCell(), d.okPerSecond(),
                d.percentileCell(d.p50Ms()), d.percentileCell(d.p99Ms()), d.percentileCell(d.maxMs()));
        table.row("raw PostgreSQL (pgbench, same rows)", pg.transactions(), pg.failed(), "n/a", pg.tps(), pg.p50Ms(),
                pg.p99Ms(), Double.NaN);
        result.table("throughput and latency (" + seconds + " s measured after " + warmup + " s warm-up each)",
                table);
        double serviceVsPg = d.okPerSecond() / pg.tps();
        double gatewayVsDirect = g.okPerSecond() / d.okPerSecond();
        double gatewayVsPg = g.okPerSecond() / pg.tps();
        result.table("ratios", new Table("ratio", "value")
                .row("service (direct) / raw PostgreSQL", serviceVsPg)
                .row("gateway / service (direct)", gatewayVsDirect)
                .row("gateway / raw PostgreSQL", gatewayVsPg));
        result.table("CPU per case filed, by process (what the throughput costs the machine's "
                + Runtime.getRuntime().availableProcessors() + " cores)", cpuTable(directCpu, d, gatewayCpu, g));
        double gatewayCpuPerCase = platformMsPerCase(gatewayCpu, g);
        double gatewayJitPerCase = jitMsPerCase(gatewayJit, g);
        result.table("of that CPU, the JVMs' JIT compiler threads (C1 and C2)",
                jitTable(directCpu, directJit, d, gatewayCpu, gatewayJit, g));
        result.table("of PostgreSQL's CPU, each of its processes (by the title PostgreSQL gives it: a database's "
                + "connections, or one of the server's own processes)", postgresTable(directPg, d, gatewayPg, g));
        result.table("open model through the gateway: cases on a fixed schedule at " + Figures.format(openRate)
                + "/s (half the gateway's " + Figures.format(g.okPerSecond()) + "/s above), " + seconds
                + " s measured after " + warmup + " s warm-up", new Table("cases/s scheduled", "achieved send rate (/s)",
                "answered 201", "failed", "p50 (ms)", "p99 (ms)", "max (ms)", "p99 from the actual send (ms)",
                "latest send behind schedule (ms)")
                .row(openRate, openSent.ratePerSecond(), open.answered(), open.failed(), open.fromScheduleMs(50),
                        open.fromScheduleMs(99), open.fromScheduleMs(100), open.fromSendMs(99),
                        openSent.maxLagNanos() / 1e6));
        result.table("the open model's CPU per case, by process (its warm-up included): the machine's cores were "
                + "contended " + Figures.format(openPressure * 100) + " % of its " + Figures.format(openSeconds)
                + " s (some runnable task waited for one, /proc/pressure/cpu)",
                openCpuTable(openCpu, openJit, openSender, openSent.count()));
        result.table("the services' garbage collections, per case: through the gateway at concurrency " + c
                + ", and in the open model (its warm-up included)", gcTable(gatewayGc, g.okPerSecond() * g.seconds(),
                openGc, openSent.count()));
        result.figure("gateway", figures(g)).figure("direct", figures(d))
                .figure("cpuSecondsDirect", directCpu).figure("cpuSecondsGateway", gatewayCpu)
                .figure("jitCpuSecondsDirect", directJit).figure("jitCpuSecondsGateway", gatewayJit)
                .figure("jitCpuMsPerCaseGateway", gatewayJitPerCase)
                .figure("postgresCpuSecondsDirect", directPg).figure("postgresCpuSecondsGateway", gatewayPg)
                .figure("gcGateway", gatewayGc).figure("gcOpenModel", openGc)
                .figure("postgres", Map.of("tps", pg.tps(), "p50Ms", pg.p50Ms(), "p99Ms", pg.p99Ms(),
                        "transactions", pg.transactions(), "failed", pg.failed()))
                .figure("serviceVsPostgres", serviceVsPg).figure("gatewayVsDirect", gatewayVsDirect)
                .figure("gatewayVsPostgres", gatewayVsPg).figure("platformCpuMsPerCaseGateway", gatewayCpuPerCase)
                .figure("openModel", Map.of("rate", openRate, "sendRate", openSent.ratePerSecond(),
                        "answered", open.answered(), "failed", open.failed(), "p50Ms", open.fromScheduleMs(50),
                        "p99Ms", open.fromScheduleMs(99), "maxMs", open.fromScheduleMs(100),
                        "p99FromSendMs", open.fromSendMs(99), "projectionCatchUpSeconds", catchUpSeconds))
                .figure("cpuSecondsOpenModel", openCpu).figure("jitCpuSecondsOpenModel", openJit)
                .figure("senderCpuSecondsOpenModel", openSender)
                .figure("cpuPressureOpenModel", openPressure)
                .figure("casesFiledThroughTheApi", casesAfter - casesBefore)
                .figure("baselineCases", pgCases).figure("baselineOutboxRows", pgOutbox);
        result.goal(Goal.atMost("whole-platform CPU per case through the gateway", CPU_PER_CASE_GOAL_MS,
                        gatewayCpuPerCase, "ms"))
                .goal(Goal.atLeast("through the gateway at concurrency " + c, GATEWAY_GOAL_PER_SECOND,
                        g.okPerSecond(), "cases/s").withErrors(g.errors()))
                .goal(Goal.atLeast("gateway / raw PostgreSQL", GATEWAY_VS_PG_GOAL, gatewayVsPg, "×")
                        .withErrors(g.errors() + pg.failed()))
                .goal(Goal.atMost("p99 at half the capacity (open model)", OPEN_MODEL_P99_GOAL_MS,
                        open.fromScheduleMs(99), "ms").withErrors(open.failed()));
        result.note("baseline: per transaction the rows the service writes for one case (source key, case, history, "
                + "identity, two outbox rows) into copies of its tables with the same indexes and foreign keys, in "
                + "a scratch schema of the same database; the service also validates, checks for duplicates and "
                + "encrypts, which pgbench does not.");
        result.note("every service's database was analysed after the first warm-up, once the reporting projection "
                + "held its cases (BenchPlatform.analyzeDatabases): a platform in service has its planner statistics, "
                + "which autovacuum first gathers within a minute of a table's first rows, at a moment of its own.");
        result.note("cases filed through the API in this scenario (warm-up included): " + (casesAfter - casesBefore)
                + "; every measured request answered 2xx unless the non-2xx or socket errors columns say otherwise "
                + "(a percentile measured with errors says so: answers slower than wrk's timeout are not in it).");
        result.note("open model: after the concurrency-" + c + " steps and once the reporting projection had caught "
                + "up with them (" + String.format(Locale.ROOT, "%.1f", catchUpSeconds) + " s), single cases sent "
                + "through the gateway at scheduled times, whether or not earlier ones had been answered (at most "
                + OPEN_MODEL_MAX_IN_FLIGHT + " in flight); each latency counts from the time its request was due, "
                + "so a send held back by a slow platform is not hidden (coordinated omission). The CPU goal is the "
                + "total of the platform's processes through the gateway, without the load generator.");
        result.note("JIT compiler threads: each JVM compiles the code the load runs hot for minutes after it starts, "
                + "so part of a step's CPU is the platform's warm-up, a part that shrinks the longer it has run. "
                + "It is shown apart, from /proc's per-thread counts; the goal is judged on the total, compiling "
                + "included.");
        result.note("garbage collections: each service's counts from Micrometer's JVM metrics on its management "
                + "port (/q/metrics), read before and after each step; a pause is the collector's own time, which "
                + "every request in flight in that JVM waits out; the bytes are what the JVM allocated in its young "
                + "generation, counted at each collection.");
        if (Profiling.requested()) {
            Profiling.profile(bench, result, name(), () -> load(wrk, gateway, c, seconds, token));
        } else if (result.anyGoalMissed()) {
            profile(bench, result, wrk, gateway, token, work);
        }
        return result;
    }

    /**
     * Every process a case passes through or sets to work: the services (the consumers of its events too),
     * PostgreSQL with its backends, this JVM (which runs the Kafka broker) and the load tools it waits for.
     */
    public static Map<String, DoubleSupplier> processes(BenchPlatform bench) {
        Map<String, DoubleSupplier> p = new LinkedHashMap<>();
        for (String module : SERVICES) {
            bench.process(module).ifPresent(h -> p.put(module, () -> CpuTime.seconds(h.pid())));
        }
        long postmaster = bench.postgresPid();
        p.put("PostgreSQL (all backends)", () -> CpuTime.treeSeconds(postmaster));
        long self = ProcessHandle.current().pid();
        p.put(KAFKA_BROKER, () -> CpuTime.seconds(self));
        p.put(LOAD_GENERATOR, () -> CpuTime.childrenSeconds(self));
        return p;
    }

    /** The JVMs among {@link #processes}, by the same names: the ones whose JIT compilers are counted apart. */
    public static Map<String, Long> jvms(BenchPlatform bench) {
        Map<String, Long> jvms = new LinkedHashMap<>();
        for (String module : SERVICES) {
            bench.process(module).ifPresent(h -> jvms.put(module, h.pid()));
        }
        jvms.put(KAFKA_BROKER, ProcessHandle.current().pid());
        return jvms;
    }

    static Table jitTable(Map<String, Double> directCpu, Map<String, Double> directJit, WrkResult d,
            Map<String, Double> gatewayCpu, Map<String, Double> gatewayJit, WrkResult g) {
        Table t = new Table("JVM", "ms per case, directly", "ms per case, through the gateway");
        for (String name : directJit.keySet()) {
            t.row(name, perCaseMs(directJit.get(name), d), perCaseMs(gatewayJit.getOrDefault(name, 0.0), g));
        }
        double directJitTotal = jitMsPerCase(directJit, d);
        double gatewayJitTotal = jitMsPerCase(gatewayJit, g);
        t.row("total of the JIT compilers", directJitTotal, gatewayJitTotal);
        t.row("the platform without its JIT compilers", platformMsPerCase(directCpu, d) - directJitTotal,
                platformMsPerCase(gatewayCpu, g) - gatewayJitTotal);
        return t;
    }

    /**
     * The open model's CPU per case by process, its JIT compilers apart. This JVM hosts the Kafka broker and the open
     * model's sender, whose threads (the JDK HTTP client's, and the one keeping the schedule) are told apart and left
     * out of the platform's total. This JVM's JIT compilers compile the sender's code too, and its collector collects
     * the sender's garbage: both stay in the broker's row.
     */
    static Table openCpuTable(Map<String, Double> cpu, Map<String, Double> jit, double senderSeconds, double cases) {
        Table t = new Table("process", "ms per case", "of it, the JIT compilers");
        double platform = 0;
        double compiling = 0;
        for (Map.Entry<String, Double> e : cpu.entrySet()) {
            if (e.getKey().equals(LOAD_GENERATOR)) {
                continue;
            }
            double seconds = e.getValue() - (e.getKey().equals(KAFKA_BROKER) ? senderSeconds : 0);
            double jitSeconds = jit.getOrDefault(e.getKey(), Double.NaN);
            t.row(e.getKey().equals(KAFKA_BROKER) ? KAFKA_BROKER + ", without the sender" : e.getKey(),
                    perCase(seconds * 1000, cases), perCase(jitSeconds * 1000, cases));
            platform += seconds;
            compiling += Double.isNaN(jitSeconds) ? 0 : jitSeconds;
        }
        t.row("total of the platform", perCase(platform * 1000, cases), perCase(compiling * 1000, cases));
        t.row("the open model's sender (in the harness JVM)", perCase(senderSeconds * 1000, cases), Double.NaN);
        return t;
    }

    /**
     * Each service's collections and allocation per case, in the closed-model step through the gateway and in the open
     * model: how often its requests in flight stood still, and for how long (the pauses are wall time).
     */
    static Table gcTable(Map<String, GcMetrics> gateway, double gatewayCases, Map<String, GcMetrics> open,
            double openCases) {
        Table t = new Table("service", "collections per 1,000 cases, c=" + Settings.concurrency(),
                "of them full, per 1,000 cases", "pause ms per case", "KiB allocated per case",
                "collections per 1,000 cases, open model", "pause ms per case, open model");
        for (String module : gateway.keySet()) {
            GcMetrics c = gateway.get(module);
            GcMetrics o = open.getOrDefault(module, new GcMetrics(0, 0, 0, 0));
            t.row(module, perThousand(c.collections(), gatewayCases), perThousand(c.fullCollections(), gatewayCases),
                    perCase(c.pauseSeconds() * 1000, gatewayCases), perCase(c.allocatedBytes() / 1024, gatewayCases),
                    perThousand(o.collections(), openCases), perCase(o.pauseSeconds() * 1000, openCases));
        }
        return t;
    }

    private static double perThousand(double count, double cases) {
        return cases == 0 ? Double.NaN : count * 1000 / cases;
    }

    private static double perCase(double amount, double cases) {
        return cases == 0 ? Double.NaN : amount / cases;
    }

    /** PostgreSQL's CPU per case by process, every process either step saw, in the order of the gateway's. */
    static Table postgresTable(Map<String, Double> directPg, WrkResult d, Map<String, Double> gatewayPg,
            WrkResult g) {
        Table t = new Table("PostgreSQL process", "ms per case, directly", "ms per case, through the gateway");
        Set<String> roles = new LinkedHashSet<>(gatewayPg.keySet());
        roles.addAll(directPg.keySet());
        for (String role : roles) {
            t.row(role, perCaseMs(directPg.getOrDefault(role, 0.0), d),
                    perCaseMs(gatewayPg.getOrDefault(role, 0.0), g));
        }
        return t;
    }

    static Table cpuTable(Map<String, Double> directCpu, WrkResult d, Map<String, Double> gatewayCpu, WrkResult g) {
        Table t = new Table("process", "ms per case, directly", "ms per case, through the gateway");
        for (String name : directCpu.keySet()) {
            t.row(name, perCaseMs(directCpu.get(name), d), perCaseMs(gatewayCpu.getOrDefault(name, 0.0), g));
        }
        double directTotal = platformMsPerCase(directCpu, d);
        double gatewayTotal = platformMsPerCase(gatewayCpu, g);
        t.row("total of the platform (without the load generator)", directTotal, gatewayTotal);
        int cores = Runtime.getRuntime().availableProcessors();
        t.row("cases/s that CPU allows on " + cores + " cores", cores * 1000 / directTotal, cores * 1000 / gatewayTotal);
        return t;
    }

    /** CPU ms per case filed, summed over the platform's processes: the load generator is the client's, not ours. */
    static double platformMsPerCase(Map<String, Double> cpuSeconds, WrkResult r) {
        double seconds = cpuSeconds.entrySet().stream().filter(e -> !e.getKey().equals(LOAD_GENERATOR))
                .mapToDouble(Map.Entry::getValue).sum();
        return perCaseMs(seconds, r);
    }

    /** The JIT compiler threads' CPU ms per case filed, summed over the JVMs. */
    static double jitMsPerCase(Map<String, Double> jitSeconds, WrkResult r) {
        return perCaseMs(jitSeconds.values().stream().mapToDouble(Double::doubleValue).sum(), r);
    }

    private static double perCaseMs(double cpuSeconds, WrkResult r) {
        double cases = r.okPerSecond() * r.seconds();
        return cases == 0 ? Double.NaN : cpuSeconds * 1000 / cases;
    }

    /** A further run through the gateway with JFR on both JVMs of the path; the figures of this run are not used. */
    private static void profile(BenchPlatform bench, ScenarioResult result, Wrk wrk, String url, String token,
            Path work) {
        FlightRecorder jfr = FlightRecorder.ofThisJvm();
        long service = bench.pid("complaints-service");
        long gateway = bench.pid("gateway");
        jfr.start(service);
        jfr.start(gateway);
        load(wrk, url, Settings.concurrency(), Math.max(10, Settings.seconds() / 2), token);
        result.profileOrNote("complaints-service",
                () -> jfr.stop(service, work.resolve("intake-complaints-service.jfr")));
        result.profileOrNote("gateway", () -> jfr.stop(gateway, work.resolve("intake-gateway.jfr")));
    }

    /** Single cases through the gateway on the schedule, each reply recorded in {@code latencies}. */
    private ScheduledSends.Sent openModel(String url, String token, ScheduledSends.Schedule schedule,
            OpenModelLatencies latencies) throws InterruptedException {
        int run = RunTags.next();
        String tag = RunTags.tag("o", run);
        return ScheduledSends.send(http, schedule, OPEN_MODEL_MAX_IN_FLIGHT,
                i -> HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(EventPathScenario.single(tag, run, i))).build(),
                latencies::record);
    }

    private static WrkResult load(Wrk wrk, String url, int connections, int seconds, String token) {
        int run = RunTags.next();
        return wrk.run(url, connections, seconds, "10s", token, RunTags.tag("i", run), Integer.toString(run),
                "single");
    }

    static Map<String, Object> figures(WrkResult r) {
        return Map.of("requests", r.requests(), "non2xx", r.non2xx(), "socketErrors", r.socketErrors(),
                "timeouts", r.timeouts(), "okPerSecond", r.okPerSecond(), "p50Ms", r.p50Ms(), "p90Ms", r.p90Ms(), "p99Ms", r.p99Ms(),
                "maxMs", r.maxMs(), "seconds", r.seconds());
    }
}
