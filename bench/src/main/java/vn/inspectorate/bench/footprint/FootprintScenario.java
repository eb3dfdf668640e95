package vn.inspectorate.bench.footprint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.inspectorate.bench.core.BenchPlatform;
import vn.inspectorate.bench.core.Figures;
import vn.inspectorate.bench.core.Goal;
import vn.inspectorate.bench.core.ProcStatus;
import vn.inspectorate.bench.core.Scenario;
import vn.inspectorate.bench.core.ScenarioResult;
import vn.inspectorate.bench.core.Table;
import vn.inspectorate.bench.load.Commands;
import vn.inspectorate.bench.profile.FlightRecorder;
import vn.inspectorate.deploy.Platform;
import vn.inspectorate.deploy.ServiceJvm;

/**
 * Scenario 5: each service stopped and started again on the running platform (PostgreSQL, Kafka and Keycloak up),
 * timed from the JVM's launch to its readiness check answering 200, then its resident memory once idle. The stop of
 * the old JVM is timed on its own: it is the old instance's graceful shutdown, not the new one's start. A bare Quarkus
 * REST application started the same way in the same run is the yardstick: start-up moves with the machine (the same
 * commit took twice as long on another machine of the same kind), its ratio to Quarkus' own much less. A second
 * yardstick, an application with the services' extensions and one of each thing they do, shows how much of a start is
 * the stack itself and how much the service's own.
 */
public final class FootprintScenario implements Scenario {

    static final double READY_GOAL_SECONDS = 2.0;
    static final double READY_VS_BARE_GOAL = 1.5;
    static final double RSS_GOAL_MIB = 200.0;
    static final String FLOOR_DATABASE = "bench_floor_app";

    @Override
    public String name() {
        return "footprint";
    }

