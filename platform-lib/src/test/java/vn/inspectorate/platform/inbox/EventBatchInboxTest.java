package vn.inspectorate.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
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

/**
 * One transaction per batch with the guarantees of the single-record inbox: redeliveries skipped, a failed batch
 * retried whole without a trace, a poison record sent alone to the dead-letter topic while the rest of its batch is
 * applied exactly once.
 */
@QuarkusTest
class EventBatchInboxTest {

    static final String DLQ = "inspectorate.platform-test.batch-dlq";

    @Inject
    EventBatchInbox batches;

    @Inject
    InboxProbe probe;

    @Inject
    ObjectMapper mapper;

    @Inject
    EntityManager em;

    private long offset;

    private String event(Map<String, Object> data) throws Exception {
        return mapper.writeValueAsString(CloudEvent.of("/inspectorate/test", "vn.inspectorate.test.probed.v1",
                "agg-1", OffsetDateTime.now(), data));
    }

    private String idOf(String record) throws Exception {
        return mapper.readTree(record).get("id").asText();
    }

    private ConsumerRecord<String, String> record(String value) {
        return new ConsumerRecord<>("probe-batch-in", 0, offset++, "k", value);
    }

    private List<ConsumerRecord<String, String>> records(String... values) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        for (String v : values) {
            records.add(record(v));
        }
        return records;
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

    /** Writes an effect per event and refuses a payload marked poison, after its effect was written. */
    private BatchHandler effects(String consumer, List<String> order) {
        return (record, event) -> {
            order.add(event.id());
            probe.effect(consumer, event.id());
            if (event.data().path("poison").asBoolean(false)) {
                throw new PoisonEventException("payload refused for event " + event.id());
            }
        };
    }

    @Test
    void newEventsAreAppliedOnceInRecordOrderAndRedeliveriesAreSkipped() throws Exception {
        String consumer = "b-" + UUID.randomUUID();
        String a = event(Map.of("n", 1));
        String b = event(Map.of("n", 2));
        String c = event(Map.of("n", 3));
        List<String> order = new ArrayList<>();

        BatchOutcome first = batches.handle(consumer, InboxProbe.BATCH_CHANNEL, records(b), effects(consumer, order));
        assertThat(first.applied()).isEqualTo(1);

        order.clear();
        // b was processed in an earlier batch; a comes twice in this one
        BatchOutcome second = batches.handle(consumer, InboxProbe.BATCH_CHANNEL, records(c, a, b, a),
                effects(consumer, order));

        assertThat(second.applied()).isEqualTo(2);
        assertThat(second.skipped()).isEqualTo(2);
        assertThat(second.poison()).isEmpty();
        assertThat(second.attempts()).isEqualTo(1);
        assertThat(order).containsExactly(idOf(c), idOf(a));
        for (String r : List.of(a, b, c)) {
            assertThat(effects(consumer, idOf(r))).isEqualTo(1);
            assertThat(processed(consumer, idOf(r))).isEqualTo(1);
        }

        BatchOutcome again = batches.handle(consumer, InboxProbe.BATCH_CHANNEL, records(a, b, c),
                effects(consumer, order));
        assertThat(again.applied()).isZero();
        assertThat(again.skipped()).isEqualTo(3);
        assertThat(effects(consumer, idOf(a))).isEqualTo(1);
    }

    @Test
    void anotherConsumerAppliesTheSameEventAgain() throws Exception {
        String first = "b-" + UUID.randomUUID();
        String second = "b-" + UUID.randomUUID();
        String a = event(Map.of("n", 1));
        List<String> order = new ArrayList<>();

        assertThat(batches.handle(first, InboxProbe.BATCH_CHANNEL, records(a), effects(first, order)).applied())
                .isEqualTo(1);
        assertThat(batches.handle(second, InboxProbe.BATCH_CHANNEL, records(a), effects(second, order)).applied())
                .isEqualTo(1);

        assertThat(effects(first, idOf(a))).isEqualTo(1);
        assertThat(effects(second, idOf(a))).isEqualTo(1);
    }

