package vn.inspectorate.dashboard.pages;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A watchlisted case and the whole months since its last progress report: from the API's {@code lastReportMonth}
 * to this month in Vietnam; a case never reported on counts from the month it was added ({@code addedOn}). The API
 * gives no such figure, so the page's caption says how it is derived.
 */
record Silence(JsonNode item, long months) {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    static YearMonth thisMonth() {
        return YearMonth.from(LocalDate.now(VIETNAM));
    }

    /** The entries, longest silent first (the most overdue), in the API's order among equals. */
    static List<Silence> of(JsonNode items, YearMonth now) {
        List<Silence> cases = new ArrayList<>();
        for (JsonNode item : items) {
            cases.add(new Silence(item, monthsSince(item, now)));
        }
        cases.sort(Comparator.comparingLong(Silence::months).reversed());
        return cases;
    }

    static long monthsSince(JsonNode item, YearMonth now) {
        YearMonth from = null;
        try {
            if (item.hasNonNull("lastReportMonth")) {
                from = YearMonth.parse(item.get("lastReportMonth").asText());
            } else if (item.hasNonNull("addedOn")) {
                from = YearMonth.from(LocalDate.parse(item.get("addedOn").asText()));
            }
        } catch (DateTimeParseException unreadable) {
            // shown as no months rather than a wrong count
        }
        return from == null ? 0 : Math.max(0, from.until(now, ChronoUnit.MONTHS));
    }
}
