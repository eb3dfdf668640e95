package vn.inspectorate.platform.outbox;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;
import org.jboss.logging.Logger;

/**
 * Which instance of a service relays its outbox: the one holding a session-level advisory lock on a connection of its
 * own, outside the pool, for as long as it lives. The others ask again now and then. Without it, instances would take
 * turns batch by batch, and each turn would fence the other's Kafka producer (they share one transactional id).
 * <p>
 * An instance that dies loses the lock as soon as PostgreSQL sees its connection close (at once for a killed process;
 * after TCP keepalive for a vanished host); one that stops resigns. A leader checks its connection before each batch,
 * so one whose session was ended (a database restart) stops leading and asks again like the others.
 */
final class RelayLeadership {

    private static final Logger LOG = Logger.getLogger(RelayLeadership.class);
    /** "outboxL" in ASCII; each service has its own database, so one key serves all. */
    static final long LEADER_LOCK = 0x6f7574626f784cL;
    /** A leader's connection is checked at most this often (a round trip), at the start of a batch. */
    private static final long CHECK_EVERY_NANOS = 1_000_000_000L;

    private final String url;
    private final Properties credentials;
    private final long askEveryNanos;
    /** Held by this instance for as long as it lives, leader or not: asking again costs one statement. */
    private Connection connection;
    private boolean leading;
    private long checkedAt;
    private long askedAt;

    RelayLeadership(String url, String user, String password, long askEveryMillis) {
        this.url = url;
        this.credentials = new Properties();
        if (user != null) {
            credentials.setProperty("user", user);
        }
        if (password != null) {
            credentials.setProperty("password", password);
        }
        this.askEveryNanos = askEveryMillis * 1_000_000L;
        this.askedAt = System.nanoTime() - askEveryNanos;
    }

    /**
     * Whether this instance leads now, taking the lead when nobody holds it; a follower asks at most once per
     * {@code askEveryMillis}, however often it is woken.
     */
    synchronized boolean lead() {
        long now = System.nanoTime();
        if (leading) {
            if (now - checkedAt < CHECK_EVERY_NANOS || valid()) {
                return true;
            }
            LOG.warn("outbox relay: the leadership connection was lost; asking for the lead again");
            drop();
        } else if (now - askedAt < askEveryNanos) {
            return false;
        }
        askedAt = now;
        try {
            if (connection == null || connection.isClosed()) {
                connection = DriverManager.getConnection(url, credentials);
                connection.setAutoCommit(true);
            }
            try (PreparedStatement st = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
                st.setLong(1, LEADER_LOCK);
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    leading = rs.getBoolean(1);
                }
            }
        } catch (SQLException e) {
            LOG.debugf("outbox relay: could not ask for the lead: %s", e.getMessage());
            drop();
            return false;
        }
        if (leading) {
            checkedAt = now;
            LOG.info("outbox relay: this instance relays the outbox");
        }
        return leading;
    }

    synchronized boolean leading() {
        return leading;
    }

    /** Gives the lead up at once (closing the session ends the lock), so another instance takes it on its next ask. */
    synchronized void resign() {
        if (leading) {
            LOG.info("outbox relay: this instance stops relaying the outbox");
        }
        drop();
        askedAt = System.nanoTime();
    }

    private boolean valid() {
        try {
            boolean valid = connection.isValid(2);
            checkedAt = System.nanoTime();
            return valid;
        } catch (SQLException e) {
            return false;
        }
    }

    private void drop() {
        leading = false;
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.debug("outbox relay: closing the leadership connection", e);
            }
            connection = null;
        }
    }
}