    @Override
    public ScenarioResult run(BenchPlatform bench) throws Exception {
        ScenarioResult result = new ScenarioResult(name(), "time to ready and idle resident memory per service");
        Table table = new Table("application", "stop of the old JVM (s)", "launch to ready (s, median)",
                "each start (s)", "ready / bare app", "ready / floor app", "CPU to ready (s, median)", "CPU / bare app",
                "Quarkus 'started in' (s)", "idle RSS (MiB)", "anon / file (MiB)", "heap committed (MiB)");
        Table steps = new Table("application", "in timed steps (ms)", "the longest steps (ms)");
        FlightRecorder jfr = FlightRecorder.ofThisJvm();
        int idleSeconds = Integer.getInteger("bench.footprint.idle-seconds", 10);
        int startsEach = Math.max(1, Integer.getInteger("bench.footprint.starts", 3));
        // a service is measured against the yardsticks started with the same JIT compilers as the service
        Map<ServiceJvm.Jit, Starts> bare = new EnumMap<>(ServiceJvm.Jit.class);
        Map<ServiceJvm.Jit, Starts> floor = new EnumMap<>(ServiceJvm.Jit.class);
        YardstickApp bareApp = new YardstickApp(YardstickApp.Kind.BARE, bench.root(), work(bench), Map.of());
        YardstickApp floorApp = new YardstickApp(YardstickApp.Kind.FLOOR, bench.root(), work(bench),
                floorEnvironment(bench));
        for (Platform.Service service : Platform.SERVICES) {
            if (!bare.containsKey(service.jit())) {
                Starts bareStarts = yardstick(bareApp, null, table, steps, result, jfr, service.jit(), startsEach,
                        idleSeconds);
                bare.put(service.jit(), bareStarts);
                floor.put(service.jit(), yardstick(floorApp, bareStarts, table, steps, result, jfr, service.jit(),
                        startsEach, idleSeconds));
            }
        }
        String command = "";
        for (Platform.Service service : Platform.SERVICES) {
            String module = service.module();
            Starts starts = new Starts();
            Path log = bench.platform().logs().resolve(module + ".log");
            int startsLogged = startsLogged(log);
            List<Double> stops = new ArrayList<>();
            Start start = null;
            for (int i = 0; i < startsEach; i++) {
                stops.add(stop(bench, module));
                start = start(bench, module);
                starts.add(start.ready(), start.cpuSeconds());
            }
            command = start.command();
            stepsRow(steps, result, module, module, log, startsLogged);
            // Idle means idle: the JIT and the first scheduled jobs settle before the figure is read.
            Thread.sleep(idleSeconds * 1000L);
            String status = Files.readString(Path.of("/proc", Long.toString(start.pid()), "status"));
            double rss = ProcStatus.rssMib(start.pid());
            String heap = jfr.heapInfo(start.pid());
            String anonFile = anonFile(status);
            Starts.Ratios ratios = starts.over(bare.get(service.jit()));
            Starts.Ratios overFloor = starts.over(floor.get(service.jit()));
            table.row(module, Starts.median(stops), starts.medianReady(), eachStart(starts), ratios.wall(),
                    overFloor.wall(), starts.medianCpu(), ratios.cpu(),
                    start.quarkus().map(Object.class::cast).orElse("n/a"), rss, anonFile, committedHeapMib(heap));
            result.figure(module + ".stopSeconds", Starts.median(stops));
            result.figure(module + ".readySeconds", starts.medianReady());
            result.figure(module + ".eachStartSeconds", starts.readySeconds());
            start.quarkus().ifPresent(q -> result.figure(module + ".quarkusStartedInSeconds", q));
            result.figure(module + ".cpuToReadySeconds", starts.medianCpu());
            result.figure(module + ".readyVsBareApp", ratios.wall());
            result.figure(module + ".cpuToReadyVsBareApp", ratios.cpu());
            result.figure(module + ".readyVsFloorApp", overFloor.wall());
            result.figure(module + ".idleRssMiB", rss);
            Goal readyGoal = Goal.atMost(module + " launch to ready", READY_GOAL_SECONDS, starts.medianReady(), "s");
            Goal ratioGoal = Goal.atMost(module + " launch to ready / bare app", READY_VS_BARE_GOAL, ratios.wall(),
                    "×");
            Goal rssGoal = Goal.atMost(module + " idle RSS", RSS_GOAL_MIB, rss, "MiB");
            result.goal(readyGoal).goal(ratioGoal).goal(rssGoal);
            if (!rssGoal.met()) {
                result.profile(module + " (memory)", "RSS " + Math.round(rss) + " MiB (" + anonFile
                        + " anonymous / file-backed); jcmd GC.heap_info:\n" + heap);
            }
            if (!readyGoal.met() || !ratioGoal.met()) {
                result.profileOrNote(module + " (start-up)", () -> startupProfile(bench, module));
            }
        }
        result.table("per application, started " + startsEach + " times one at a time on the running platform "
                + "(services: stopped and started again; the two yardsticks first)", table);
        result.table("Quarkus's own timing of the steps of a start (" + BenchPlatform.TIME_EACH_START_STEP
                + "), the median of each step over the " + startsEach + " starts above", steps);
        result.note("launch to ready: from the launch of the new JVM to `/q/health/ready` on its management port answering 200, polled every "
                + Platform.READY_POLL.toMillis() + " ms, after the old JVM has stopped (its graceful stop is the column before: Kafka consumers "
                + "leaving their group, pools closing); the median of " + startsEach + " starts, the figures of the "
                + "last start's JVM after. The command of the last service, as the launcher builds it "
                + "(ServiceJvm): `" + command + "`; a service with JIT C1 also has `"
                + String.join(" ", ServiceJvm.Jit.C1.options()) + "` after the defaults. CPU to ready is the "
                + "JVM's user + system time at that moment (every thread: JIT compilers included), a figure less shaken by a busy machine than the wall clock. Idle RSS is read "
                + "from /proc/<pid>/status " + idleSeconds + " s after ready.");
        result.note("bare app: `" + YardstickApp.Kind.BARE.module + "`, a Quarkus application with quarkus-rest (one "
                + "endpoint) and smallrye-health on the management port only, packaged like the services (the same "
                + "class-data archive) and started with the same command and readiness poll, once for each set of JIT "
                + "compilers the services run (ServiceJvm.Jit: " + jits() + "); a service's ratios are its medians "
                + "over those of the yardstick with its JIT. The launcher also makes sure a service's database exists "
                + "before it launches the JVM (inside the service's time, a few ms).");
        result.note("floor app: `" + YardstickApp.Kind.FLOOR.module + "`, the extensions of platform-lib, which every "
                + "service but the dashboard runs (Hibernate ORM with Panache, Flyway, Hibernate Validator, Kafka "
                + "messaging, OIDC, the scheduler, OpenAPI, Micrometer, health), each used once: one entity and its "
                + "migration, run at start; one validated, secured endpoint; one batch consumer of a topic; one "
                + "scheduled job. It gets a database of its own, the broker and the realm as a service does, and is "
                + "started like the bare app. A yardstick's first launch after a build records its trained AOT cache "
                + "(from a start alone, with no load, where a service's is trained under the scenario's load) and is "
                + "not among the measured starts, as a service's is not. Its ratio to the bare app is what the stack "
                + "costs a start before any of a service's own code; a service's ratio to it, what the service "
                + "adds.");
        result.note("a missed start-up goal is profiled by starting the service once more, starting JFR in it with "
                + "jcmd as soon as the JVM answers (the first fraction of a second is not recorded; "
                + "-XX:StartFlightRecording would disable the AOT cache), and summarising the main thread's CPU "
                + "samples up to ready by the Quarkus start-up step they fall in; those figures are not used.");
        return result;
    }

