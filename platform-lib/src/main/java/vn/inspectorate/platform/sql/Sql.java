package vn.inspectorate.platform.sql;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.sql.Array;
import java.sql.Connection;
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

/**
 * The one helper for set-based statements that entities do not express well: bulk inserts, upserts, roll-ups, reads
 * of many rows into records. Every value is a bound parameter; the SQL text is a constant of the calling store (or is
 * assembled only from the store's own constant fragments), never from values. Statements run on the connection of
 * the caller's transaction, so they commit or roll back with its entities and events: the pool hands every user of a
 * transaction, Hibernate included, the one connection enlisted in it. They take it from the pool, not through
 * Hibernate's session, so a transaction that uses no entity opens no session. A failure is a
 * {@link PersistenceException} whose cause is the driver's {@link SQLException}.
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

    /**
     * A parameter bound as a PostgreSQL array of {@code elementType} (e.g. {@code "uuid"}, {@code "text"}). A text array
     * arrives as {@code varchar[]}, each value as its text (an enum's name, else {@code toString()}): a statement that
     * needs another type casts it.
     */
    public record ArrayOf(String elementType, Collection<?> values) {
    }

    private final AgroalDataSource dataSource;

    Sql(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
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
     * Statements to send together: each waits for the database once in all, not once each. See {@link Pipeline}.
     */
    public Pipeline pipeline() {
        return new Pipeline();
    }

    /**
     * Statements sent to the database in one round trip, run in the order they were added, in the caller's
     * transaction: a write whose rows span several tables waits for the database once instead of once per table. Each
     * statement sees what the ones before it wrote. A query's rows are there once {@link #send()} returned; if one
     * statement fails, the ones after it do not run and the transaction is lost, as with separate statements.
     */
    public final class Pipeline {

        private final StringBuilder text = new StringBuilder();
        private final List<Object> params = new ArrayList<>();
        private final List<Step> steps = new ArrayList<>();
        private boolean sent;

        private Pipeline() {
        }

        /** Adds a statement that changes rows. */
        public Pipeline update(String sql, List<?> params) {
            add(sql, params, new Step(null));
            return this;
        }

        /** Adds a query (or a statement with {@code returning}); its rows are read into the answer by {@code mapper}. */
        public <T> Rows<T> query(String sql, List<?> params, RowMapper<T> mapper) {
            Rows<T> rows = new Rows<>(mapper);
            add(sql, params, new Step(rows));
            return rows;
        }

        /** Sends the statements added, if any; answers the rows changed by each, in order (-1 for a query). */
        public int[] send() {
            if (sent) {
                throw new IllegalStateException("a pipeline is sent once");
            }
            sent = true;
            if (steps.isEmpty()) {
                return new int[0];
            }
            return work(text.toString(), st -> {
                bind(st, params);
                int[] counts = new int[steps.size()];
                boolean resultSet = st.execute();
                for (int i = 0; i < steps.size(); i++) {
                    Step step = steps.get(i);
                    if (step.rows() != null) {
                        if (!resultSet) {
                            throw new IllegalStateException("statement " + (i + 1) + " of a pipeline returned no rows");
                        }
                        try (ResultSet rs = st.getResultSet()) {
                            step.rows().read(rs);
                        }
                        counts[i] = -1;
                    } else if (resultSet) {
                        throw new IllegalStateException("statement " + (i + 1)
                                + " of a pipeline returned rows: add it as a query");
                    } else {
                        counts[i] = st.getUpdateCount();
                    }
                    resultSet = st.getMoreResults();
                }
                return counts;
            });
        }

        private void add(String sql, List<?> statementParams, Step step) {
            if (sent) {
                throw new IllegalStateException("a pipeline is sent once");
            }
            // the driver splits the text at semicolons: each statement must be one
            if (sql.indexOf(';') >= 0) {
                throw new IllegalArgumentException("a statement of a pipeline holds no semicolon");
            }
            if (!steps.isEmpty()) {
                text.append(";\n");
            }
            text.append(sql);
            params.addAll(statementParams);
            steps.add(step);
        }

        private record Step(Rows<?> rows) {
        }
    }

    /** The rows a query of a {@link Pipeline} answered, once the pipeline was sent. */
    public static final class Rows<T> {

        private final RowMapper<T> mapper;
        private List<T> rows;

        private Rows(RowMapper<T> mapper) {
            this.mapper = mapper;
        }

        private void read(ResultSet rs) throws SQLException {
            List<T> read = new ArrayList<>();
            while (rs.next()) {
                read.add(mapper.map(rs));
            }
            rows = read;
        }

        public List<T> get() {
            if (rows == null) {
                throw new IllegalStateException("the pipeline of this query was not sent");
            }
            return rows;
        }
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
        // closing the connection of a transaction gives it back to the transaction, which still holds it
        try (Connection connection = dataSource.getConnection();
                PreparedStatement st = connection.prepareStatement(sql)) {
            return statement.run(st);
        } catch (SQLException e) {
            throw new PersistenceException(e.getMessage(), e);
        }
    }

    private static void bind(PreparedStatement st, List<?> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            Object p = params.get(i);
            switch (p) {
                case null -> st.setObject(i + 1, null);
                // bound as a date straight from its fields, without the calendar java.sql.Date converts through
                case LocalDate d -> st.setObject(i + 1, d);
                case UUID u -> st.setObject(i + 1, u);
                case Json j -> st.setObject(i + 1, j.json(), Types.OTHER);
                case Enum<?> e -> st.setString(i + 1, e.name());
                case ArrayOf a when a.elementType().equals("bytea") -> st.setArray(i + 1,
                        st.getConnection().createArrayOf("bytea", a.values().toArray(byte[][]::new)));
                // in binary, as varchar[]: no text literal to build with each element escaped, nor for the database
                // to parse (a chunk of cases is one such array a column)
                case ArrayOf a when a.elementType().equals("text") -> st.setObject(i + 1, texts(a.values()));
                case ArrayOf a -> {
                    Array array = st.getConnection().createArrayOf(a.elementType(), a.values().toArray());
                    st.setArray(i + 1, array);
                }
                default -> st.setObject(i + 1, p);
            }
        }
    }

    private static String[] texts(Collection<?> values) {
        String[] texts = new String[values.size()];
        int i = 0;
        for (Object value : values) {
            texts[i++] = switch (value) {
                case null -> null;
                case Enum<?> e -> e.name();
                default -> value.toString();
            };
        }
        return texts;
    }
}
