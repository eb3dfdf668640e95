package vn.inspectorate.platform.reference;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.arc.All;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import vn.inspectorate.contracts.CloudEvent;
import vn.inspectorate.contracts.Topics;
import vn.inspectorate.platform.inbox.EventInbox;
import vn.inspectorate.platform.inbox.PoisonEventException;

/**
 * Hands every event of {@link Topics#REFERENCE} to this instance's {@link ReferenceChangeHandler}s, so a change made
 * through another instance (or another service) reaches this instance's caches as soon as its event does, not after
 * their maximum age.
 * <p>
 * The instances of a service share consumer groups to split work, so a group would give each event to one instance
 * only. This listener belongs to no group: it assigns itself every partition of the topic and starts at their ends
 * (older changes are in what the caches load anyway), keeps its positions in memory and commits nothing. A reconnect
 * resumes where it stopped; a partition added later is read from its beginning. Events no handler here names
 * (another service's data, a type this version does not know) and unreadable records pass by. It starts only in a
 * service that has handlers.
 */
@ApplicationScoped
public class ReferenceChangeListener {

    private static final Logger LOG = Logger.getLogger(ReferenceChangeListener.class);
    private static final Duration POLL = Duration.ofSeconds(1);
    /** How often the topic's partitions are looked up again (each second while it has none yet). */
    private static final long PARTITION_CHECK_NANOS = Duration.ofSeconds(30).toNanos();
    private static final long RETRY_MILLIS = 2_000;

    private final Map<String, List<ReferenceChangeHandler>> byType = new HashMap<>();
    private final EventInbox reader;
    private final String bootstrapServers;
    private final String clientId;
    private final boolean enabled;
    /** Next offset to read, by partition: kept across reconnects. Written by the listener thread only. */
    private final Map<TopicPartition, Long> positions = new ConcurrentHashMap<>();
    /** Whether partitions not read yet start at their beginnings: once the topic was seen, they are new. */
    private boolean fromBeginning;
    private volatile boolean ready;
    private volatile boolean stopping;
    private volatile KafkaConsumer<String, String> consumer;
    private Thread thread;

    ReferenceChangeListener(@All List<ReferenceChangeHandler> handlers, EventInbox reader,
            @ConfigProperty(name = "kafka.bootstrap.servers", defaultValue = "localhost:9092") String bootstrapServers,
            @ConfigProperty(name = "quarkus.application.name", defaultValue = "service") String service,
            @ConfigProperty(name = "inspectorate.reference.listener.enabled", defaultValue = "true") boolean enabled) {
        for (ReferenceChangeHandler handler : handlers) {
            for (String type : handler.eventTypes()) {
                byType.computeIfAbsent(type, t -> new ArrayList<>()).add(handler);
            }
        }
        this.reader = reader;
        this.bootstrapServers = bootstrapServers;
        this.clientId = service + "-reference-changes";
        this.enabled = enabled;
    }

    void start(@Observes StartupEvent startup) {
        if (!enabled || byType.isEmpty()) {
            return;
        }
        thread = Thread.ofPlatform().daemon().name("reference-change-listener").start(this::run);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        stopping = true;
        KafkaConsumer<String, String> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Whether the listener holds a position on every partition: an event sent from now on reaches the handlers. */
    public boolean ready() {
        return ready;
    }

    /** The event types some handler of this instance names. */
    public Set<String> handledTypes() {
        return Set.copyOf(byType.keySet());
    }

    private void run() {
        while (!stopping) {
            try (KafkaConsumer<String, String> created = new KafkaConsumer<>(properties(), new StringDeserializer(),
                    new StringDeserializer())) {
                consumer = created;
                if (!stopping) {
                    listen(created);
                }
            } catch (WakeupException | org.apache.kafka.common.errors.InterruptException e) {
                // stopping
            } catch (RuntimeException e) {
                ready = false;
                LOG.warnf(e, "reference changes: listening failed; again in %d ms (the caches' maximum age holds)",
                        RETRY_MILLIS);
                pause(RETRY_MILLIS);
            } finally {
                consumer = null;
            }
        }
    }

    private void listen(KafkaConsumer<String, String> kafka) {
        Set<TopicPartition> assigned = Set.of();
        long nextCheck = System.nanoTime();
        while (!stopping) {
            if (System.nanoTime() - nextCheck >= 0) {
                Set<TopicPartition> found = partitions(kafka);
                if (found.isEmpty()) {
                    fromBeginning = true;
                } else if (!found.equals(assigned)) {
                    assign(kafka, found);
                    assigned = found;
                }
                nextCheck = System.nanoTime() + (assigned.isEmpty() ? POLL.toNanos() : PARTITION_CHECK_NANOS);
            }
            if (assigned.isEmpty()) {
                // the topic does not exist yet: its first event will create it
                pause(POLL.toMillis());
                continue;
            }
            for (ConsumerRecord<String, String> record : kafka.poll(POLL)) {
                handle(record);
                positions.put(new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
            }
        }
    }

    /**
     * Takes every partition found; one already read resumes at its position, those of the topic as found at start
     * at their ends, later ones (the topic created or grown since) at their beginnings.
     */
    private void assign(KafkaConsumer<String, String> kafka, Set<TopicPartition> partitions) {
        kafka.assign(partitions);
        Set<TopicPartition> fresh = new HashSet<>();
        for (TopicPartition partition : partitions) {
            Long position = positions.get(partition);
            if (position == null) {
                fresh.add(partition);
            } else {
                kafka.seek(partition, position);
            }
        }
        if (fromBeginning) {
            kafka.seekToBeginning(fresh);
        } else {
            kafka.seekToEnd(fresh);
        }
        // the lookup fixes the start now, so an event sent after ready() is read
        for (TopicPartition partition : fresh) {
            positions.put(partition, kafka.position(partition));
        }
        fromBeginning = true;
        ready = true;
    }

    private static Set<TopicPartition> partitions(KafkaConsumer<String, String> kafka) {
        List<PartitionInfo> infos = kafka.partitionsFor(Topics.REFERENCE);
        Set<TopicPartition> partitions = new HashSet<>();
        if (infos != null) {
            infos.forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
        }
        return partitions;
    }

    private void handle(ConsumerRecord<String, String> record) {
        CloudEvent<JsonNode> event;
        try {
            event = reader.parse(record.value());
        } catch (PoisonEventException e) {
            LOG.debugf("reference changes: record %d of partition %d is not an event, passed by", record.offset(),
                    record.partition());
            return;
        }
        for (ReferenceChangeHandler handler : byType.getOrDefault(event.type(), List.of())) {
            try {
                handler.changed(new ReferenceChange(event, reader));
            } catch (RuntimeException e) {
                LOG.warnf(e, "reference changes: %s %s not applied to %s; it shows after the cache's maximum age",
                        event.type(), event.id(), handler.getClass().getSimpleName().replace("_ClientProxy", ""));
            }
        }
    }

    private Properties properties() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // the outbox relay writes in Kafka transactions: an aborted event never happened
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        return props;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