    /**
     * A yardstick started {@code times} times with the JIT compilers {@code jit} (the last one's memory read once
     * idle), its row showing its ratios to {@code bare} (1 for the bare app itself, which has no ratio to the floor
     * app). A build's first launch, which records the trained AOT cache, is started in addition and not measured.
     */
    private static Starts yardstick(YardstickApp app, Starts bare, Table table, Table steps, ScenarioResult result,
            FlightRecorder jfr, ServiceJvm.Jit jit, int times, int idleSeconds) throws Exception {
        Starts starts = new Starts();
        int startsLogged = startsLogged(app.log());
        while (starts.readySeconds().size() < times) {
            YardstickApp.Start start = app.start(jit);
            if (start.training()) {
                // a build's first launch records its AOT cache, as a service's does, and is not measured either
                YardstickApp.stop(start.process());
                startsLogged = startsLogged(app.log());
                continue;
            }
            starts.add(start.readySeconds(), start.cpuSeconds());
            if (starts.readySeconds().size() < times) {
                YardstickApp.stop(start.process());
                continue;
            }
            String status;
            double rss;
            String heap;
            try {
                Thread.sleep(idleSeconds * 1000L);
                long pid = start.process().pid();
                status = Files.readString(Path.of("/proc", Long.toString(pid), "status"));
                rss = ProcStatus.rssMib(pid);
                heap = jfr.heapInfo(pid);
            } finally {
                YardstickApp.stop(start.process());
            }
            Starts.Ratios overBare = bare == null ? new Starts.Ratios(1.0, 1.0) : starts.over(bare);
            String label = yardstickLabel(app.kind(), jit);
            table.row(label, "n/a", starts.medianReady(), eachStart(starts), overBare.wall(),
                    bare == null ? "n/a" : 1.0, starts.medianCpu(), overBare.cpu(), "n/a", rss, anonFile(status),
                    committedHeapMib(heap));
            String figures = yardstickFigures(app.kind(), jit);
            stepsRow(steps, result, label, figures, app.log(), startsLogged);
            result.figure(figures + ".readySeconds", starts.medianReady())
                    .figure(figures + ".eachStartSeconds", starts.readySeconds())
                    .figure(figures + ".cpuToReadySeconds", starts.medianCpu())
                    .figure(figures + ".idleRssMiB", rss);
            if (bare != null) {
                result.figure(figures + ".readyVsBareApp", overBare.wall())
                        .figure(figures + ".cpuToReadyVsBareApp", overBare.cpu());
            }
        }
        return starts;
    }

    private static Path work(BenchPlatform bench) {
        return bench.work().resolve("footprint");
    }