    @Test
    void poisonRecordsAreSetAsideAloneAndTheRestOfTheBatchIsAppliedOnce() throws Exception {
        String consumer = "p-" + UUID.randomUUID();
        String marker = UUID.randomUUID().toString();
        String good1 = event(Map.of("n", 1, "marker", marker));
        String refused = event(Map.of("poison", true, "marker", marker));
        String unparseable = "not json " + marker;
        String good2 = event(Map.of("n", 2, "marker", marker));
        List<String> order = new ArrayList<>();
        List<Integer> begun = new ArrayList<>();
        BatchHandler effects = effects(consumer, order);

        BatchOutcome outcome = batches.handle(consumer, InboxProbe.BATCH_CHANNEL,
                records(good1, refused, unparseable, good2), new BatchHandler() {
                    @Override
                    public void apply(ConsumerRecord<String, String> record, CloudEvent<JsonNode> event) {
                        effects.apply(record, event);
                    }

                    @Override
                    public void begin(List<ConsumerRecord<String, String>> records) {
                        begun.add(records.size());
                    }
                });

        assertThat(outcome.applied()).isEqualTo(2);
        assertThat(outcome.poison()).extracting(p -> p.record().value()).containsExactly(refused, unparseable);
        assertThat(outcome.poison().get(0).reason()).hasMessageContaining("payload refused");
        assertThat(outcome.attempts()).as("one rollback to set the refused record aside").isEqualTo(2);
        assertThat(begun).as("every attempt begins with every record, poison included").containsExactly(4, 4);
        assertThat(effects(consumer, idOf(good1))).isEqualTo(1);
        assertThat(effects(consumer, idOf(good2))).isEqualTo(1);
        assertThat(effects(consumer, idOf(refused))).as("its effect was rolled back").isZero();
        assertThat(processed(consumer, idOf(refused))).as("not claimed: a fixed consumer could still take it").isZero();
        assertThat(processed(consumer, idOf(good2))).isEqualTo(1);

        List<ConsumerRecord<String, String>> dead = readDlq(marker, unparseable, Duration.ofSeconds(30));
        assertThat(dead).extracting(ConsumerRecord::value).containsExactly(refused, unparseable);
        ConsumerRecord<String, String> first = dead.get(0);
        assertThat(header(first, DeadLetters.REASON)).contains("payload refused");
        assertThat(header(first, DeadLetters.TOPIC)).isEqualTo("probe-batch-in");
        assertThat(header(first, DeadLetters.OFFSET)).isEqualTo(Long.toString(offset - 3));
        assertThat(header(first, DeadLetters.EXCEPTION_CLASS_NAME)).isEqualTo(PoisonEventException.class.getName());
        assertThat(header(dead.get(1), DeadLetters.REASON)).contains("not a CloudEvents 1.0 JSON event");
    }

    @Test
    void aTransientFailureRetriesTheWholeBatchWhichLeavesOneEffectPerEvent() throws Exception {
        String consumer = "t-" + UUID.randomUUID();
        String a = event(Map.of("n", 1));
        String b = event(Map.of("n", 2));
        int[] attempts = {0};

        BatchOutcome outcome = batches.handle(consumer, InboxProbe.BATCH_CHANNEL, records(a, b), (record, event) -> {
            probe.effect(consumer, event.id());
            if (event.data().path("n").asInt() == 2 && ++attempts[0] < 3) {
                throw new IllegalStateException("database hiccup");
            }
        });

        assertThat(outcome.attempts()).isEqualTo(3);
        assertThat(outcome.applied()).isEqualTo(2);
        assertThat(effects(consumer, idOf(a))).as("failed attempts rolled back").isEqualTo(1);
        assertThat(effects(consumer, idOf(b))).isEqualTo(1);
        assertThat(processed(consumer, idOf(a))).isEqualTo(1);
    }

