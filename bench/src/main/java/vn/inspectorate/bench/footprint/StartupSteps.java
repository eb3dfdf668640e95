package vn.inspectorate.bench.footprint;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import vn.inspectorate.bench.core.Figures;

/**
 * Quarkus's own timing of each step of a start, which the bench has every service and the yardstick applications
 * print ({@link vn.inspectorate.bench.core.BenchPlatform#TIME_EACH_START_STEP}: a line a recorded build step, static
 * and runtime init alike, as it completes). Unlike a recording attached once the JVM answers, it covers the whole
 * start, and every start of the run, at the cost of a clock read and a log line a step.
 */
final class StartupSteps {

    private static final Pattern STEP = Pattern.compile("Build step (\\S+) completed in: (\\d+)ms");
    /** Quarkus's line at the end of a start, with its own count of the seconds it took. */
    static final Pattern STARTED = Pattern.compile("started in ([0-9.]+)s");

    private StartupSteps() {
    }

    /**
     * Each start's steps in a log that several starts appended to, in order: a start ends where Quarkus logs that it
     * started, or where a step it already ran comes again (a start that failed before its end).
     */
    static List<Map<String, Long>> parse(List<String> log) {
        List<Map<String, Long>> starts = new ArrayList<>();
        Map<String, Long> current = new LinkedHashMap<>();
        for (String line : log) {
            Matcher step = STEP.matcher(line);
            if (step.find()) {
                if (current.containsKey(step.group(1))) {
                    starts.add(current);
                    current = new LinkedHashMap<>();
                }
                current.put(step.group(1), Long.parseLong(step.group(2)));
            } else if (STARTED.matcher(line).find() && !current.isEmpty()) {
                starts.add(current);
                current = new LinkedHashMap<>();
            }
        }
        if (!current.isEmpty()) {
            starts.add(current);
        }
        return starts;
    }

    /** The steps' medians over the starts in a log after its first {@code startsBefore}. */
    static Map<String, Double> after(List<String> log, int startsBefore) {
        List<Map<String, Long>> starts = parse(log);
        return medians(starts.subList(Math.min(startsBefore, starts.size()), starts.size()));
    }

    /** Each step's median over the starts (0 where a start did not run it), the longest first. */
    static Map<String, Double> medians(List<Map<String, Long>> starts) {
        Map<String, List<Long>> byStep = new LinkedHashMap<>();
        starts.forEach(s -> s.keySet().forEach(step -> byStep.putIfAbsent(step, new ArrayList<>())));
        starts.forEach(s -> byStep.forEach((step, times) -> times.add(s.getOrDefault(step, 0L))));
        Map<String, Double> medians = new LinkedHashMap<>();
        byStep.entrySet().stream().map(e -> Map.entry(e.getKey(), median(e.getValue())))
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> medians.put(e.getKey(), e.getValue()));
        return medians;
    }

    /** The {@code top} longest steps with their ms, by the step's class without its {@code Processor} suffix. */
    static String summary(Map<String, Double> medians, int top) {
        return medians.entrySet().stream().limit(top)
                .map(e -> e.getKey().replace("Processor.", ".") + " " + Figures.format(e.getValue()))
                .collect(Collectors.joining(", "));
    }

    /**
     * The sum of the steps' medians. Quarkus times each step from the end of the one before, so this is the start
     * from its first step to its last; the rest is the JVM's own start before it and the wait for ready after it.
     */
    static double total(Map<String, Double> medians) {
        return medians.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    private static double median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }
}
