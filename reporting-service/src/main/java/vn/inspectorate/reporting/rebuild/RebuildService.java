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
 * commits no group offsets. The live consumers go on meanwhile: applying an event is idempotent and commutes with
 * the replay, so both meet at the same figures.
 */
@ApplicationScoped
public class RebuildService {

    private static final Logger LOG = Logger.getLogger(RebuildService.class);
    static final List<String> TOPICS = List.of(Topics.CASES, Topics.INSPECTIONS, Topics.DECLARATIONS);

    private final RebuildStore rebuilds;
    private final ProjectionStore store;
    private final Projector projector;
    private final EventInbox inbox;
    private final String bootstrapServers;

    RebuildService(RebuildStore rebuilds, ProjectionStore store, Projector projector, EventInbox inbox,
            RebuildConfig config) {
        this.rebuilds = rebuilds;
        this.store = store;
        this.projector = projector;
        this.inbox = inbox;
        this.bootstrapServers = config.bootstrapServers();
    }

    /** Progress of one rebuild. */
    @Schema(name = "ProjectionRebuild")
    public record Rebuild(UUID id, String state, String requestedBy, OffsetDateTime requestedAt,
            @Schema(nullable = true) OffsetDateTime finishedAt, long totalRecords, long replayedRecords,
            long poisonRecords, @Schema(nullable = true) String error) {
    }

    /** A rebuild cut short by a stop of the service would otherwise block publication and new rebuilds. */
    void markInterrupted(@jakarta.enterprise.event.Observes io.quarkus.runtime.StartupEvent ignored) {
        QuarkusTransaction.requiringNew().run(rebuilds::failInterrupted);
    }

    /** Starts a rebuild in the background; a second one while one runs is a conflict. */
    public Rebuild start(String requestedBy) {
        UUID id = TimeOrderedIds.next();
        try {
            QuarkusTransaction.requiringNew().run(() -> rebuilds.start(id, requestedBy));
        } catch (RuntimeException e) {
            if (Causes.any(e, t -> t instanceof SQLException s && "23505".equals(s.getSQLState()))) {
                throw ProblemException.keyed(409, "rebuild-running", "problem.rebuild-running.start");
            }
            throw e;
        }
        Thread.ofVirtual().name("projection-rebuild").start(() -> run(id));
        return get(id).orElseThrow();
    }

    public Optional<Rebuild> get(UUID id) {
        return rebuilds.get(id);
    }

    private void run(UUID id) {
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
            progress(id, total, 0, 0);
            long replayed = 0;
            long poison = 0;
            while (!done(consumer, end)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    TopicPartition tp = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() >= end.get(tp)) {
                        continue;
                    }
                    if (!replay(record)) {
                        poison++;
                    }
                    replayed++;
                    if (replayed % 200 == 0) {
                        progress(id, total, replayed, poison);
                    }
                }
            }
            long replayedFinal = replayed;
            long poisonFinal = poison;
            QuarkusTransaction.requiringNew().run(() -> rebuilds.done(id, total, replayedFinal, poisonFinal));
            LOG.infof("projection rebuild %s done: %d records replayed, %d poison", id, replayed, poison);
        } catch (RuntimeException e) {
            LOG.errorf(e, "projection rebuild %s failed", id);
            QuarkusTransaction.requiringNew().run(() -> rebuilds.failed(id, String.valueOf(e.getMessage())));
        }
    }

    /** Applies one record; false when it is poison (it was dead-lettered by the live consumer already). */
    private boolean replay(ConsumerRecord<String, String> record) {
        CloudEvent<JsonNode> event;
        try {
            event = inbox.parse(record.value());
        } catch (PoisonEventException e) {
            return false;
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                projector.apply(record.topic(), event);
                store.advance(record.topic(), record.partition(), record.offset());
            });
            return true;
        } catch (PoisonEventException e) {
            return false;
        } catch (RuntimeException e) {
            if (e.getCause() instanceof PoisonEventException) {
                return false;
            }
            throw e;
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

    private void progress(UUID id, long total, long replayed, long poison) {
        QuarkusTransaction.requiringNew().run(() -> rebuilds.progress(id, total, replayed, poison));
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
