package vn.inspectorate.bench.profile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Aggregates the text of {@code jfr print --events jdk.ExecutionSample}: which frames the CPU samples land in (self:
 * the top frame) and which frames they pass through (total: anywhere in the printed stack, once per sample).
 */
public final class ExecutionSamples {

    public record Share(String frame, int samples, double percent) {
    }

    private static final Comparator<Map.Entry<String, Integer>> BY_COUNT = Map.Entry.<String, Integer>comparingByValue()
            .reversed().thenComparing(Map.Entry.comparingByKey());

    private final int samples;
    private final Map<String, Integer> self;
    private final Map<String, Integer> total;

    private ExecutionSamples(int samples, Map<String, Integer> self, Map<String, Integer> total) {
        this.samples = samples;
        this.self = self;
        this.total = total;
    }

    public static ExecutionSamples parse(String jfrPrintOutput) {
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> total = new HashMap<>();
        int samples = 0;
        List<String> stack = null;
        for (String raw : jfrPrintOutput.split("\n")) {
            String line = raw.strip();
            if (line.startsWith("stackTrace = [")) {
                stack = new ArrayList<>();
            } else if (stack != null && line.equals("]")) {
                if (!stack.isEmpty()) {
                    samples++;
                    self.merge(stack.get(0), 1, Integer::sum);
                    Set<String> seen = new HashSet<>(stack);
                    seen.forEach(f -> total.merge(f, 1, Integer::sum));
                }
                stack = null;
            } else if (stack != null && !line.isEmpty() && !line.equals("...")) {
                stack.add(frame(line));
            }
        }
        return new ExecutionSamples(samples, self, total);
    }

    /** {@code pkg.Class.method(args) line: 12} becomes {@code pkg.Class.method}: lines split one method's samples. */
    static String frame(String line) {
        String f = line;
        int paren = f.indexOf('(');
        if (paren > 0) {
            f = f.substring(0, paren);
        }
        return f.strip();
    }

    public int samples() {
        return samples;
    }

    public List<Share> topSelf(int n) {
        return top(self, n);
    }

    public List<Share> topTotal(int n) {
        return top(total, n);
    }

    private List<Share> top(Map<String, Integer> counts, int n) {
        return counts.entrySet().stream()
                .sorted(BY_COUNT)
                .limit(n).map(e -> new Share(e.getKey(), e.getValue(), samples == 0 ? 0 : 100.0 * e.getValue() / samples))
                .toList();
    }

    /**
     * A short text: the sampling rate (JFR samples running Java threads every 10 ms with the profile settings, so few
     * samples per second mean the JVM seldom had a CPU), the top self frames, then the top platform frames by total.
     */
    public String summary(int n, double seconds) {
        StringBuilder out = new StringBuilder();
        out.append(samples).append(" CPU samples");
        if (seconds > 0) {
            out.append(String.format(Locale.ROOT, " in %.0f s of recording (%.1f per second)", seconds,
                    samples / seconds));
        }
        out.append("\nself (top frame):\n");
        topSelf(n).forEach(s -> out.append(String.format(Locale.ROOT, "  %5.1f %%  %s%n", s.percent(), s.frame())));
        out.append("total, platform code (frame anywhere in the stack):\n");
        total.entrySet().stream().filter(e -> e.getKey().startsWith("vn.inspectorate."))
                .sorted(BY_COUNT)
                .limit(n).forEach(e -> out.append(String.format(Locale.ROOT, "  %5.1f %%  %s%n",
                        samples == 0 ? 0 : 100.0 * e.getValue() / samples, e.getKey())));
        return out.toString();
    }
}
