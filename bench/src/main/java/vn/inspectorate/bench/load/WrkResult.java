package vn.inspectorate.bench.load;

import java.util.HashMap;
import java.util.Map;
import vn.inspectorate.bench.core.Figures;

/**
 * What one wrk run measured, as its Lua {@code done} hook reports it (exact microseconds, not wrk's rounded text):
 * a line {@code BENCH_WRK key=value ...}. {@code socketErrors} counts connect, read and write errors and timeouts;
 * {@code timeouts} those of them that got no answer within wrk's timeout ({@code timeoutMs}). The percentiles rank the
 * timed-out requests as slower than every answer; one that falls among them is beyond the timeout, an infinite
 * figure. The mean is of the answers only.
 */
public record WrkResult(long requests, double seconds, long non2xx, long socketErrors, long timeouts, double meanMs,
        double p50Ms, double p90Ms, double p95Ms, double p99Ms, double maxMs, double timeoutMs) {

    static final String MARKER = "BENCH_WRK ";

    public double requestsPerSecond() {
        return requests / seconds;
    }

    /** Requests answered with 2xx, per second. */
    public double okPerSecond() {
        return (requests - non2xx) / seconds;
    }

    /** Requests that did not end in a 2xx: non-2xx answers, socket errors and timeouts. */
    public long errors() {
        return non2xx + socketErrors;
    }

    /**
     * This run, when the platform accepted its load: fails when an answer was not 2xx or no request was answered at
     * all, since the load was then not the one meant. Timeouts and broken connections pass: a JVM still training is
     * slow.
     */
    public WrkResult requireAccepted(String load) {
        if (non2xx > 0 || requests == socketErrors) {
            throw new IllegalStateException(load + ": " + non2xx + " of " + requests
                    + " requests answered other than 2xx, " + socketErrors + " got no answer");
        }
        return this;
    }

    /** The socket errors as a table cell: {@code 0}, or the count with the timeouts among them. */
    public String socketErrorsCell() {
        return socketErrors == 0 ? "0" : socketErrors + " (" + timeouts + " timeouts)";
    }

    /**
     * A percentile as a table cell: beyond the timeout it says so, and with errors present it says how many, since a
     * broken connection or an error answer is not a latency of the operation measured.
     */
    public String percentileCell(double ms) {
        String value = Double.isInfinite(ms) ? "> " + Figures.format(timeoutMs) + " (timed out)" : Figures.format(ms);
        return errors() == 0 ? value : value + " (" + errors() + " errors)";
    }

    /**
     * Reads the figures from wrk's output for a run with the given timeout; fails when the hook's line is missing or
     * incomplete.
     */
    public static WrkResult parse(String output, double timeoutMs) {
        String line = output.lines().filter(l -> l.startsWith(MARKER)).reduce((a, b) -> b)
                .orElseThrow(() -> new IllegalArgumentException("no " + MARKER.trim() + " line in wrk output:\n"
                        + output));
        Map<String, String> values = new HashMap<>();
        for (String pair : line.substring(MARKER.length()).trim().split("\\s+")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("not key=value: " + pair);
            }
            values.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        long durationUs = number(values, "duration_us").longValue();
        if (durationUs <= 0) {
            throw new IllegalArgumentException("wrk ran for no time: " + line);
        }
        long socket = number(values, "errors_connect").longValue() + number(values, "errors_read").longValue()
                + number(values, "errors_write").longValue() + number(values, "errors_timeout").longValue();
        return new WrkResult(number(values, "requests").longValue(), durationUs / 1e6,
                number(values, "errors_status").longValue(), socket, number(values, "errors_timeout").longValue(),
                ms(values, "mean_us"), ms(values, "p50_us"),
                ms(values, "p90_us"), ms(values, "p95_us"), ms(values, "p99_us"), ms(values, "max_us"), timeoutMs);
    }

    /** Microseconds as milliseconds; the hook's -1 (beyond the timeout) as infinity. */
    private static double ms(Map<String, String> values, String key) {
        double us = number(values, key).doubleValue();
        return us < 0 ? Double.POSITIVE_INFINITY : us / 1000.0;
    }

    private static Number number(Map<String, String> values, String key) {
        String v = values.get(key);
        if (v == null) {
            throw new IllegalArgumentException("wrk result lacks " + key);
        }
        return Double.parseDouble(v);
    }
}
