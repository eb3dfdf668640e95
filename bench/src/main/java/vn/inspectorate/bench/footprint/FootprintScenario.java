package vn.inspectorate.bench.footprint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.inspectorate.bench.core.BenchPlatform;
import vn.inspectorate.bench.core.Goal;
import vn.inspectorate.bench.core.ProcStatus;
import vn.inspectorate.bench.core.Scenario;
import vn.inspectorate.bench.core.ScenarioResult;
import vn.inspectorate.bench.core.Table;
import vn.inspectorate.bench.profile.FlightRecorder;
import vn.inspectorate.deploy.Platform;

/**
 * Scenario 5: each service restarted on the running platform (PostgreSQL, Kafka and Keycloak up), timed from the JVM's
 * launch to its readiness check answering 200, then its resident memory once idle.
 */
public final class FootprintScenario implements Scenario {

    static final double READY_GOAL_SECONDS = 3.0;
    static final double RSS_GOAL_MIB = 250.0;
    private static final Pattern STARTED = Pattern.compile("started in ([0-9.]+)s");

    @Override
    public String name() {
        return "footprint";
    }

    @Override
    public ScenarioResult run(BenchPlatform bench) throws Exception {
        ScenarioResult result = new ScenarioResult(name(), "time to ready and idle resident memory per service");
        Table table = new Table("service", "launch to ready (s)", "Quarkus 'started in' (s)", "idle RSS (MiB)",
                "heap committed (MiB)");
        FlightRecorder jfr = FlightRecorder.ofThisJvm();
        int idleSeconds = Integer.getInteger("bench.footprint.idle-seconds", 10);
        for (Platform.Service service : Platform.SERVICES) {
            String module = service.module();
            Path log = bench.platform().logs().resolve(module + ".log");
            int startsBefore = startedIn(log).size();
            long began = System.nanoTime();
            bench.platform().restart(module);
            double ready = (System.nanoTime() - began) / 1e9;
            // Quarkus may log its start line just after the readiness check first answers.
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (startedIn(log).size() <= startsBefore && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            List<Double> starts = startedIn(log);
            Optional<Double> quarkus = starts.size() > startsBefore ? Optional.of(starts.get(starts.size() - 1))
                    : Optional.empty();
            long pid = bench.pid(module);
            // Idle means idle: the JIT and the first scheduled jobs settle before the figure is read.
            Thread.sleep(idleSeconds * 1000L);
            double rss = ProcStatus.rssMib(pid);
            String heap = jfr.heapInfo(pid);
            double committed = committedHeapMib(heap);
            table.row(module, ready, quarkus.map(Object.class::cast).orElse("n/a"), rss, committed);
            result.figure(module + ".readySeconds", ready);
            quarkus.ifPresent(q -> result.figure(module + ".quarkusStartedInSeconds", q));
            result.figure(module + ".idleRssMiB", rss);
            Goal readyGoal = Goal.atMost(module + " launch to ready", READY_GOAL_SECONDS, ready, "s");
            Goal rssGoal = Goal.atMost(module + " idle RSS", RSS_GOAL_MIB, rss, "MiB");
            result.goal(readyGoal).goal(rssGoal);
            if (!rssGoal.met()) {
                result.profile(module + " (memory)", "RSS " + Math.round(rss) + " MiB; jcmd GC.heap_info:\n" + heap);
            }
        }
        result.table("per service, restarted one at a time on the running platform", table);
        result.note("launch to ready: from the restart of the JVM (`java -Xmx256m -jar quarkus-run.jar`, as the "
                + "platform starts it) to `/q/health/ready` answering 200, polled every 300 ms; Quarkus' own figure "
                + "is from its log. Idle RSS is read from /proc/<pid>/status " + idleSeconds + " s after ready.");
        result.note("a JFR profile of a JVM's first seconds needs -XX:StartFlightRecording on the service's command "
                + "line, which the launcher does not pass; slow starts are therefore explained by Quarkus' own "
                + "'started in' figure beside the launch-to-ready time (the rest is JVM launch and class loading).");
        return result;
    }

    /** Every start Quarkus logged, in order: the platform appends a restarted service's output to the same log. */
    static List<Double> startedIn(Path log) throws IOException {
        if (!Files.exists(log)) {
            return List.of();
        }
        List<Double> starts = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            Matcher m = STARTED.matcher(line);
            if (m.find()) {
                starts.add(Double.parseDouble(m.group(1)));
            }
        }
        return starts;
    }

    /** {@code garbage-first heap   total reserved 262144K, committed 65536K, used 30000K} → committed MiB. */
    static double committedHeapMib(String heapInfo) {
        Matcher m = Pattern.compile("committed (\\d+)K").matcher(heapInfo);
        return m.find() ? Long.parseLong(m.group(1)) / 1024.0 : Double.NaN;
    }
}
