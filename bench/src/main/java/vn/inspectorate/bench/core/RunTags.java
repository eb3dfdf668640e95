package vn.inspectorate.bench.core;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Tags that make every load run's source references and identity numbers its own, so no run's cases are answered as
 * duplicates of an earlier run's.
 */
public final class RunTags {

    private static final AtomicInteger RUN = new AtomicInteger();
    private static final String START = Long.toString(System.currentTimeMillis() / 1000, 36);

    /** The run's number, 1 to 99 (two digits of the identity numbers). */
    public static int next() {
        int n = RUN.incrementAndGet();
        if (n > 99) {
            throw new IllegalStateException("more than 99 load runs in one JVM");
        }
        return n;
    }

    public static String tag(String prefix, int run) {
        return prefix + START + "r" + run;
    }

    private RunTags() {
    }
}
