package vn.inspectorate.e2e;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import vn.inspectorate.deploy.Platform;

/** Where the reporting service's projections stand on a topic, read in its database, for checks after the fact. */
public final class ReportingPositions {

    /**
     * Waits until the reporting projections reflect every committed record {@code topic} has now. Compared with the
     * offset after each partition's last record, not the end offsets: the relay writes in transactions, and the marker
     * that ends each one takes an offset no consumer is ever given.
     */
    public static void awaitWholeTopic(Platform platform, String topic, Duration deadline) {
        Map<Integer, Long> end = new HashMap<>();
        TopicRecords.read(platform.kafka().bootstrapServers(), topic, r -> true)
                .forEach(r -> end.merge(r.partition(), r.offset() + 1, Math::max));
        Eventually.poll("the reporting projections reflect " + topic + " to " + end, deadline,
                () -> reflected(platform, topic),
                at -> end.entrySet().stream().allMatch(e -> at.getOrDefault(e.getKey(), -1L) >= e.getValue()));
    }

    /**
     * The next offset the reporting projections will read on each partition of {@code topic}: committed with the counts
     * in the same transaction, so it says exactly what the counts reflect.
     */
    public static Map<Integer, Long> reflected(Platform platform, String topic) {
        Map<Integer, Long> at = new HashMap<>();
        try (Connection c = DriverManager.getConnection(platform.postgres().jdbcUrl("reporting"), "postgres", "");
                PreparedStatement st = c.prepareStatement(
                        "select partition, next_offset from consumer_position where topic = ?")) {
            st.setString(1, topic);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    at.put(rs.getInt(1), rs.getLong(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the reporting database", e);
        }
        return at;
    }

    private ReportingPositions() {
    }
}
