package vn.inspectorate.declarations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;

/** Reads a topic from the beginning with a plain consumer, as any other service would. */
public final class Events {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static KafkaConsumer<String, String> consumer(String topic) {
        String servers = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        var consumer = new KafkaConsumer<String, String>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    /** Raw records of {@code topic} until {@code done} holds for the CloudEvents read so far, or 30 s pass. */
    public static List<ConsumerRecord<String, String>> records(String topic, Predicate<List<JsonNode>> done) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        List<JsonNode> events = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        try (var consumer = consumer(topic)) {
            while (System.nanoTime() < deadline) {
                for (var r : consumer.poll(Duration.ofMillis(300))) {
                    records.add(r);
                    events.add(parse(r.value()));
                }
                if (done.test(events)) {
                    return records;
                }
            }
        }
        return records;
    }

    /** The CloudEvents about {@code subject}, once at least {@code count} of them arrived (or 30 s passed). */
    public static List<JsonNode> about(String topic, String subject, int count) {
        Predicate<JsonNode> mine = e -> subject.equals(e.path("subject").asText());
        return records(topic, all -> all.stream().filter(mine).count() >= count).stream()
                .map(r -> parse(r.value())).filter(mine).toList();
    }

    public static JsonNode parse(String value) {
        try {
            return value == null ? JSON.missingNode() : JSON.readTree(value);
        } catch (Exception notJson) {
            return JSON.missingNode();
        }
    }

    private Events() {
    }
}
