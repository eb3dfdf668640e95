package vn.inspectorate.reporting.units;

import java.util.Locale;
import java.util.Optional;

/** How figures are placed by province: under the unit a record was filed in, or rolled up to the units in force now. */
public enum UnitMode {
    FILED, CURRENT;

    public static Optional<UnitMode> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.of(FILED);
        }
        try {
            return Optional.of(valueOf(value.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
