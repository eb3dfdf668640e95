package vn.inspectorate.bench.core;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import vn.inspectorate.bench.profile.AsyncProfiler;
import vn.inspectorate.bench.profile.AsyncProfiler.Mode;
import vn.inspectorate.bench.profile.CollapsedStacks;
import vn.inspectorate.bench.profile.PgStatements;

/**
 * {@code bench/run --profile} ({@code -Dbench.profile=true}): a scenario's main load step runs again after it was
 * measured, once with async-profiler sampling CPU and once sampling allocations, in every JVM of the platform at once
 * (gateway, services, dashboard, Keycloak, and this harness, which hosts the Kafka broker). async-profiler writes one
 * event per flame graph outside JFR, hence two repetitions. Their figures are not used. Flame graphs go to
 * {@code results/flames/<scenario>-<process>-{cpu,alloc}.html}; each profile's summary and PostgreSQL's top statements
 * go into the scenario's result.
 */
public final class Profiling {

    public static final String PROPERTY = "bench.profile";
    static final String HARNESS = "harness (Kafka broker)";
    private static final int TOP = 15;

    private Profiling() {
    }

    public static boolean requested() {
        return Boolean.getBoolean(PROPERTY);
    }

    /** Runs {@code step} under the CPU profile, then again under the allocation profile, on every JVM. */
    public static void profile(BenchPlatform bench, ScenarioResult result, String scenario, Step step) {
        try {
            profileEveryJvm(bench, result, scenario, step);
        } catch (RuntimeException e) {
            // The measured figures stand without the profile.
            result.note("the profiles could not be taken: " + e.getMessage());
        }
    }

    private static void profileEveryJvm(BenchPlatform bench, ScenarioResult result, String scenario, Step step) {
        Path work = bench.work().resolve("profile");
        Path flames = bench.work().resolveSibling("results").resolve("flames");
        AsyncProfiler profiler = AsyncProfiler.extract(work);
        Map<String, Long> jvms = jvms(bench);
        boolean statements = resetStatements(bench, result);
        for (Mode mode : Mode.values()) {
            Map<String, Long> started = new LinkedHashMap<>();
            Map<String, Double> cpuBefore = new LinkedHashMap<>();
            each(jvms, (name, pid) -> {
                profiler.start(pid, mode, work.resolve(file(scenario, name, mode, "log")));
                return null;
            }).forEach((name, outcome) -> {
                if (outcome instanceof Exception e) {
                    result.note("async-profiler could not start in " + name + ": " + e.getMessage());
                } else {
                    started.put(name, jvms.get(name));
                    cpuBefore.put(name, CpuTime.seconds(jvms.get(name)));
                }
            });
            long began = System.nanoTime();
            try {
                step.run();
            } catch (Exception e) {
                result.note("the " + mode.fileName() + "-profiled step failed: " + e);
            }
            double seconds = (System.nanoTime() - began) / 1e9;
            if (mode == Mode.CPU && statements) {
                result.profileOrNote("PostgreSQL (during the CPU-profiled step)", () -> {
                    try (Connection c = bench.connect("postgres")) {
                        return PgStatements.summary(c, TOP);
                    }
                });
            }
            each(started, (name, pid) -> {
                double cpu = CpuTime.seconds(pid) - cpuBefore.get(name);
                String collapsed = profiler.stop(pid, mode, work.resolve(file(scenario, name, mode, "collapsed")),
                        flames.resolve(file(scenario, name, mode, "html")));
                CollapsedStacks stacks = CollapsedStacks.parse(collapsed);
                return stacks.summary(header(mode, name, seconds, cpu, stacks.total()), mode == Mode.ALLOC, TOP);
            }).forEach((name, outcome) -> {
                if (outcome instanceof Exception e) {
                    result.note("the " + mode.fileName() + " profile of " + name + " could not be taken: "
                            + e.getMessage());
                } else {
                    result.profile(name + " (" + mode.fileName() + ")", (String) outcome);
                }
            });
        }
        result.note("profiled with async-profiler (--profile): the load step ran twice more after the measured run, "
                + "once sampling CPU and once allocations, in " + String.join(", ", jvms.keySet())
                + "; the figures of those runs are not used. Flame graphs: results/flames/" + scenario
                + "-<process>-{cpu,alloc}.html.");
    }

