package vn.inspectorate.dashboard.web;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Numbers, money and dates as a reader of the page's language expects them: {@code 1.234.567} and {@code 31/12/2025}
 * in Vietnamese, {@code 1,234,567} and {@code 31 Dec 2025} in English. The values are the API's; only their writing
 * changes.
 */
public final class Formats {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private final Lang lang;
    private final DateTimeFormatter date;
    private final DateTimeFormatter dateTime;

    public Formats(Lang lang) {
        this.lang = lang;
        this.date = DateTimeFormatter.ofPattern(lang.english() ? "d MMM yyyy" : "dd/MM/yyyy", lang.locale());
        this.dateTime = DateTimeFormatter.ofPattern(lang.english() ? "d MMM yyyy HH:mm" : "HH:mm dd/MM/yyyy",
                lang.locale());
    }

    public String number(long value) {
        return NumberFormat.getIntegerInstance(lang.locale()).format(value);
    }

    public String decimal(BigDecimal value) {
        NumberFormat format = NumberFormat.getNumberInstance(lang.locale());
        format.setMaximumFractionDigits(2);
        return format.format(value);
    }

    /** A value in the figure's unit: VND with thousands separators and the currency named, m² for land. */
    public String amount(long value, String unit) {
        String n = number(value);
        if (unit == null) {
            return n;
        }
        return switch (unit.toUpperCase(java.util.Locale.ROOT)) {
            case "VND" -> lang.english() ? "VND " + n : n + " đồng";
            case "M2" -> n + " m²";
            default -> n;
        };
    }

    /** A change in percent with its sign, e.g. {@code +12,5 %}; a dash when there is nothing to compare with. */
    public String change(Double percent) {
        if (percent == null) {
            return "–";
        }
        NumberFormat format = NumberFormat.getNumberInstance(lang.locale());
        format.setMaximumFractionDigits(1);
        String sign = percent > 0 ? "+" : percent < 0 ? "−" : "";
        return sign + format.format(Math.abs(percent)) + " %";
    }

    public String date(LocalDate value) {
        return value == null ? "" : date.format(value);
    }

    /** An ISO date or date-time of the API, written for the reader; anything else as it came. */
    public String isoText(String text) {
        if (text == null) {
            return "";
        }
        try {
            if (text.length() == 10) {
                return date.format(LocalDate.parse(text));
            }
            if (text.length() > 10 && text.charAt(10) == 'T') {
                return dateTime.format(OffsetDateTime.parse(text).atZoneSameInstant(VIETNAM));
            }
        } catch (DateTimeParseException notADate) {
            // plain text that happens to be that long
        }
        return text;
    }
}
