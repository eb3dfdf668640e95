package vn.inspectorate.reporting.rebuild;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The lock of the one running rebuild: a session-level advisory lock on a connection of its own, outside the pool,
 * taken before the rebuild is recorded as RUNNING and given up after its end is recorded. The instances of the service
 * share the rebuilds' table, so a RUNNING rebuild whose lock no session holds is one whose instance stopped or died
 * before it ended. PostgreSQL ends the lock when it sees the session close: at once for a stopped or killed process,
 * after TCP keepalive for a vanished host.
 */
@ApplicationScoped
class RebuildLock {

    private static final Logger LOG = Logger.getLogger(RebuildLock.class);
    /** "rebuild" in ASCII; the outbox relay's lock has another key. */
    static final long KEY = 0x72656275696c64L;

    private final String url;
    private final Properties credentials = new Properties();

    RebuildLock(@ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.url = url;
        user.ifPresent(u -> credentials.setProperty("user", u));
        password.ifPresent(p -> credentials.setProperty("password", p));
    }

    /** Takes the lock on a new session; empty when another session holds it. */
    Optional<Held> take() {
        Connection connection = null;
        try {
            connection = DriverManager.getConnection(url, credentials);
            connection.setAutoCommit(true);
            try (PreparedStatement st = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
                st.setLong(1, KEY);
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        return Optional.of(new Held(connection));
                    }
                }
            }
            close(connection);
            return Optional.empty();
        } catch (SQLException e) {
            close(connection);
            throw new PersistenceException("the rebuild's lock could not be asked for", e);
        }
    }

    private static void close(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.debug("closing the rebuild's lock session", e);
            }
        }
    }

    /** The lock, held by this instance: closing it ends the session, and the lock with it. */
    static final class Held implements AutoCloseable {

        private final Connection connection;

        private Held(Connection connection) {
            this.connection = connection;
        }

        /** Whether the session still lives (a round trip): a database restart ends it, and the lock with it. */
        boolean held() {
            try {
                return connection.isValid(2);
            } catch (SQLException e) {
                return false;
            }
        }

        @Override
        public void close() {
            RebuildLock.close(connection);
        }
    }
}
