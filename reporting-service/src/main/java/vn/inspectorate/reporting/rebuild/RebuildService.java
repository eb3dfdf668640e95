package vn.inspectorate.reporting.rebuild;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;
import vn.inspectorate.contracts.CloudEvent;
import vn.inspectorate.contracts.TimeOrderedIds;
import vn.inspectorate.contracts.Topics;
import vn.inspectorate.platform.Causes;
import vn.inspectorate.platform.inbox.EventInbox;
import vn.inspectorate.platform.inbox.PoisonEventException;
import vn.inspectorate.platform.problem.ProblemException;
import vn.inspectorate.reporting.projection.ProjectionStore;
import vn.inspectorate.reporting.projection.Projector;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Rebuilds the projections from the topics: empties them (while no live event transaction runs), then replays every
 * partition from its earliest offset up to the end it had when the rebuild started, with a consumer of its own that
 * commits no group offsets, a polled batch a transaction. The live consumers go on meanwhile: applying an event is
 * idempotent and commutes with the replay, so both meet at the same figures. One rebuild runs at a time, on the
 * instance holding its lock ({@link RebuildLock}).
 */
@ApplicationScoped
public class RebuildService {

    private static final Logger LOG = Logger.getLogger(RebuildService.class);
    static final List<String> TOPICS = List.of(Topics.CASES, Topics.INSPECTIONS, Topics.DECLARATIONS);
    /** Records replayed before the first analysis, and the growth between two. */
    static final long FIRST_ANALYSIS = 2_000;
    static final long ANALYSIS_GROWTH = 4;

    private final RebuildStore rebuilds;
    private final RebuildLock lock;
    private final ProjectionStore store;
    private final Projector projector;
    private final EventInbox inbox;
    private final String bootstrapServers;

    RebuildService(RebuildStore rebuilds, RebuildLock lock, ProjectionStore store, Projector projector,
            EventInbox inbox, RebuildConfig config) {
        this.rebuilds = rebuilds;
        this.lock = lock;
        this.store = store;
        this.projector = projector;
        this.inbox = inbox;
        this.bootstrapServers = config.bootstrapServers();
    }

    /** Progress of one rebuild. */
    @Schema(name = "ProjectionRebuild")
    public record Rebuild(UUID id,
            @Schema(enumeration = {"RUNNING", "DONE", "FAILED"}, description = "RUNNING while an instance of the "
                    + "service replays; DONE once every offset was read; FAILED when the replay failed, or when the "
                    + "instance running it stopped before it ended") String state,
            String requestedBy, OffsetDateTime requestedAt, @Schema(nullable = true) OffsetDateTime finishedAt,
            @Schema(description = "The offsets the rebuild reads: on each partition of the three topics, from the "
                    + "first kept to the end when it began. Kafka transactions' commit and abort markers, and the "
                    + "records of aborted transactions, take offsets no reader receives, so replayedRecords can end "
                    + "below it.") long totalRecords,
            @Schema(description = "The records read so far, poisonRecords included") long replayedRecords,
            @Schema(description = "Records the projection could not apply and passed over: unreadable, or refused by "
                    + "the projector") long poisonRecords,
            @Schema(nullable = true, description = "Why the rebuild FAILED") String error) {
    }

