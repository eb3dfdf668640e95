package vn.inspectorate.reporting;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import vn.inspectorate.contracts.CloudEvent;
import vn.inspectorate.contracts.EventCatalog;
import vn.inspectorate.contracts.Topics;
import vn.inspectorate.reporting.projection.ProjectionStore;

/**
 * Publishes events the way the platform's outbox relay does (structured-mode CloudEvent JSON, key = aggregate id,
 * content-type header) and waits until the projections reflect everything on the topics. Payload records are built
 * by name, so fields the producers add to them later take their empty values.
 */
final class EventFeed {

    private static final List<String> TOPICS = List.of(Topics.CASES, Topics.INSPECTIONS, Topics.DECLARATIONS);

    private final ObjectMapper mapper;
    private final KafkaProducer<String, String> producer;
    /** Everything sent, in order, for redelivery. */
    final List<ProducerRecord<String, String>> sent = new ArrayList<>();

    EventFeed(ObjectMapper mapper) {
        this.mapper = mapper;
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    static OffsetDateTime at(LocalDate day) {
        return day.atTime(9, 0).atOffset(ZoneOffset.ofHours(7));
    }

    /** A payload record from named values; components not named take null, 0 or false. */
    static <T extends Record> T payload(Class<T> type, Map<String, ?> values) {
        RecordComponent[] components = type.getRecordComponents();
        Set<String> unknown = new HashSet<>(values.keySet());
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            types[i] = c.getType();
            unknown.remove(c.getName());
            Object v = values.get(c.getName());
            if (v == null && c.getType().isPrimitive()) {
                v = c.getType() == boolean.class ? Boolean.FALSE : c.getType() == long.class ? (Object) 0L : (Object) 0;
            }
            if (v instanceof Integer n && c.getType() == long.class) {
                v = n.longValue();
            }
            args[i] = v;
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(type.getSimpleName() + " has no fields " + unknown);
        }
        try {
            Constructor<T> ctor = type.getDeclaredConstructor(types);
            return ctor.newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends one event of {@code type} about {@code aggregateId}, with the payload built from {@code values}. */
    String send(String type, UUID aggregateId, Map<String, ?> values) {
        Map<String, Object> all = new HashMap<>(values);
        Record data = payload(EventCatalog.payloadType(type), all);
        OffsetDateTime time = (OffsetDateTime) all.get("occurredAt");
        CloudEvent<Record> event = CloudEvent.of("/inspectorate/test-producer", type, aggregateId.toString(), time, data);
        try {
            sendRaw(EventCatalog.topicOf(type), aggregateId.toString(), mapper.writeValueAsString(event));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return event.id();
    }

    void sendRaw(String topic, String key, String value) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        record.headers().add("content-type", CloudEvent.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        try {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        sent.add(record);
    }

    /** Sends every record sent so far once more (same event ids, same keys). */
    void redeliverAll() {
        for (ProducerRecord<String, String> r : List.copyOf(sent)) {
            ProducerRecord<String, String> copy = new ProducerRecord<>(r.topic(), r.key(), r.value());
            r.headers().forEach(h -> copy.headers().add(h));
            try {
                producer.send(copy).get();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Waits until the projections' positions reach the end of every partition of the three topics. */
    static void awaitProjected(ProjectionStore store) {
        Map<TopicPartition, Long> end = endOffsets();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (true) {
            Map<TopicPartition, Long> positions = new HashMap<>();
            store.positions().forEach(p -> positions.put(new TopicPartition(p.topic(), p.partition()), p.nextOffset()));
            boolean done = end.entrySet().stream()
                    .allMatch(e -> e.getValue() == 0 || positions.getOrDefault(e.getKey(), 0L) >= e.getValue());
            if (done) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("projections did not catch up: end " + end + ", positions " + positions);
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static Map<TopicPartition, Long> endOffsets() {
        try (KafkaConsumer<String, String> c = consumer()) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : TOPICS) {
                for (PartitionInfo i : c.partitionsFor(topic, Duration.ofSeconds(30))) {
                    partitions.add(new TopicPartition(topic, i.partition()));
                }
            }
            return c.endOffsets(partitions);
        }
    }

    static KafkaConsumer<String, String> consumer() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    }

    /** The values of the records on {@code topic} (all partitions, from the start) that satisfy the filter. */
    static List<String> readAll(String topic, java.util.function.Predicate<String> filter, int atLeast) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        try (KafkaConsumer<String, String> c = consumer()) {
            List<TopicPartition> partitions = List.of();
            while (partitions.isEmpty() && System.nanoTime() < deadline) {
                // a dead-letter topic appears with its first record
                partitions = c.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                        .map(i -> new TopicPartition(topic, i.partition())).toList();
                if (partitions.isEmpty()) {
                    pause();
                }
            }
            if (partitions.isEmpty()) {
                return List.of();
            }
            c.assign(partitions);
            c.seekToBeginning(partitions);
            List<String> found = new ArrayList<>();
            while (found.size() < atLeast && System.nanoTime() < deadline) {
                c.poll(Duration.ofMillis(300)).forEach(r -> {
                    if (r.value() != null && filter.test(r.value())) {
                        found.add(r.value());
                    }
                });
            }
            return found;
        }
    }
}
