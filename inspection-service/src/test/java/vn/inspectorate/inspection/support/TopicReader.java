package vn.inspectorate.inspection.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import vn.inspectorate.testsupport.TopicSweep;

/** Reads events back from the real topics (from the earliest offset) and writes records to them, for tests. */
public final class TopicReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TopicReader() {
    }

    private static String servers() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    /**
     * Reads {@code topic} from the start until {@code enough} holds for the events matching {@code filter}, then on to
     * the end offsets of that moment; returns the matching events (parsed CloudEvents) in topic order. Fails when
     * {@code enough} does not hold within {@code deadline}.
     */
    public static List<JsonNode> read(String topic, Predicate<JsonNode> filter, Predicate<List<JsonNode>> enough,
            Duration deadline) {
        return matching(TopicSweep.until(servers(), topic, records -> enough.test(matching(records, filter)),
                deadline), filter);
    }

    /**
     * Raw record values of {@code topic} matching {@code filter}, once there are {@code enough}, read on to the end
     * offsets of that moment; fails when there are not {@code enough} within {@code deadline}.
     */
    public static List<String> readRaw(String topic, Predicate<String> filter, int enough, Duration deadline) {
        return raw(TopicSweep.until(servers(), topic, records -> raw(records, filter).size() >= enough, deadline),
                filter);
    }

    /** Partial by design: the raw values matching {@code filter} that {@code topic} holds after reading it for {@code time}. */
    public static List<String> readRawDuring(String topic, Predicate<String> filter, Duration time) {
        return raw(TopicSweep.during(servers(), topic, time), filter);
    }

    private static List<JsonNode> matching(List<ConsumerRecord<String, String>> records, Predicate<JsonNode> filter) {
        List<JsonNode> found = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            JsonNode event = parse(record.value());
            if (event != null && filter.test(event)) {
                found.add(event);
            }
        }
        return found;
    }

    private static List<String> raw(List<ConsumerRecord<String, String>> records, Predicate<String> filter) {
        return records.stream().map(ConsumerRecord::value).filter(v -> v != null && filter.test(v)).toList();
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
