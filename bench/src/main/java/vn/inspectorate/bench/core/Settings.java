package vn.inspectorate.bench.core;

/** Durations and sizes, overridable with system properties ({@code -Dbench.seconds=60}) for longer runs. */
public final class Settings {

    /** Seconds measured per load step. */
    public static int seconds() {
        return Integer.getInteger("bench.seconds", 20);
    }

    /** Seconds of warm-up before each measured step (same load, figures thrown away). */
    public static int warmupSeconds() {
        return Integer.getInteger("bench.warmup-seconds", 8);
    }

    /** Seconds of each scenario's load that trains the services' AOT caches, once per build (0: train on the start only). */
    public static int trainingSeconds() {
        return Integer.getInteger("bench.training-seconds", 20);
    }

    public static int concurrency() {
        return Integer.getInteger("bench.concurrency", 32);
    }

    /** Cases loaded into the reporting projections by the reports scenario. */
    public static long reportCases() {
        return Long.getLong("bench.reports.cases", 10_000_000L);
    }

    private Settings() {
    }
}
