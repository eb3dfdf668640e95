package vn.inspectorate.bench.core;

import java.util.Locale;

/**
 * A target a figure of a scenario is held to: at least or at most a value. A missed goal says by how much, relative
 * to the target, so the table reads "missed by 35 %" rather than two numbers to compare.
 */
public record Goal(String name, Direction direction, double target, double actual, String unit) {

    public enum Direction { AT_LEAST, AT_MOST }

    public static Goal atLeast(String name, double target, double actual, String unit) {
        return new Goal(name, Direction.AT_LEAST, target, actual, unit);
    }

    public static Goal atMost(String name, double target, double actual, String unit) {
        return new Goal(name, Direction.AT_MOST, target, actual, unit);
    }

    public boolean met() {
        return direction == Direction.AT_LEAST ? actual >= target : actual <= target;
    }

    /** How far the actual value is from the target, in percent of the target (0 when met). */
    public double missedByPercent() {
        if (met() || target == 0) {
            return 0;
        }
        return Math.abs(actual - target) / Math.abs(target) * 100;
    }

    public String verdict() {
        if (met()) {
            return "met";
        }
        String relation = direction == Direction.AT_LEAST ? "short by" : "over by";
        double by = missedByPercent();
        return String.format(Locale.ROOT, by < 10 ? "MISSED: %s %.1f %%" : "MISSED: %s %.0f %%", relation, by);
    }

    public String describe() {
        return String.format(Locale.ROOT, "%s %s %s %s", name, direction == Direction.AT_LEAST ? "≥" : "≤",
                Figures.format(target), unit).trim();
    }
}
