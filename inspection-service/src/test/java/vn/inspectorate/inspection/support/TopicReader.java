package vn.inspectorate.inspection.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

/** Reads events back from the real topics (from the earliest offset) and writes records to them, for tests. */
public final class TopicReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TopicReader() {
    }

    private static String servers() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    /**
     * Reads {@code topic} from the start until {@code enough} holds for the events matching {@code filter}, or the
     * deadline passes; returns the matching events (parsed CloudEvents) in topic order.
     */
    public static List<JsonNode> read(String topic, Predicate<JsonNode> filter, Predicate<List<JsonNode>> enough,
            Duration deadline) {
        Properties props = new Properties();
        props.put("bootstrap.servers", servers());
        props.put("group.id", "test-reader-" + UUID.randomUUID());
        props.put("auto.offset.reset", "earliest");
        props.put("isolation.level", "read_committed");
        props.put("enable.auto.commit", "false");
        List<JsonNode> found = new ArrayList<>();
        Instant end = Instant.now().plus(deadline);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            while (Instant.now().isBefore(end)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    JsonNode event = parse(record.value());
                    if (event != null && filter.test(event)) {
                        found.add(event);
                    }
                }
                if (enough.test(found)) {
                    break;
                }
            }
        }
        return found;
    }

    /** Raw record values of {@code topic} matching {@code filter}, until {@code enough} or the deadline. */
    public static List<String> readRaw(String topic, Predicate<String> filter, int enough, Duration deadline) {
        Properties props = new Properties();
        props.put("bootstrap.servers", servers());
        props.put("group.id", "test-reader-" + UUID.randomUUID());
        props.put("auto.offset.reset", "earliest");
        List<String> found = new ArrayList<>();
        Instant end = Instant.now().plus(deadline);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            while (Instant.now().isBefore(end) && found.size() < enough) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.value() != null && filter.test(record.value())) {
                        found.add(record.value());
                    }
                }
            }
        }
        return found;
    }

    public static void send(String topic, String key, String value) {
        Properties props = new Properties();
        props.put("bootstrap.servers", servers());
        props.put("acks", "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not send to " + topic, e);
        }
    }

    private static JsonNode parse(String value) {
        try {
            return value == null ? null : JSON.readTree(value);
        } catch (Exception e) {
            return null;
        }
    }
}
