package vn.inspectorate.bench.core;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Small JDBC helpers for the scenarios' counting and preparation queries. */
public final class Sql {

    public static long count(BenchPlatform platform, String database, String query) throws SQLException {
        try (Connection c = platform.connect(database); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    public static void execute(BenchPlatform platform, String database, String script) throws SQLException {
        try (Connection c = platform.connect(database); Statement s = c.createStatement()) {
            s.execute(script);
        }
    }

    public static long count(Connection c, String query, Object... params) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(query)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private Sql() {
    }
}
