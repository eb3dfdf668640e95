package vn.inspectorate.bench.core;

import java.util.Arrays;

/** Nearest-rank percentiles of a set of samples (the value below which p % of samples fall, never interpolated). */
public final class Percentiles {

    private final long[] sorted;

    public Percentiles(long[] samples) {
        this.sorted = samples.clone();
        Arrays.sort(this.sorted);
    }

    public int count() {
        return sorted.length;
    }

    /** The nearest-rank percentile, {@code p} in (0, 100]. */
    public long at(double p) {
        if (sorted.length == 0) {
            throw new IllegalStateException("no samples");
        }
        if (!(p > 0 && p <= 100)) {
            throw new IllegalArgumentException("percentile must be in (0, 100]: " + p);
        }
        // p / 100 * n in floating point can land just above an integer (99.9 % of 1000 is 999.0000000000001)
        int rank = (int) Math.ceil(p / 100.0 * sorted.length - 1e-9);
        return sorted[Math.max(rank, 1) - 1];
    }

    public long max() {
        return at(100);
    }

    public double mean() {
        return sorted.length == 0 ? Double.NaN : Arrays.stream(sorted).average().orElseThrow();
    }
}
