package vn.inspectorate.platform.sql;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Array;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;

/**
 * The one helper for set-based statements that entities do not express well: bulk inserts, upserts, roll-ups, reads
 * of many rows into records. Every value is a bound parameter; the SQL text is a constant of the calling store (or is
 * assembled only from the store's own constant fragments), never from values. Statements run on the connection of
 * the caller's transaction, so they commit or roll back with its entities and events.
 * <p>
 * Entities the transaction persisted but Hibernate has not flushed yet are not visible here; a store that reads back
 * what it just persisted through entities calls {@link EntityManager#flush()} first.
 */
@ApplicationScoped
public class Sql {

    /** Reads one row into a value. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** A parameter bound as {@code jsonb}. */
    public record Json(String json) {
    }

    /** A parameter bound as a PostgreSQL array of {@code elementType} (e.g. {@code "uuid"}, {@code "text"}). */
    public record ArrayOf(String elementType, Collection<?> values) {
    }

    private final EntityManager em;

    Sql(EntityManager em) {
        this.em = em;
    }

    public <T> List<T> query(String sql, List<?> params, RowMapper<T> mapper) {
        return work(sql, st -> {
            bind(st, params);
            try (ResultSet rs = st.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
                return rows;
            }
        });
    }

    /** The first row's value, if there is a row. */
    public <T> Optional<T> queryFirst(String sql, List<?> params, RowMapper<T> mapper) {
        return query(sql, params, mapper).stream().findFirst();
    }

    /** Runs one statement; returns the number of rows it changed. */
    public int update(String sql, List<?> params) {
        return work(sql, st -> {
            bind(st, params);
            return st.executeUpdate();
        });
    }

    /** Runs one statement once per row of parameters, in one round trip; returns the rows changed by each. */
    public int[] batch(String sql, List<? extends List<?>> rows) {
        if (rows.isEmpty()) {
            return new int[0];
        }
        return work(sql, st -> {
            for (List<?> row : rows) {
                bind(st, row);
                st.addBatch();
            }
            return st.executeBatch();
        });
    }

    /**
     * Holds the transaction-scoped advisory lock named {@code name} until the transaction ends: writers of the same
     * name (a register, a plan of one agency and year) take turns, readers are not held up.
     */
    public void lockUntilCommit(String name) {
        query("select pg_advisory_xact_lock(hashtext(?))", List.of(name), rs -> Boolean.TRUE);
    }

    @FunctionalInterface
    private interface Statement<T> {
        T run(PreparedStatement st) throws SQLException;
    }

    private <T> T work(String sql, Statement<T> statement) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement st = connection.prepareStatement(sql)) {
                return statement.run(st);
            }
        });
    }

    private static void bind(PreparedStatement st, List<?> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            Object p = params.get(i);
            switch (p) {
                case null -> st.setObject(i + 1, null);
                case LocalDate d -> st.setDate(i + 1, Date.valueOf(d));
                case UUID u -> st.setObject(i + 1, u);
                case Json j -> st.setObject(i + 1, j.json(), Types.OTHER);
                case Enum<?> e -> st.setString(i + 1, e.name());
                case ArrayOf a -> {
                    Array array = st.getConnection().createArrayOf(a.elementType(), a.values().toArray());
                    st.setArray(i + 1, array);
                }
                default -> st.setObject(i + 1, p);
            }
        }
    }
}