    /** What the launcher gives a service with a database: a database of its own, the broker and the realm. */
    private static Map<String, String> floorEnvironment(BenchPlatform bench) {
        bench.platform().postgres().createDatabase(FLOOR_DATABASE);
        return bench.platform().infrastructureEnvironment(FLOOR_DATABASE);
    }

    /**
     * A row of the steps table from the starts in {@code log} after the first {@code startsBefore} (a log keeps the
     * starts of earlier runs and of the platform's own start): the time from Quarkus's first step to its last and the
     * longest steps; their medians as figures too.
     */
    private static void stepsRow(Table steps, ScenarioResult result, String application, String figures, Path log,
            int startsBefore) throws IOException {
        Map<String, Double> medians = Files.exists(log)
                ? StartupSteps.after(Files.readAllLines(log), startsBefore) : Map.of();
        if (medians.isEmpty()) {
            steps.row(application, "n/a", "none logged");
            return;
        }
        steps.row(application, StartupSteps.total(medians), StartupSteps.summary(medians, 8));
        result.figure(figures + ".startupStepsMs", medians);
    }

    private static int startsLogged(Path log) throws IOException {
        return Files.exists(log) ? StartupSteps.parse(Files.readAllLines(log)).size() : 0;
    }

    /** Which services run which JIT compilers, e.g. {@code complaints-service TIERED, inspection-service C1}. */
    static String jits() {
        return String.join(", ", Platform.SERVICES.stream().map(s -> s.module() + " " + s.jit()).toList());
    }

    static String yardstickLabel(YardstickApp.Kind kind, ServiceJvm.Jit jit) {
        return jit == ServiceJvm.Jit.TIERED ? kind.label + " (yardstick)"
                : kind.label + ", JIT " + jit + " (yardstick of the services with it)";
    }

    /**
     * {@code bareApp} for the default JIT, as before there were two, {@code bareAppC1} for C1 alone; {@code floorApp}
     * and {@code floorAppC1} likewise.
     */
    static String yardstickFigures(YardstickApp.Kind kind, ServiceJvm.Jit jit) {
        return jit == ServiceJvm.Jit.TIERED ? kind.figures : kind.figures + jit;
    }

    private static String eachStart(Starts starts) {
        return String.join(", ", starts.readySeconds().stream().map(Figures::format).toList());
    }

    private static String anonFile(String status) {
        return Math.round(kb(status, "RssAnon") / 1024.0) + " / " + Math.round(kb(status, "RssFile") / 1024.0);
    }

    private record Start(double ready, Optional<Double> quarkus, double cpuSeconds, long pid, String command) {
    }

    /** Stops the service's JVM (SIGTERM, as the platform stops it) and returns how long it took to exit. */
    private static double stop(BenchPlatform bench, String module) throws Exception {
        Optional<ProcessHandle> running = bench.process(module);
        if (running.isEmpty()) {
            return Double.NaN;
        }
        long began = System.nanoTime();
        running.get().destroy();
        running.get().onExit().get(120, TimeUnit.SECONDS);
        return (System.nanoTime() - began) / 1e9;
    }

    /** Starts the (stopped) service through the platform, which returns once it is ready. */
    private static Start start(BenchPlatform bench, String module) throws Exception {
        Path log = bench.platform().logs().resolve(module + ".log");
        int startsBefore = startedIn(log).size();
        long began = System.nanoTime();
        bench.platform().restart(module);
        double ready = (System.nanoTime() - began) / 1e9;
        ProcessHandle process = bench.process(module).orElseThrow();
        double cpu = process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L) / 1e9;
        // Quarkus may log its start line just after the readiness check first answers.
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (startedIn(log).size() <= startsBefore && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        List<Double> starts = startedIn(log);
        Optional<Double> quarkus = starts.size() > startsBefore ? Optional.of(starts.get(starts.size() - 1))
                : Optional.empty();
        String command = process.info().commandLine().orElse("?")
                .replace(bench.platform().logs().getParent().toString(), "<data>");
        return new Start(ready, quarkus, cpu, process.pid(), shorten(command));
    }

