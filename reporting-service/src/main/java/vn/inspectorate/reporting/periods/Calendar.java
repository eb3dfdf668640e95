package vn.inspectorate.reporting.periods;

import java.util.Locale;
import java.util.Optional;

/** Which months a period is made of: plain calendar months, or the sector's statistical months (15th to 14th). */
public enum Calendar {
    CALENDAR, SECTOR;

    public static Optional<Calendar> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.of(CALENDAR);
        }
        try {
            return Optional.of(valueOf(value.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