    @Test
    void aBatchTooSlowForOneTransactionGoesOnInHalvesInRecordOrderAndEachEventTakesEffectOnce() throws Exception {
        String consumer = "s-" + UUID.randomUUID();
        List<String> values = new ArrayList<>();
        for (int n = 1; n <= 5; n++) {
            values.add(event(Map.of("n", n)));
        }
        List<Integer> attemptSizes = new ArrayList<>();
        List<String> order = new ArrayList<>();

        BatchOutcome outcome = batches.handle(consumer, InboxProbe.BATCH_CHANNEL,
                records(values.toArray(String[]::new)), new BatchHandler() {
                    private int size;
                    private int slowFailures;

                    @Override
                    public void begin(List<ConsumerRecord<String, String>> records) {
                        size = records.size();
                        attemptSizes.add(size);
                    }

                    @Override
                    public void apply(ConsumerRecord<String, String> record, CloudEvent<JsonNode> event) {
                        probe.effect(consumer, event.id());
                        // more than this handler can do in one transaction: it fails once the time is spent (a few
                        // times at most, so that an inbox that never splits fails this test instead of hanging it)
                        if (size > 2 && slowFailures++ < 3) {
                            sleep(Duration.ofMillis(1100));
                            throw new IllegalStateException("transaction timed out");
                        }
                        order.add(event.id());
                    }
                });

        // split-after is 1 s in the tests: 5 records fail slowly, then 2 + 2 + 1 each in a transaction of its own
        assertThat(attemptSizes).containsExactly(5, 2, 2, 1);
        assertThat(outcome.attempts()).isEqualTo(4);
        assertThat(outcome.applied()).isEqualTo(5);
        List<String> ids = new ArrayList<>();
        for (String v : values) {
            ids.add(idOf(v));
            assertThat(effects(consumer, idOf(v))).as("the slow attempt rolled back").isEqualTo(1);
            assertThat(processed(consumer, idOf(v))).isEqualTo(1);
        }
        assertThat(order).containsExactlyElementsOf(ids);

        // a quick failure is not a reason to split: the whole batch is retried
        attemptSizes.clear();
        String a = event(Map.of("n", 6));
        String b = event(Map.of("n", 7));
        int[] failures = {0};
        batches.handle(consumer, InboxProbe.BATCH_CHANNEL, records(a, b), new BatchHandler() {
            @Override
            public void begin(List<ConsumerRecord<String, String>> records) {
                attemptSizes.add(records.size());
            }

            @Override
            public void apply(ConsumerRecord<String, String> record, CloudEvent<JsonNode> event) {
                if (failures[0]++ == 0) {
                    throw new IllegalStateException("database hiccup");
                }
            }
        });
        assertThat(attemptSizes).containsExactly(2, 2);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void onTheChannelOnlyThePoisonRecordsReachTheDeadLetterTopicAndTheGoodOnesAreApplied() throws Exception {
        String marker = UUID.randomUUID().toString();
        String poison = "not json " + marker;
        String good1 = event(Map.of("n", 1, "marker", marker));
        String refused = event(Map.of("poison", true, "marker", marker));
        String good2 = event(Map.of("n", 2, "marker", marker));
        String last = "{\"last\": \"" + marker + "\"}";

        Map<String, Object> props = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestServers.kafka().bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all");
        try (var producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            // one key, one partition: the records arrive in this order, in one batch or several
            for (String value : List.of(poison, good1, refused, good2, good1, last)) {
                var record = new ProducerRecord<>(InboxProbe.BATCH_CHANNEL, marker, value);
                record.headers().add("content-type", CloudEvent.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
                producer.send(record).get();
            }
        }

        String consumer = InboxProbe.BATCH_CHANNEL_CONSUMER;
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(effects(consumer, idOf(good1))).isEqualTo(1);
            assertThat(effects(consumer, idOf(good2))).isEqualTo(1);
        });
        // in record order, so a good record sent there would come before the last poison one
        List<ConsumerRecord<String, String>> dead = readDlq(marker, last, Duration.ofSeconds(30));
        assertThat(dead).extracting(ConsumerRecord::value).containsExactly(poison, refused, last);
        for (ConsumerRecord<String, String> r : dead) {
            assertThat(header(r, DeadLetters.REASON)).as("dead-letter-reason of %s", r.value()).isNotBlank();
            assertThat(r.key()).isEqualTo(marker);
            assertThat(header(r, "content-type")).as("the record's own headers are kept")
                    .isEqualTo(CloudEvent.CONTENT_TYPE);
        }
        assertThat(effects(consumer, idOf(refused))).isZero();
        assertThat(processed(consumer, idOf(refused))).isZero();
        assertThat(effects(consumer, idOf(good1))).as("the redelivered copy was skipped").isEqualTo(1);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    /** The dead-letter records carrying {@code marker}, read until the one with value {@code until} arrives. */
    private static List<ConsumerRecord<String, String>> readDlq(String marker, String until, Duration deadline) {
        Map<String, Object> props = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestServers.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(DLQ));
            long end = System.nanoTime() + deadline.toNanos();
            while (System.nanoTime() < end && records.stream().noneMatch(r -> until.equals(r.value()))) {
                for (var r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.value() != null && r.value().contains(marker)) {
                        records.add(r);
                    }
                }
            }
        }
        return records;
    }

    @Test
    void prepareIsGivenTheEventsTheAttemptAppliesAndATypedHandlerOnlyItsTypes() throws Exception {
        String consumer = "t-" + UUID.randomUUID();
        String seen = event(Map.of("n", 0));
        String wanted = event(Map.of("n", 1));
        String refused = event(Map.of("poison", true));
        String other = mapper.writeValueAsString(CloudEvent.of("/inspectorate/test", "vn.inspectorate.test.other.v1",
                "agg-1", OffsetDateTime.now(), Map.of("n", 2)));
        List<String> order = new ArrayList<>();
        batches.handle(consumer, InboxProbe.BATCH_CHANNEL, records(seen), effects(consumer, order));
        List<List<String>> prepared = new ArrayList<>();
        BatchHandler effects = effects(consumer, order);
        List<ConsumerRecord<String, String>> batch = records(wanted, seen, other, refused, wanted);
        // the relay's type header: the other type is passed over before it is parsed
        batch.get(2).headers().add(CloudEvent.TYPE_HEADER,
                "vn.inspectorate.test.other.v1".getBytes(StandardCharsets.UTF_8));

        BatchOutcome outcome = batches.handle(consumer, InboxProbe.BATCH_CHANNEL, batch,
                java.util.Set.of("vn.inspectorate.test.probed.v1"), new BatchHandler() {
                    @Override
                    public void prepare(List<CloudEvent<JsonNode>> events) {
                        prepared.add(events.stream().map(CloudEvent::id).toList());
                    }

                    @Override
                    public void apply(ConsumerRecord<String, String> record, CloudEvent<JsonNode> event) {
                        effects.apply(record, event);
                    }
                });

        // the first attempt: each new event once, the one already processed left out; the second without the refused
        assertThat(prepared).containsExactly(List.of(idOf(wanted), idOf(refused)), List.of(idOf(wanted)));
        assertThat(outcome.applied()).isEqualTo(1);
        assertThat(outcome.poison()).hasSize(1);
        assertThat(processed(consumer, idOf(other))).isZero();
        assertThat(effects(consumer, idOf(wanted))).isEqualTo(1);
    }
}
