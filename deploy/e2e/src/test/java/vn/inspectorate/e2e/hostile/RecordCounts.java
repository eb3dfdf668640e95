package vn.inspectorate.e2e.hostile;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Row counts of the services' main tables, read straight from their databases. */
final class RecordCounts {

    /** database → main tables: the records a write operation creates (their child rows follow them). */
    static final Map<String, List<String>> TABLES = Map.of(
            "complaints", List.of("citizen_case", "watchlist_entry", "watchlist_progress"),
            "inspection", List.of("inspection_plan", "planned_inspection", "inspection", "inspection_extension",
                    "conclusion", "recovery_payment"),
            "declarations", List.of("declarant", "declaration", "declaration_reminder", "verification_plan",
                    "verification"),
            "reporting", List.of("report_snapshot"),
            "gateway", List.of("webhook_subscription"));

    /**
     * Rows a table counts: a case that arrived by a transfer is made by the transfer's event at the receiving body, a
     * while after the transfer was answered, not by a request (the transfer end-to-end test follows those).
     */
    private static final Map<String, String> WHERE = Map.of(
            "complaints.citizen_case", " where transferred_from_case_id is null");

    static Map<String, Long> count(Function<String, String> jdbcUrl) {
        Map<String, Long> counts = new LinkedHashMap<>();
        TABLES.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(db -> {
            try (Connection c = DriverManager.getConnection(jdbcUrl.apply(db.getKey()), "postgres", null);
                    Statement s = c.createStatement()) {
                for (String table : db.getValue()) {
                    String name = db.getKey() + "." + table;
                    try (ResultSet r = s.executeQuery("select count(*) from " + table + WHERE.getOrDefault(name, ""))) {
                        r.next();
                        counts.put(name, r.getLong(1));
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("cannot count the tables of " + db.getKey(), e);
            }
        });
        return counts;
    }

    private RecordCounts() {
    }
}
