package vn.inspectorate.bench.core;

/** The reporting projection, as the scenarios that time something against it need it. */
public final class Projection {

    private static final long TEN_MINUTES_NANOS = 600_000_000_000L;

    /**
     * Waits until the reporting projection ({@code case_state}) holds every case filed so far; returns the seconds
     * waited. A latency measured while it still works through an earlier backlog would time that backlog.
     */
    public static double awaitCaughtUp(BenchPlatform bench) throws Exception {
        long began = System.nanoTime();
        long casesNow = Sql.count(bench, "complaints", "select count(*) from citizen_case");
        long deadline = began + TEN_MINUTES_NANOS;
        long projected;
        while ((projected = Sql.count(bench, "reporting", "select count(*) from case_state")) < casesNow) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the reporting projection did not catch up within 10 minutes: "
                        + projected + " of " + casesNow + " cases");
            }
            Thread.sleep(500);
        }
        return (System.nanoTime() - began) / 1e9;
    }

    private Projection() {
    }
}
