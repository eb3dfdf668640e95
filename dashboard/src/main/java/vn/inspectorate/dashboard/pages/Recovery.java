package vn.inspectorate.dashboard.pages;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * What overdue recommendations still have to recover, in VND: for each, the API's recommended amount
 * ({@code amountVnd}) minus its recovered amount ({@code recoveredVnd}), never below zero; none for a recommendation
 * without an amount. The API gives no outstanding figure of its own, so the page says how this one is derived.
 */
record Recovery(List<Row> rows, long outstanding) {

    /** One recommendation as the API listed it, and its outstanding amount (null: no amount to recover). */
    record Row(JsonNode item, Long outstanding) {
    }

    static Recovery of(JsonNode items) {
        List<Row> rows = new ArrayList<>();
        long total = 0;
        for (JsonNode item : items) {
            Long outstanding = null;
            if (item.hasNonNull("amountVnd")) {
                long recovered = item.hasNonNull("recoveredVnd") ? item.get("recoveredVnd").asLong() : 0;
                outstanding = Math.max(0, item.get("amountVnd").asLong() - recovered);
                total += outstanding;
            }
            rows.add(new Row(item, outstanding));
        }
        return new Recovery(List.copyOf(rows), total);
    }
}
