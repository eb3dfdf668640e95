package vn.inspectorate.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.inspectorate.bench.core.Percentiles;

/** What one pgbench run measured: its own tps, and percentiles from its per-transaction log. */
public record PgBenchResult(long transactions, double tps, long failed, double meanMs, double p50Ms, double p99Ms) {

    private static final Pattern TPS = Pattern.compile("^tps = ([0-9.]+) \\(without initial connection time\\)",
            Pattern.MULTILINE);
    private static final Pattern PROCESSED = Pattern.compile(
            "^number of transactions actually processed: (\\d+)", Pattern.MULTILINE);
    private static final Pattern FAILED = Pattern.compile("^number of failed transactions: (\\d+)",
            Pattern.MULTILINE);

    /**
     * Combines pgbench's summary with its transaction log lines ({@code client_id transaction_no time_us script_no
     * epoch epoch_us}, the third field being the latency in microseconds).
     */
    public static PgBenchResult parse(String summary, List<String> logLines) {
        double tps = Double.parseDouble(group(TPS, summary, "tps"));
        long processed = Long.parseLong(group(PROCESSED, summary, "transactions processed"));
        Matcher failed = FAILED.matcher(summary);
        long failures = failed.find() ? Long.parseLong(failed.group(1)) : 0;
        List<Long> latencies = new ArrayList<>();
        for (String line : logLines) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 6 && !f[2].equals("failed") && !f[2].equals("skipped")) {
                latencies.add(Long.parseLong(f[2]));
            }
        }
        if (latencies.isEmpty()) {
            throw new IllegalArgumentException("pgbench logged no transactions");
        }
        Percentiles p = new Percentiles(latencies.stream().mapToLong(Long::longValue).toArray());
        return new PgBenchResult(processed, tps, failures, p.mean() / 1000, p.at(50) / 1000.0, p.at(99) / 1000.0);
    }

    private static String group(Pattern pattern, String text, String what) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            throw new IllegalArgumentException("no " + what + " in pgbench output:\n" + text);
        }
        return m.group(1);
    }
}
