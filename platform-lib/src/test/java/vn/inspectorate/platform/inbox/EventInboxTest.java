package vn.inspectorate.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import vn.inspectorate.contracts.CloudEvent;
import vn.inspectorate.testsupport.TestServers;

/** Exactly-once effects over at-least-once delivery, and poison records to the dead-letter topic. */
@QuarkusTest
class EventInboxTest {

    static final String DLQ = "inspectorate.platform-test.dlq";

    @Inject
    InboxProbe probe;

    @Inject
    EventInbox inbox;

    @Inject
    ObjectMapper mapper;

    @Inject
    EntityManager em;

    private String event(Map<String, Object> data) throws Exception {
        return mapper.writeValueAsString(CloudEvent.of("/inspectorate/test", "vn.inspectorate.test.probed.v1",
                "agg-1", OffsetDateTime.now(), data));
    }

    private String idOf(String record) throws Exception {
        return mapper.readTree(record).get("id").asText();
    }

    private long effects(String consumer, String eventId) {
        return count("select count(*) from test_inbox_effect where consumer = ?1 and event_id = ?2", consumer, eventId);
    }

    private long processed(String consumer, String eventId) {
        return count("select count(*) from platform_processed_event where consumer = ?1 and event_id = ?2", consumer,
                eventId);
    }

    private long count(String sql, String consumer, String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql)
                .setParameter(1, consumer).setParameter(2, eventId).getSingleResult()).longValue());
    }

    @Test
    void sameEventTwiceHasOneEffect() throws Exception {
        String consumer = "c-" + UUID.randomUUID();
        String record = event(Map.of("n", 1));
        String id = idOf(record);

        assertThat(probe.handle(consumer, record, null)).isTrue();
        assertThat(probe.handle(consumer, record, null)).isFalse();

        assertThat(effects(consumer, id)).isEqualTo(1);
        assertThat(processed(consumer, id)).isEqualTo(1);
    }

    @Test
    void anotherConsumerHandlesTheSameEventAgain() throws Exception {
        String record = event(Map.of("n", 1));
        String id = idOf(record);
        String a = "a-" + UUID.randomUUID();
        String b = "b-" + UUID.randomUUID();

        assertThat(probe.handle(a, record, null)).isTrue();
        assertThat(probe.handle(b, record, null)).isTrue();

        assertThat(effects(a, id)).isEqualTo(1);
        assertThat(effects(b, id)).isEqualTo(1);
    }

    @Test
    void poisonFromTheHandlerPropagatesAndLeavesNoTrace() throws Exception {
        String consumer = "p-" + UUID.randomUUID();
        String record = event(Map.of("n", 1));
        String id = idOf(record);

        assertThatThrownBy(() -> probe.handle(consumer, record, new PoisonEventException("refused")))
                .isInstanceOf(PoisonEventException.class).hasMessage("refused");

        assertThat(processed(consumer, id)).isZero();
        assertThat(effects(consumer, id)).isZero();
        // not claimed, so a fixed consumer could still process it
        assertThat(probe.handle(consumer, record, null)).isTrue();
        assertThat(effects(consumer, id)).isEqualTo(1);
    }

    @Test
    void transientFailureIsRetriedUntilItSucceedsAndHasOneEffect() throws Exception {
        String consumer = "t-" + UUID.randomUUID();
        String record = event(Map.of("n", 1));
        String id = idOf(record);
        int[] attempts = {0};

        assertThat(inbox.handle(consumer, record, e -> {
            em.createNativeQuery("insert into test_inbox_effect (consumer, event_id) values (?1, ?2)")
                    .setParameter(1, consumer).setParameter(2, e.id()).executeUpdate();
            if (++attempts[0] < 3) {
                throw new IllegalStateException("database hiccup");
            }
        })).isTrue();

        assertThat(attempts[0]).isEqualTo(3);
        assertThat(processed(consumer, id)).isEqualTo(1);
        assertThat(effects(consumer, id)).as("failed attempts rolled back").isEqualTo(1);
    }

    @Test
    void recordThatIsNotJsonIsPoison() {
        assertThatThrownBy(() -> probe.handle("n-" + UUID.randomUUID(), "this is not json", null))
                .isInstanceOf(PoisonEventException.class);
        assertThatThrownBy(() -> probe.handle("n-" + UUID.randomUUID(), "", null))
                .isInstanceOf(PoisonEventException.class);
        assertThatThrownBy(() -> probe.handle("n-" + UUID.randomUUID(), "{\"id\":\"x\"}", null))
                .isInstanceOf(PoisonEventException.class);
    }

    @Test
    void eventWithoutDataIsPoison() {
        String record = """
                {"specversion":"1.0","id":"%s","source":"/s","type":"t"}""".formatted(UUID.randomUUID());
        assertThatThrownBy(() -> probe.handle("d-" + UUID.randomUUID(), record, null))
                .isInstanceOf(PoisonEventException.class).hasMessageContaining("no data");
    }

    @Test
    void poisonRecordOnTheChannelGoesToTheDeadLetterTopicAndTheNextIsProcessed() throws Exception {
        String marker = UUID.randomUUID().toString();
        String poison = "not json " + marker;
        String refused = event(Map.of("poison", true, "marker", marker));
        String good = event(Map.of("n", 2));
        String goodId = idOf(good);

        Map<String, Object> props = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestServers.kafka().bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all");
        try (var producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            // Records carry the CloudEvents content type exactly as the outbox relay writes them.
            for (String value : List.of(poison, refused, good)) {
                var record = new ProducerRecord<>("probe-in", "k", value);
                record.headers().add("content-type", CloudEvent.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
                producer.send(record).get();
            }
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(
                () -> assertThat(effects(InboxProbe.CHANNEL_CONSUMER, goodId)).isEqualTo(1));
        assertThat(processed(InboxProbe.CHANNEL_CONSUMER, idOf(refused))).isZero();
        assertThat(effects(InboxProbe.CHANNEL_CONSUMER, idOf(refused))).isZero();

        List<ConsumerRecord<String, String>> dead = readDlq(marker, 2, Duration.ofSeconds(30));
        assertThat(dead).extracting(ConsumerRecord::value).containsExactly(poison, refused);
        for (ConsumerRecord<String, String> r : dead) {
            assertThat(r.headers().lastHeader("dead-letter-reason")).as("dead-letter-reason header").isNotNull();
        }
        assertThat(new String(dead.get(1).headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8))
                .contains("payload refused");
    }

    private static List<ConsumerRecord<String, String>> readDlq(String marker, int expected, Duration deadline) {
        Map<String, Object> props = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestServers.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(DLQ));
            long end = System.nanoTime() + deadline.toNanos();
            while (System.nanoTime() < end && records.size() < expected) {
                for (var r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.value() != null && r.value().contains(marker)) {
                        records.add(r);
                    }
                }
            }
        }
        return records;
    }
}
