package vn.inspectorate.bench.core;

import java.util.Locale;

/** Number formatting for tables: few significant digits, since the machine's noise is larger than the rest. */
public final class Figures {

    public static String format(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        double abs = Math.abs(value);
        if (abs >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (abs >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private Figures() {
    }
}
