package vn.inspectorate.complaints;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import vn.inspectorate.testsupport.TopicSweep;

/** Test helper: reads whole topics of the real broker from the beginning, and produces raw records. */
public final class KafkaEvents {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private KafkaEvents() {
    }

    static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    /**
     * Every committed record of {@code topic}, from the beginning to the end offsets taken as the read starts (none when
     * the topic does not exist); fails when it cannot read that far in 20 s.
     */
    public static List<ConsumerRecord<String, String>> all(String topic) {
        return TopicSweep.toEnd(bootstrap(), topic, Duration.ofSeconds(20));
    }

    /** The CloudEvents on {@code topic} about {@code subject}, waiting until {@code done} holds for them. */
    public static List<JsonNode> await(String topic, String subject, Predicate<List<JsonNode>> done) {
        long deadline = System.currentTimeMillis() + 30_000;
        List<JsonNode> events = List.of();
        while (System.currentTimeMillis() < deadline) {
            events = all(topic).stream().filter(r -> subject.equals(r.key())).map(r -> json(r.value())).toList();
            if (done.test(events)) {
                return events;
            }
            pause();
        }
        throw new AssertionError("events on " + topic + " for " + subject + " never became complete: "
                + events.stream().map(e -> e.path("type").asText()).toList());
    }

    public static List<String> types(List<JsonNode> events) {
        return events.stream().map(e -> e.path("type").asText()).toList();
    }

    public static Set<String> topics() {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap());
        try (Admin admin = Admin.create(p)) {
            return admin.listTopics().names().get().stream().filter(t -> !t.startsWith("__"))
                    .collect(Collectors.toSet());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static void send(String topic, String key, String value) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        try (var producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode json(String value) {
        try {
            return MAPPER.readTree(value);
        } catch (Exception e) {
            throw new IllegalStateException("not JSON: " + value, e);
        }
    }

    static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