    /**
     * Starts a rebuild in the background; a second one while one runs is a conflict. The lock is taken before the
     * rebuild is recorded as RUNNING, so no instance sees it RUNNING without its lock.
     */
    public Rebuild start(String requestedBy) {
        RebuildLock.Held held = lock.take().orElseThrow(
                () -> ProblemException.keyed(409, "rebuild-running", "problem.rebuild-running.start"));
        UUID id = TimeOrderedIds.next();
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                // the lock is this instance's: a rebuild still RUNNING is one whose instance stopped before it ended
                rebuilds.failInterrupted();
                rebuilds.start(id, requestedBy);
            });
            Thread.ofVirtual().name("projection-rebuild").start(() -> {
                try (held) {
                    run(id, held);
                }
            });
        } catch (RuntimeException e) {
            held.close();
            // an instance of an earlier version, which takes no lock, started one meanwhile
            if (Causes.any(e, t -> t instanceof SQLException s && "23505".equals(s.getSQLState()))) {
                throw ProblemException.keyed(409, "rebuild-running", "problem.rebuild-running.start");
            }
            throw e;
        }
        return rebuilds.get(id).orElseThrow();
    }

    /** A rebuild; one left RUNNING by an instance that stopped before it ended reads as FAILED. */
    public Optional<Rebuild> get(UUID id) {
        Optional<Rebuild> rebuild = rebuilds.get(id);
        if (rebuild.isPresent() && "RUNNING".equals(rebuild.get().state()) && !running()) {
            return rebuilds.get(id);
        }
        return rebuild;
    }

    /**
     * Whether a rebuild runs now, on any instance. One recorded as RUNNING whose lock no session holds was cut short
     * by the stop or death of its instance: it is marked FAILED when first seen, so that it neither blocks
     * publication and new rebuilds nor reads as running. A rebuild that ended between the two reads stays as it ended.
     */
    public boolean running() {
        Optional<UUID> id = rebuilds.runningId();
        if (id.isEmpty()) {
            return false;
        }
        if (rebuilds.lockHeld()) {
            return true;
        }
        QuarkusTransaction.requiringNew().run(() -> rebuilds.failInterrupted(id.get()));
        return false;
    }

    private void run(UUID id, RebuildLock.Held held) {
        try (KafkaConsumer<String, String> consumer = consumer(id)) {
            QuarkusTransaction.requiringNew().run(() -> {
                store.lockExclusive();
                store.reset();
            });
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : TOPICS) {
                List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
                if (infos != null) {
                    infos.forEach(i -> partitions.add(new TopicPartition(i.topic(), i.partition())));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions));
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
            long total = partitions.stream().mapToLong(p -> end.get(p) - begin.get(p)).sum();
            if (!progress(id, held, total, 0, 0)) {
                return;
            }
            long replayed = 0;
            long poison = 0;
            long analysedAt = 0;
            while (!done(consumer, end)) {
                List<ConsumerRecord<String, String>> polled = new ArrayList<>();
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                        polled.add(record);
                    }
                }
                if (polled.isEmpty()) {
                    continue;
                }
                poison += replay(polled);
                replayed += polled.size();
                if (!progress(id, held, total, replayed, poison)) {
                    return;
                }
                if (replayed >= Math.max(FIRST_ANALYSIS, analysedAt * ANALYSIS_GROWTH)) {
                    gatherStatistics();
                    analysedAt = replayed;
                }
            }
            if (analysedAt < replayed) {
                gatherStatistics();
            }
            long replayedFinal = replayed;
            long poisonFinal = poison;
            if (QuarkusTransaction.requiringNew().call(() -> rebuilds.done(id, total, replayedFinal, poisonFinal))) {
                LOG.infof("projection rebuild %s done: %d records replayed, %d poison", id, replayed, poison);
            } else {
                LOG.warnf("projection rebuild %s replayed every record, but was marked FAILED meanwhile", id);
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "projection rebuild %s failed", id);
            QuarkusTransaction.requiringNew().run(() -> rebuilds.failed(id, String.valueOf(e.getMessage())));
        }
    }

    /**
     * Applies a polled batch in one transaction through the batched projector, and returns how many of its records
     * were poison (dead-lettered by the live consumer already). The positions are advanced first, in partition order,
     * and the aggregates locked next: the order a live batch takes its locks in, so the two cannot lock in turn. A
     * record the projector refuses rolls the batch back, and the batch runs again without it. A batch that fails
     * otherwise (too slow for its transaction, say) is replayed a record a transaction.
     */
    private int replay(List<ConsumerRecord<String, String>> records) {
        List<ConsumerRecord<String, String>> readable = new ArrayList<>(records.size());
        List<CloudEvent<JsonNode>> events = new ArrayList<>(records.size());
        for (ConsumerRecord<String, String> record : records) {
            try {
                events.add(inbox.parse(record.value()));
                readable.add(record);
            } catch (PoisonEventException e) {
                // unreadable: counted, and passed over
            }
        }
        int poison = records.size() - readable.size();
        while (true) {
            int[] refused = {-1};
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    store.advancePast(records);
                    Projector.Batch batch = projector.batch();
                    batch.prepare(events);
                    for (int i = 0; i < readable.size(); i++) {
                        try {
                            batch.apply(readable.get(i).topic(), events.get(i));
                        } catch (RuntimeException e) {
                            if (Causes.any(e, t -> t instanceof PoisonEventException)) {
                                refused[0] = i;
                            }
                            throw e;
                        }
                    }
                    batch.end();
                });
                return poison;
            } catch (RuntimeException e) {
                if (refused[0] < 0) {
                    LOG.warnf(e, "projection rebuild: a batch of %d records failed; replaying it a record at a time",
                            records.size());
                    break;
                }
                readable.remove(refused[0]);
                events.remove(refused[0]);
                poison++;
            }
        }
        for (int i = 0; i < readable.size(); i++) {
            if (!replayOne(readable.get(i), events.get(i))) {
                poison++;
            }
        }
        QuarkusTransaction.requiringNew().run(() -> store.advancePast(records));
        return poison;
    }

    /** Applies one record in a transaction of its own; false when the projector refuses it as poison. */
    private boolean replayOne(ConsumerRecord<String, String> record, CloudEvent<JsonNode> event) {
        try {
            QuarkusTransaction.requiringNew().run(() -> projector.apply(record.topic(), event));
            return true;
        } catch (RuntimeException e) {
            if (Causes.any(e, t -> t instanceof PoisonEventException)) {
                return false;
            }
            throw e;
        }
    }

    /**
     * Gathers the projection's statistics. The rebuild emptied the tables, and until they are analysed the planner
     * guesses from their size alone: it scans a table whole for a look-up by a batch of keys, and keeps for the
     * connection a plan it made while the table was nearly empty. Autovacuum analyses them at a moment of its own.
     * Analysing each time the replay has grown fourfold, and once at its end, costs a handful of analyses for a
     * national history.
     */
    private void gatherStatistics() {
        try {
            QuarkusTransaction.requiringNew().run(store::analyze);
        } catch (RuntimeException e) {
            LOG.warnf("projection rebuild: the projection's statistics could not be gathered (%s)", e.getMessage());
        }
    }

    private static boolean done(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Records the progress; false, with the reason logged, when the rebuild is to stop: its lock's session ended (a
     * database restart, say), so another instance may already have marked it FAILED and started another.
     */
    private boolean progress(UUID id, RebuildLock.Held held, long total, long replayed, long poison) {
        if (!held.held()) {
            LOG.errorf("projection rebuild %s stops: the session holding its lock ended", id);
            QuarkusTransaction.requiringNew().run(() -> rebuilds.failed(id,
                    "the database session holding the rebuild's lock ended; start a new rebuild"));
            return false;
        }
        if (!QuarkusTransaction.requiringNew().call(() -> rebuilds.progress(id, total, replayed, poison))) {
            LOG.warnf("projection rebuild %s stops: it was marked FAILED meanwhile", id);
            return false;
        }
        return true;
    }

    private KafkaConsumer<String, String> consumer(UUID id) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "reporting-rebuild-" + id);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "500");
        return new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    }
}
