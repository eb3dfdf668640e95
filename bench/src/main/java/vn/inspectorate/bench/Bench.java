package vn.inspectorate.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.inspectorate.bench.backfill.InspectionBackfillScenario;
import vn.inspectorate.bench.bulk.BulkIntakeScenario;
import vn.inspectorate.bench.core.BenchPlatform;
import vn.inspectorate.bench.core.Environment;
import vn.inspectorate.bench.core.GoalChart;
import vn.inspectorate.bench.core.Profiling;
import vn.inspectorate.bench.core.ResultWriter;
import vn.inspectorate.bench.core.Scenario;
import vn.inspectorate.bench.core.ScenarioResult;
import vn.inspectorate.bench.events.EventPathScenario;
import vn.inspectorate.bench.footprint.FootprintScenario;
import vn.inspectorate.bench.intake.IntakeScenario;
import vn.inspectorate.bench.rebuild.ProjectionRebuildScenario;
import vn.inspectorate.bench.reports.ReportsAtScaleScenario;

/**
 * Runs scenarios by name ({@code all}: every one, in an order where each leaves the next a usable platform) against
 * one platform started for the run, printing each result and writing it to {@code bench/target/results}.
 */
public final class Bench {

    /** In the order {@code all} runs them: footprint first (an idle platform), the 10-million-row load last. */
    static final Map<String, Scenario> SCENARIOS = new LinkedHashMap<>();

    static {
        // events loads to half the capacity intake measured, when intake ran before it
        IntakeScenario intake = new IntakeScenario();
        for (Scenario s : List.of(new FootprintScenario(), intake, new BulkIntakeScenario(),
                new InspectionBackfillScenario(), new EventPathScenario(intake::capacity),
                new ProjectionRebuildScenario(), new ReportsAtScaleScenario())) {
            SCENARIOS.put(s.name(), s);
        }
    }

    public static void main(String[] args) throws IOException {
        List<Scenario> chosen = choose(options(args));
        Path root = Path.of(System.getProperty("platform.root", ".")).toAbsolutePath().normalize();
        // A separate folder (-Dbench.target=...) lets two runs share a checkout without sharing a platform.
        Path target = root.resolve(System.getProperty("bench.target", "bench/target"));
        Path results = target.resolve("results");
        Files.createDirectories(results);
        Map<String, Object> machine = Environment.machine();
        System.out.println("machine: " + machine);
        int failures = 0;
        StringBuilder report = new StringBuilder();
        List<ScenarioResult> all = new ArrayList<>();
        String envText = machine.toString();
        try (BenchPlatform platform = BenchPlatform.start(root, target.resolve("work"), SCENARIOS.values())) {
            // Ctrl-C stops the platform's processes too (close() is idempotent once the run ends normally).
            Thread stopOnSignal = new Thread(platform::close, "stop-platform");
            Runtime.getRuntime().addShutdownHook(stopOnSignal);
            Map<String, Object> env = Environment.describe(platform, machine);
            System.out.println("environment: " + env);
            envText = env.toString();
            report.append("environment: ").append(env).append("\n\n");
            ResultWriter writer = new ResultWriter(results);
            for (Scenario scenario : chosen) {
                System.out.println("\n=== " + scenario.name() + " (load average " + Environment.loadAverage()
                        + ") ===");
                ScenarioResult result;
                try {
                    result = scenario.run(platform);
                } catch (Exception e) {
                    failures++;
                    e.printStackTrace();
                    result = new ScenarioResult(scenario.name(), "FAILED").note("failed: " + e);
                }
                result.figure("loadAverageAfter", Environment.loadAverage()).finish();
                String rendered = result.render();
                System.out.println(rendered);
                report.append(rendered);
                all.add(result);
                Path file = writer.write(result, env);
                System.out.println("written: " + root.relativize(file));
            }
        }
        String name = chosen.size() == SCENARIOS.size() ? "all" : String.join("-", chosen.stream().map(Scenario::name)
                .toList());
        Files.writeString(results.resolve(name + ".md"), report.toString());
        Files.writeString(results.resolve(name + ".html"), GoalChart.html(all, envText));
        System.exit(failures == 0 ? 0 : 1);
    }

    /** Takes the switches out of the arguments ({@code --profile}: see {@link Profiling}); the rest name scenarios. */
    static String[] options(String[] args) {
        List<String> rest = new ArrayList<>();
        for (String arg : args) {
            if (arg.equals("--profile")) {
                System.setProperty(Profiling.PROPERTY, "true");
            } else if (arg.startsWith("--")) {
                throw new IllegalArgumentException("unknown switch " + arg + "; known: --profile");
            } else {
                rest.add(arg);
            }
        }
        return rest.toArray(String[]::new);
    }

    static List<Scenario> choose(String[] args) {
        if (args.length == 0) {
            throw new IllegalArgumentException("usage: bench/run [--profile] <" + String.join("|", SCENARIOS.keySet())
                    + "|all> ...");
        }
        List<Scenario> chosen = new ArrayList<>();
        for (String arg : args) {
            if (arg.equals("all")) {
                return List.copyOf(SCENARIOS.values());
            }
            Scenario s = SCENARIOS.get(arg);
            if (s == null) {
                throw new IllegalArgumentException("no scenario '" + arg + "'; known: " + SCENARIOS.keySet()
                        + " or all");
            }
            chosen.add(s);
        }
        return chosen;
    }

    private Bench() {
    }
}