    static String file(String scenario, String process, Mode mode, String extension) {
        String slug = process.replaceAll("\\s*\\(.*\\)", "").replaceAll("[^A-Za-z0-9-]+", "-").toLowerCase(
                java.util.Locale.ROOT);
        return scenario + "-" + slug + "-" + mode.fileName() + "." + extension;
    }

    private static String header(Mode mode, String name, double seconds, double cpuSeconds, long samples) {
        if (mode == Mode.ALLOC) {
            return String.format("async-profiler allocations of %s over %.1f s (sampled every %s allocated; weights "
                    + "in bytes)", name, seconds, "512 KiB");
        }
        // CPU-time timers fire at most once per scheduler tick, so at 2 ms samples × interval under-count the CPU
        // (about half of it on these machines); the shares are unbiased, and /proc gives the absolute figure.
        return String.format("async-profiler CPU of %s over %.1f s (ctimer, a sample per 2 ms of a thread's CPU, at "
                + "most one per scheduler tick): %,d samples; /proc counts %.2f s of CPU for the process meanwhile "
                + "(samples × 2 ms = %.0f %% of it): read the shares", name, seconds, samples, cpuSeconds,
                cpuSeconds == 0 ? 0 : 100 * samples * 0.002 / cpuSeconds);
    }

    /** Clears pg_stat_statements if the server preloads it; otherwise says so in the result. */
    private static boolean resetStatements(BenchPlatform bench, ScenarioResult result) {
        try (Connection c = bench.connect("postgres")) {
            if (PgStatements.reset(c)) {
                return true;
            }
            result.note("PostgreSQL does not preload pg_stat_statements in this run, so it has no statement profile.");
        } catch (Exception e) {
            result.note("pg_stat_statements could not be read: " + e.getMessage());
        }
        return false;
    }

    /**
     * Every JVM of the platform by a readable name: the services by module, Keycloak, and this JVM (the harness,
     * which also runs the Kafka broker).
     */
    static Map<String, Long> jvms(BenchPlatform bench) {
        Map<String, Long> jvms = new LinkedHashMap<>();
        ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false))
                .forEach(p -> jvms.put(name(p.info().commandLine().orElse(""), p.pid()), p.pid()));
        jvms.put(HARNESS, ProcessHandle.current().pid());
        return jvms;
    }

    /** A service's module from its {@code <module>/target/quarkus-app/quarkus-run.jar}, else Keycloak, else the pid. */
    static String name(String commandLine, long pid) {
        int jar = commandLine.indexOf("/target/quarkus-app/quarkus-run.jar");
        if (jar > 0) {
            String before = commandLine.substring(0, jar);
            return before.substring(before.lastIndexOf('/') + 1);
        }
        if (commandLine.contains("-Dkc.") || commandLine.contains("keycloak")) {
            return "keycloak";
        }
        return "java-" + pid;
    }

    /** Runs {@code action} for every JVM at once (attaching takes a few seconds each); the value or the exception. */
    private static Map<String, Object> each(Map<String, Long> jvms, PidAction action) {
        Map<String, Future<Object>> futures = new LinkedHashMap<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            jvms.forEach((name, pid) -> futures.put(name, pool.submit(() -> action.apply(name, pid))));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        futures.forEach((name, f) -> {
            try {
                out.put(name, Optional.ofNullable(f.get()).orElse(""));
            } catch (java.util.concurrent.ExecutionException e) {
                out.put(name, e.getCause() instanceof Exception ex ? ex : new IllegalStateException(e.getCause()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                out.put(name, e);
            }
        });
        return out;
    }

    /** A scenario's load step, run once per profile. */
    @FunctionalInterface
    public interface Step {
        void run() throws Exception;
    }

    @FunctionalInterface
    private interface PidAction {
        Object apply(String name, long pid) throws Exception;
    }
}