    /**
     * One more start, recorded with JFR and summarised up to ready. The recording is started through {@code jcmd} as
     * soon as the new JVM answers (a fraction of a second after launch) rather than with
     * {@code -XX:StartFlightRecording}: that option adds the {@code jdk.jfr} module, and a JVM whose modules differ from
     * the archive's training run refuses the AOT cache, which would profile a different start than the one measured.
     */
    private static String startupProfile(BenchPlatform bench, String module) throws Exception {
        Path file = bench.platform().logs().getParent().resolve("footprint").resolve(module + "-startup.jfr")
                .toAbsolutePath();
        Files.createDirectories(file.getParent());
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        String jfrTool = Path.of(System.getProperty("java.home"), "bin", "jfr").toString();
        stop(bench, module);
        java.util.concurrent.CompletableFuture<Long> recorded = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> attachRecording(bench, module, jcmd));
        Start start = start(bench, module);
        long attachedAfterMs = recorded.get(30, TimeUnit.SECONDS);
        Commands.check(List.of(jcmd, Long.toString(start.pid()), "JFR.dump", "name=startup", "filename=" + file),
                java.util.Map.of(), null, 120);
        Commands.run(List.of(jcmd, Long.toString(start.pid()), "JFR.stop", "name=startup"), java.util.Map.of(), null,
                60);
        String printed = Commands.check(List.of(jfrTool, "print", "--events", "jdk.ExecutionSample", "--stack-depth",
                "200", file.toString()), java.util.Map.of(), null, 300);
        return String.format(java.util.Locale.ROOT, "recording: %s, from %.1f s after launch (this start: %.2f s to "
                + "ready, %.2f s CPU)%n%s", file.getFileName(), attachedAfterMs / 1000.0, start.ready(),
                start.cpuSeconds(), StartupSamples.parse(printed).summary(12));
    }

    /** Waits for the service's new JVM and starts a recording in it; returns the milliseconds since it was seen. */
    private static long attachRecording(BenchPlatform bench, String module, String jcmd) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            Optional<ProcessHandle> process = bench.process(module);
            if (process.isPresent()) {
                long pid = process.get().pid();
                long launched = process.get().info().startInstant().map(java.time.Instant::toEpochMilli)
                        .orElse(System.currentTimeMillis());
                Commands.Output started = Commands.run(List.of(jcmd, Long.toString(pid), "JFR.start", "name=startup",
                        "settings=profile"), java.util.Map.of(), null, 30);
                if (started.exitCode() == 0) {
                    return System.currentTimeMillis() - launched;
                }
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException(module + ": no JVM to record within 20 s");
    }

    private static String shorten(String command) {
        return command.replaceAll("\\S*/(target/quarkus-app/)", "<module>/$1");
    }

    static long kb(String status, String field) {
        return status.lines().filter(l -> l.startsWith(field + ":")).findFirst()
                .map(l -> Long.parseLong(l.substring(field.length() + 1).replace("kB", "").strip())).orElse(0L);
    }

    /** Every start Quarkus logged, in order: the platform appends a restarted service's output to the same log. */
    static List<Double> startedIn(Path log) throws IOException {
        if (!Files.exists(log)) {
            return List.of();
        }
        List<Double> starts = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            Matcher m = StartupSteps.STARTED.matcher(line);
            if (m.find()) {
                starts.add(Double.parseDouble(m.group(1)));
            }
        }
        return starts;
    }

    /**
     * Committed heap in MiB from {@code jcmd GC.heap_info}: G1 prints {@code garbage-first heap total reserved 262144K,
     * committed 65536K, ...}; the serial collector one {@code total NK} line per generation ({@code DefNew},
     * {@code Tenured}), summed.
     */
    static double committedHeapMib(String heapInfo) {
        Matcher g1 = Pattern.compile("committed (\\d+)K").matcher(heapInfo);
        if (g1.find()) {
            return Long.parseLong(g1.group(1)) / 1024.0;
        }
        Matcher generation = Pattern.compile("(?m)^\\s*\\w+\\s+total (\\d+)K").matcher(heapInfo);
        long kb = 0;
        boolean any = false;
        while (generation.find()) {
            kb += Long.parseLong(generation.group(1));
            any = true;
        }
        return any ? kb / 1024.0 : Double.NaN;
    }
}
