package vn.inspectorate.platform.outbox;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import vn.inspectorate.contracts.CloudEvent;
import vn.inspectorate.platform.trace.TraceParent;

/**
 * Publishes committed outbox rows to Kafka, in id order, and marks them sent (deletes their pending row) only after the
 * broker acknowledged them ({@code acks=all}, idempotent producer). While the broker is unreachable rows wait, and the
 * relay retries with a growing pause; when it returns the backlog drains in order.
 * <p>
 * One instance of a service relays at a time: the leader ({@link RelayLeadership}); the others ask for the lead every
 * {@value #FOLLOWER_ASKS_EVERY_MILLIS} ms and take it over when the leader dies or stops. Each batch also takes a
 * transaction-scoped advisory lock, so a leader that lost its lead mid-batch finishes that batch before the next
 * leader starts: several instances cannot reorder one aggregate's events. Rows are taken {@code FOR UPDATE SKIP
 * LOCKED} all the same. Each batch is one
 * Kafka transaction, committed before the rows are marked sent: a failed batch is aborted and sent again whole. Two
 * windows are left where a batch is sent twice: the broker committing while the database commit then fails, and a
 * commit the relay gave up on that the broker completes all the same. Consumers deduplicate by event id, so the effect
 * is still once.
 * <p>
 * Longer than a class usually is here: the lock, the Kafka transaction, the marking and the back-off are one protocol
 * whose order is the guarantee, and reading it in one place is how it is checked.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Advisory lock id: "outbox" in ASCII, the same for every service since each has its own database. */
    private static final long RELAY_LOCK = 0x6f7574626f78L;
    /** How often an instance that does not relay asks for the lead: the bound on a takeover after the leader died. */
    static final long FOLLOWER_ASKS_EVERY_MILLIS = 500;
    /** How many of the oldest rows one round of the retention reads. */
    private static final int RETENTION_ROUND = 10_000;

    private final AgroalDataSource dataSource;
    private final OutboxConfig config;
    private final String bootstrapServers;
    private final Counter sent;
    private final Counter failures;
    private final RelayLeadership leadership;

    private volatile Thread worker;
    private volatile boolean running;
    private KafkaProducer<String, String> producer;
    private volatile Instant lastSuccess;
    private volatile String lastError;

    OutboxRelay(AgroalDataSource dataSource, OutboxConfig config, MeterRegistry registry,
            @ConfigProperty(name = "kafka.bootstrap.servers", defaultValue = "localhost:9092") String bootstrapServers,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") java.util.Optional<String> jdbcUrl,
            @ConfigProperty(name = "quarkus.datasource.username") java.util.Optional<String> user,
            @ConfigProperty(name = "quarkus.datasource.password") java.util.Optional<String> password) {
        this.dataSource = dataSource;
        // a process without a datasource has no outbox: its relay never leads (and is normally switched off)
        this.leadership = new RelayLeadership(jdbcUrl.orElse("jdbc:none"), user.orElse(null), password.orElse(null),
                FOLLOWER_ASKS_EVERY_MILLIS);
        this.config = config;
        this.bootstrapServers = bootstrapServers;
        this.sent = registry.counter("inspectorate.outbox.sent");
        this.failures = registry.counter("inspectorate.outbox.failures");
    }

    void start(@Observes StartupEvent ignored) {
        if (!config.relay().enabled()) {
            LOG.info("outbox relay is off in this process");
            return;
        }
        running = true;
        worker = Thread.ofPlatform().name("outbox-relay").daemon().start(this::loop);
    }

    void stop(@Observes ShutdownEvent ignored) {
        running = false;
        Thread t = worker;
        if (t != null) {
            LockSupport.unpark(t);
            try {
                t.join(TimeUnit.SECONDS.toMillis(20));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        closeProducer();
        leadership.resign();
    }

    /** Whether this instance relays the outbox now (the others wait for the lead). */
    public boolean leading() {
        return leadership.leading();
    }

    /** Gives the lead up, as a stopping instance does; the next ask may take it again. For tests of the takeover. */
    void resign() {
        leadership.resign();
    }

    /** Called after a commit that wrote outbox rows, so they leave without waiting for the next poll. */
    void wakeUp() {
        Thread t = worker;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    public Instant lastSuccess() {
        return lastSuccess;
    }

    public String lastError() {
        return lastError;
    }

    private void loop() {
        long backoffNanos = 0;
        while (running) {
            if (!leadership.lead()) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(FOLLOWER_ASKS_EVERY_MILLIS));
                continue;
            }
            try {
                int published = drainOnce();
                backoffNanos = 0;
                lastError = null;
                if (published == 0) {
                    LockSupport.parkNanos(config.relay().pollInterval().toNanos());
                } else {
                    gather(gatherMillis(published, config.relay()));
                }
            } catch (Exception e) {
                failures.increment();
                lastError = describe(e);
                closeProducer();
                backoffNanos = backoffNanos == 0 ? TimeUnit.MILLISECONDS.toNanos(200)
                        : Math.min(backoffNanos * 2, config.relay().maxBackoff().toNanos());
                LOG.warnf("outbox relay: %s; retrying in %d ms", lastError, TimeUnit.NANOSECONDS.toMillis(backoffNanos));
                LockSupport.parkNanos(backoffNanos);
            }
        }
    }

    /**
     * How long the relay lets the next rows gather, deaf to the wake-ups of commits, after a batch of {@code published}
     * rows. Under a steady load each Kafka transaction (and each read and mark of the outbox) then carries the rows of
     * several requests instead of one or two, which is most of what the broker and the database spend on an event.
     * None after a full batch (more rows are waiting) nor after one of fewer than
     * {@link OutboxConfig.Relay#gatherFrom()} rows: on a quiet outbox the pause would only add itself to the next
     * event's way out.
     */
    static long gatherMillis(int published, OutboxConfig.Relay relay) {
        return published >= relay.gatherFrom() && published < relay.batchSize() ? relay.gather().toMillis() : 0;
    }

    private static void gather(long millis) {
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Publishes one batch; returns how many rows were sent, or throws when the broker refused the batch. */
    int drainOnce() {
        // outlasts the batch's Kafka waits: the producer's start and the abort, each at most max.block.ms (5 s), and
        // the hand-over and the commit, to one deadline of the send timeout + 1 s that the last wait may pass by one
        // max.block.ms
        Batch batch = QuarkusTransaction.requiringNew().timeout((int) config.relay().sendTimeout().toSeconds() + 30)
                .call(() -> {
                    try (Connection c = dataSource.getConnection()) {
                        List<Row> rows = tryRelayLock(c) ? takeUnsent(c) : List.of();
                        if (rows.isEmpty()) {
                            return new Batch(rows, null);
                        }
                        Exception failure = send(rows);
                        if (failure == null) {
                            markSent(c, rows);
                        }
                        return new Batch(rows, failure);
                    }
                });
        if (batch.failure() != null) {
            recordFailure(batch.rows().getFirst(), batch.failure());
            throw new IllegalStateException("batch of " + batch.rows().size() + " not sent: "
                    + batch.failure().getMessage(), batch.failure());
        }
        return batch.rows().size();
    }

    private boolean tryRelayLock(Connection c) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
            st.setLong(1, RELAY_LOCK);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /**
     * The next pending rows, oldest first. The pending rows are taken first, so each is joined to its outbox row by the
     * key; joined as one query the planner may walk the outbox's whole key in order instead, every sent row of the
     * retention period included. A pending row whose outbox row is gone (deleted by hand) cannot be sent: it is
     * dropped, with a warning, rather than left at the head of the queue for every batch to take again.
     */
    private List<Row> takeUnsent(Connection c) throws SQLException {
        List<Row> rows = new ArrayList<>();
        List<Long> orphans = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement("""
                with taken as materialized (
                    select id from platform_outbox_pending order by id limit ? for update skip locked)
                select t.id, o.topic, o.record_key, o.payload, o.traceparent, o.event_type
                from taken t left join platform_outbox o on o.id = t.id order by t.id""")) {
            st.setInt(1, config.relay().batchSize());
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    if (rs.getString(2) == null) {
                        orphans.add(rs.getLong(1));
                    } else {
                        rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6)));
                    }
                }
            }
        }
        if (!orphans.isEmpty()) {
            deletePending(c, orphans);
            LOG.warnf("outbox relay: dropped %d pending ids without an outbox row, from %d", orphans.size(),
                    orphans.getFirst());
        }
        return rows;
    }

    /**
     * Sends the batch in one Kafka transaction: either every record becomes visible to {@code read_committed} readers
     * or none does, so a batch retried after a timeout never shows twice.
     *
     * @return null when the broker committed the batch, else what went wrong
     */
    private Exception send(List<Row> rows) {
        KafkaProducer<String, String> p = null;
        try {
            // a producer that cannot be made (initTransactions while the broker is gone) fails the batch like a send:
            // each attempt of an outage is then counted on the row
            p = producer();
            p.beginTransaction();
            long deadline = System.nanoTime() + config.relay().sendTimeout().toNanos() + TimeUnit.SECONDS.toNanos(1);
            for (Row row : rows) {
                if (System.nanoTime() - deadline >= 0) {
                    // each topic's metadata may be waited for once: on a slow broker a batch of many topics stops here
                    throw new IllegalStateException("the batch was not handed over within the send timeout");
                }
                ProducerRecord<String, String> record = new ProducerRecord<>(row.topic(), row.key(), row.payload());
                record.headers().add("content-type", CloudEvent.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
                // the CloudEvents type also as a header: a consumer skips what it does not read without parsing it
                record.headers().add(CloudEvent.TYPE_HEADER, row.type().getBytes(StandardCharsets.UTF_8));
                if (row.traceparent() != null) {
                    // also as a header, for Kafka tooling that follows W3C trace context without reading the value
                    record.headers().add(TraceParent.HEADER, row.traceparent().getBytes(StandardCharsets.UTF_8));
                }
                Future<RecordMetadata> ack = p.send(record);
                // a send that could not be handed over (no metadata or no buffer within max.block.ms, as while the
                // broker is gone) returns its future already failed instead of throwing: the batch stops at the first,
                // or each record would wait out the block in turn
                if (ack.isDone()) {
                    ack.get();
                }
            }
            commit(p, deadline);
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abortQuietly(p);
            return e;
        } catch (TimeoutException e) {
            // a commit that timed out cannot be aborted, only tried again or dropped with the producer; a producer that
            // could not start has no transaction, and one whose records expired is dropped as well
            return e;
        } catch (Exception e) {
            abortQuietly(p);
            return e;
        }
    }

    /**
     * The commit sends what still lingers at once, a request to each broker, and fails if any send of the batch failed;
     * once it returns every record is acknowledged. Each call waits at most max.block.ms (unlike a flush, which for a
     * transactional producer whose coordinator is gone waits until the broker is back); one that timed out is tried
     * again, as the producer allows, until the batch's deadline, so that a slow broker is given the send timeout before
     * the batch fails and is sent again.
     */
    private void commit(KafkaProducer<String, String> p, long deadline) {
        while (true) {
            try {
                p.commitTransaction();
                return;
            } catch (TimeoutException e) {
                if (System.nanoTime() - deadline >= 0) {
                    throw e;
                }
            }
        }
    }

    private void abortQuietly(KafkaProducer<String, String> p) {
        if (p == null) {
            return;
        }
        try {
            p.abortTransaction();
        } catch (RuntimeException e) {
            LOG.debug("aborting the outbox transaction failed; the producer is rebuilt", e);
        }
    }

    private void markSent(Connection c, List<Row> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        // the wide row stays as it was written: a sent row is one no longer pending
        deletePending(c, rows.stream().map(Row::id).toList());
        sent.increment(rows.size());
        lastSuccess = Instant.now();
    }

    private static void deletePending(Connection c, List<Long> ids) throws SQLException {
        Array array = c.createArrayOf("bigint", ids.toArray(Long[]::new));
        try (PreparedStatement st = c.prepareStatement("delete from platform_outbox_pending where id = any(?)")) {
            st.setArray(1, array);
            st.executeUpdate();
        }
    }

    private void recordFailure(Row row, Exception failure) {
        // best effort: the reason shows in the row for whoever looks at a stuck backlog
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                try (Connection own = dataSource.getConnection();
                        PreparedStatement st = own.prepareStatement("""
                                update platform_outbox_pending set attempts = attempts + 1, last_error = ?
                                where id = ?""")) {
                    st.setString(1, String.valueOf(failure.getMessage()));
                    st.setLong(2, row.id());
                    st.executeUpdate();
                } catch (SQLException e) {
                    LOG.debug("could not record the outbox failure", e);
                }
            });
        } catch (RuntimeException e) {
            LOG.debug("could not record the outbox failure", e);
        }
    }

    /**
     * Deletes sent rows past their retention; a row still pending stays, however old. The oldest rows have the lowest
     * ids, so each round reads the key's low end and deletes up to the first row still young: no index on the creation
     * time, whose entries every event would write. A row committed late behind a younger one waits for the next run.
     */
    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void deleteOldSentRows() {
        int deleted;
        do {
            deleted = QuarkusTransaction.requiringNew().call(this::deleteOldSentRound);
        } while (deleted > 0);
    }

    /** One round of {@link #deleteOldSentRows()}: how many rows it deleted, 0 once it reached a young row. */
    private int deleteOldSentRound() {
        try (Connection c = dataSource.getConnection()) {
            long bound = -1;
            boolean young = false;
            try (PreparedStatement st = c.prepareStatement("""
                    select id, created_at < now() - make_interval(secs => ?) from platform_outbox
                    order by id limit ?""")) {
                st.setLong(1, config.relay().retention().toSeconds());
                st.setInt(2, RETENTION_ROUND);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next() && !young) {
                        young = !rs.getBoolean(2);
                        bound = young ? bound : rs.getLong(1);
                    }
                }
            }
            if (bound < 0) {
                return 0;
            }
            try (PreparedStatement st = c.prepareStatement("""
                    delete from platform_outbox o where o.id <= ? and o.created_at < now() - make_interval(secs => ?)
                    and not exists (select 1 from platform_outbox_pending p where p.id = o.id)""")) {
                st.setLong(1, bound);
                st.setLong(2, config.relay().retention().toSeconds());
                int deleted = st.executeUpdate();
                LOG.debugf("outbox: deleted %d sent rows past retention", deleted);
                return young ? 0 : deleted;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
            props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
            // the records of a batch gather for one request; the commit after the hand-over cuts the wait short
            props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
            // Uncompressed: LZ4 allocates two 64 KiB buffers for each partition's batch, some 28 % of what the service
            // allocated a case. A topic's own compression.type lets the broker compress what it stores instead.
            props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "none");
            long timeout = config.relay().sendTimeout().toMillis();
            // delivery.timeout must cover request.timeout + linger
            props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Long.toString(Math.min(timeout / 2, 5000)));
            props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Long.toString(timeout));
            props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Long.toString(Math.min(timeout, 5000)));
            props.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay");
            // one id per service: a relay that starts fences any zombie of the same service
            props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, config.relay().transactionalId());
            props.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, Long.toString(Math.max(timeout * 2, 10_000)));
            KafkaProducer<String, String> created = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
            try {
                created.initTransactions();
            } catch (RuntimeException e) {
                created.close(java.time.Duration.ZERO);
                throw e;
            }
            producer = created;
        }
        return producer;
    }

    /**
     * After a failure the producer is rebuilt: a fresh one never carries a poisoned state into the retry. It is closed
     * at once: a batch it still holds failed already and is sent again, and a graceful close could still commit it.
     */
    private synchronized void closeProducer() {
        if (producer != null) {
            try {
                producer.close(java.time.Duration.ZERO);
            } catch (RuntimeException e) {
                LOG.debug("closing the outbox producer", e);
            }
            producer = null;
        }
    }

    private record Row(long id, String topic, String key, String payload, String traceparent, String type) {
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String what = e.getClass().getSimpleName() + ": " + e.getMessage();
        return root == e ? what : what + " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
    }

    private record Batch(List<Row> rows, Exception failure) {
    }
}
