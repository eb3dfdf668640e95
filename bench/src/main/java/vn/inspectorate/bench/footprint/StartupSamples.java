package vn.inspectorate.bench.footprint;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CPU samples of a service's start ({@code jfr print --events jdk.ExecutionSample} of a recording begun at launch):
 * which threads took them, and, for the main thread that runs the start, which Quarkus start-up step each falls in
 * (the outermost {@code io.quarkus.runner.recorded.<Processor>$<step>.deploy} frame of its stack) and how many pass
 * through class loading.
 */
final class StartupSamples {

    static final String BOOTSTRAP = "JVM and Quarkus bootstrap (no recorded step on the stack)";
    private static final Pattern STEP = Pattern.compile("io\\.quarkus\\.runner\\.recorded\\.(\\w+)\\$([a-zA-Z]+)");
    private static final Pattern THREAD = Pattern.compile("sampledThread = \"([^\"]*)\"");

    private final int samples;
    private final Map<String, Integer> threads;
    private final int mainSamples;
    private final Map<String, Integer> mainSteps;
    private final int mainClassLoading;

    private StartupSamples(int samples, Map<String, Integer> threads, int mainSamples, Map<String, Integer> mainSteps,
            int mainClassLoading) {
        this.samples = samples;
        this.threads = threads;
        this.mainSamples = mainSamples;
        this.mainSteps = mainSteps;
        this.mainClassLoading = mainClassLoading;
    }

    static StartupSamples parse(String jfrPrintOutput) {
        Map<String, Integer> threads = new HashMap<>();
        Map<String, Integer> steps = new HashMap<>();
        int samples = 0;
        int main = 0;
        int classLoading = 0;
        String thread = "?";
        List<String> stack = null;
        for (String raw : jfrPrintOutput.split("\n")) {
            String line = raw.strip();
            Matcher t = THREAD.matcher(line);
            if (t.find()) {
                thread = t.group(1);
            } else if (line.startsWith("stackTrace = [")) {
                stack = new ArrayList<>();
            } else if (stack != null && line.equals("]")) {
                if (!stack.isEmpty()) {
                    samples++;
                    threads.merge(threadGroup(thread), 1, Integer::sum);
                    if (thread.equals("main")) {
                        main++;
                        steps.merge(step(stack), 1, Integer::sum);
                        if (stack.stream().anyMatch(f -> f.startsWith("java.lang.ClassLoader.")
                                || f.startsWith("jdk.internal.loader.")
                                || f.startsWith("io.quarkus.bootstrap.runner.RunnerClassLoader."))) {
                            classLoading++;
                        }
                    }
                }
                stack = null;
                thread = "?";
            } else if (stack != null && !line.isEmpty() && !line.equals("...")) {
                stack.add(line);
            }
        }
        return new StartupSamples(samples, threads, main, steps, classLoading);
    }

    /** The outermost recorded step (the stack is printed innermost first), without its generated hash. */
    static String step(List<String> stack) {
        for (int i = stack.size() - 1; i >= 0; i--) {
            Matcher m = STEP.matcher(stack.get(i));
            if (m.find()) {
                return m.group(1) + "." + m.group(2);
            }
        }
        return BOOTSTRAP;
    }

    /** {@code smallrye-kafka-consumer-thread-0} and {@code -1} are one group; so are the JIT's C2 threads. */
    static String threadGroup(String name) {
        return name.replaceAll("[-\\s]*\\d+$", "");
    }

    int samples() {
        return samples;
    }

    Map<String, Integer> mainSteps() {
        return mainSteps;
    }

    String summary(int n) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%d CPU samples of Java threads, %d on the main thread", samples,
                mainSamples));
        out.append(String.format(Locale.ROOT, "; %.0f %% of the main thread's pass through class loading%n",
                percent(mainClassLoading, mainSamples)));
        out.append("main thread by start-up step:\n");
        top(mainSteps, n).forEach(e -> out.append(String.format(Locale.ROOT, "  %5.1f %%  %s%n",
                percent(e.getValue(), mainSamples), e.getKey())));
        out.append("threads (JIT compiler threads are native and not sampled):\n");
        top(threads, 6).forEach(e -> out.append(String.format(Locale.ROOT, "  %5.1f %%  %s%n",
                percent(e.getValue(), samples), e.getKey())));
        return out.toString();
    }

    private static List<Map.Entry<String, Integer>> top(Map<String, Integer> counts, int n) {
        return counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey())).limit(n).toList();
    }

    private static double percent(int part, int whole) {
        return whole == 0 ? 0 : 100.0 * part / whole;
    }
}
