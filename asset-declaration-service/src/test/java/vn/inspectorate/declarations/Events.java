package vn.inspectorate.declarations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;
import vn.inspectorate.testsupport.TopicSweep;

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

    /**
     * Raw records of {@code topic} once {@code done} holds for the CloudEvents read so far, read on to the end offsets
     * of that moment; fails when {@code done} does not hold within 30 s.
     */
    public static List<ConsumerRecord<String, String>> records(String topic, Predicate<List<JsonNode>> done) {
        String servers = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        return TopicSweep.until(servers, topic, records -> done.test(records.stream().map(r -> parse(r.value()))
                .toList()), Duration.ofSeconds(30));
    }

    /** The CloudEvents about {@code subject}, once at least {@code count} of them arrived (failing after 30 s). */
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
