package vn.inspectorate.dashboard.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The periods a reader can pick, as the reporting API names them: years ({@code 2026}), halves ({@code 2026-H1}),
 * quarters ({@code 2026-Q1}) and months ({@code 2026-03}) of this year and the two before.
 */
public final class Periods {

    private static final Pattern KEY = Pattern.compile("\\d{4}(-(Q[1-4]|H[12]|0[1-9]|1[0-2]))?");

    /** A choice of a select: its value, its words and whether it is the current one. */
    public record Option(String value, String label, boolean selected) {
    }

    private Periods() {
    }

    public static String thisYear() {
        return Integer.toString(LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).getYear());
    }

    /** The asked period when it is one the API knows the form of, else this year. */
    public static String valid(String asked) {
        return asked != null && KEY.matcher(asked).matches() ? asked : thisYear();
    }

    public static List<Option> options(String selected, Texts t) {
        int year = Integer.parseInt(thisYear());
        List<Option> options = new ArrayList<>();
        for (int y = year; y >= year - 2; y--) {
            options.add(option(Integer.toString(y), t.format("period.year", Integer.toString(y)), selected));
            for (int h = 1; h <= 2; h++) {
                options.add(option(y + "-H" + h, t.format("period.half", h, Integer.toString(y)), selected));
            }
            for (int q = 1; q <= 4; q++) {
                options.add(option(y + "-Q" + q, t.format("period.quarter", q, Integer.toString(y)), selected));
            }
            for (int m = 1; m <= 12; m++) {
                options.add(option(String.format("%d-%02d", y, m), t.format("period.month", m, Integer.toString(y)),
                        selected));
            }
        }
        return options;
    }

    /** Words for a period key of the API, e.g. {@code 2026-Q1} as "Quý 1 năm 2026". */
    public static String label(String key, Texts t) {
        if (key == null) {
            return "";
        }
        if (key.length() == 4) {
            return t.format("period.year", key);
        }
        String year = key.substring(0, 4);
        String rest = key.substring(5);
        return switch (rest.charAt(0)) {
            case 'Q' -> t.format("period.quarter", rest.substring(1), year);
            case 'H' -> t.format("period.half", rest.substring(1), year);
            default -> t.format("period.month", Integer.parseInt(rest), year);
        };
    }

    private static Option option(String value, String label, String selected) {
        return new Option(value, label, value.equals(selected));
    }
}
