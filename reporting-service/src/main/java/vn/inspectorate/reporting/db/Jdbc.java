package vn.inspectorate.reporting.db;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Plain JDBC on the service's datasource. Inside a JTA transaction the connection is enlisted in it, so projection
 * writes commit or roll back with the processed-event row.
 */
@ApplicationScoped
public class Jdbc {

    /** Reads one row into a value. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private final AgroalDataSource dataSource;

    Jdbc(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public AgroalDataSource dataSource() {
        return dataSource;
    }

    public <T> List<T> query(String sql, List<?> params, RowMapper<T> mapper) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            bind(st, params);
            try (ResultSet rs = st.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    public int update(String sql, List<?> params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            bind(st, params);
            return st.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Runs one statement many times with different parameters (one round trip). */
    public void batch(String sql, List<List<?>> rows) {
        if (rows.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            for (List<?> row : rows) {
                bind(st, row);
                st.addBatch();
            }
            st.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static void bind(PreparedStatement st, List<?> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            Object p = params.get(i);
            if (p instanceof LocalDate d) {
                st.setDate(i + 1, Date.valueOf(d));
            } else if (p instanceof UUID u) {
                st.setObject(i + 1, u);
            } else if (p instanceof JsonText j) {
                st.setObject(i + 1, j.json(), java.sql.Types.OTHER);
            } else {
                st.setObject(i + 1, p);
            }
        }
    }

    /** A parameter bound as {@code jsonb}. */
    public record JsonText(String json) {
    }
}
