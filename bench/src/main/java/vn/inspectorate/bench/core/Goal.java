package vn.inspectorate.bench.core;

import java.util.Locale;

/**
 * A target a figure of a scenario is held to: at least or at most a value. A missed goal says by how much, relative
 * to the target, so the table reads "missed by 35 %" rather than two numbers to compare. A figure measured while
 * requests failed ({@code errors}: non-2xx answers, socket errors, timeouts) meets no goal: the failures are missing
 * from it.
 */
public record Goal(String name, Direction direction, double target, double actual, String unit, long errors) {

    public enum Direction { AT_LEAST, AT_MOST }

    public static Goal atLeast(String name, double target, double actual, String unit) {
        return new Goal(name, Direction.AT_LEAST, target, actual, unit, 0);
    }

    public static Goal atMost(String name, double target, double actual, String unit) {
        return new Goal(name, Direction.AT_MOST, target, actual, unit, 0);
    }

    /** This goal, measured while {@code errors} requests failed. */
    public Goal withErrors(long errors) {
        return new Goal(name, direction, target, actual, unit, errors);
    }

    public boolean met() {
        return errors == 0 && onTarget();
    }

    private boolean onTarget() {
        return direction == Direction.AT_LEAST ? actual >= target : actual <= target;
    }

    /** How far the actual value is from the target, in percent of the target (0 when met). */
    public double missedByPercent() {
        if (onTarget() || target == 0) {
            return 0;
        }
        return Math.abs(actual - target) / Math.abs(target) * 100;
    }

    public String verdict() {
        if (met()) {
            return "met";
        }
        if (onTarget()) {
            return "MISSED: " + errors + " requests failed";
        }
        if (Double.isNaN(actual)) {
            // e.g. a cost per case where no case was filed: nothing to compare
            return "MISSED: not measured" + (errors == 0 ? "" : ", " + errors + " requests failed");
        }
        String relation = direction == Direction.AT_LEAST ? "short by" : "over by";
        double by = missedByPercent();
        return String.format(Locale.ROOT, by < 10 ? "MISSED: %s %.1f %%" : "MISSED: %s %.0f %%", relation, by)
                + (errors == 0 ? "" : ", " + errors + " requests failed");
    }

    public String describe() {
        return String.format(Locale.ROOT, "%s %s %s %s", name, direction == Direction.AT_LEAST ? "≥" : "≤",
                Figures.format(target), unit).trim();
    }
}
