package vn.inspectorate.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import vn.inspectorate.contracts.CloudEvent;
import vn.inspectorate.platform.trace.TraceContext;
import vn.inspectorate.platform.trace.TraceParent;
import vn.inspectorate.testsupport.TestServers;

/** The outbox end to end: PostgreSQL rows to the real broker, through commits, rollbacks and a broker outage. */
@QuarkusTest
class OutboxRelayTest {

    @Inject
    SampleWrites writes;

    @Inject
    ObjectMapper mapper;

    @Inject
    TraceContext trace;

    @Inject
    OutboxRelay relay;

    @Inject
    OutboxConfig config;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> user;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    @Test
    void committedRowBecomesEventWithAggregateKeyAndCloudEventsContentType() throws Exception {
        String topic = "outbox-commit-" + UUID.randomUUID();
        String aggregate = UUID.randomUUID().toString();
        String eventId = writes.write(topic, aggregate, 0, 1).getFirst();

        List<ConsumerRecord<String, String>> records = readAll(topic, 1, Duration.ofSeconds(20));

        assertThat(records).hasSize(1);
        ConsumerRecord<String, String> record = records.getFirst();
        assertThat(record.key()).isEqualTo(aggregate);
        assertThat(new String(record.headers().lastHeader("content-type").value(), StandardCharsets.UTF_8))
                .isEqualTo(CloudEvent.CONTENT_TYPE);
        JsonNode event = mapper.readTree(record.value());
        assertThat(event.get("specversion").asText()).isEqualTo("1.0");
        assertThat(event.get("id").asText()).isEqualTo(eventId);
        assertThat(event.get("type").asText()).isEqualTo("vn.inspectorate.test.noted.v1");
        assertThat(event.get("source").asText()).isEqualTo("/inspectorate/platform-test");
        assertThat(event.get("subject").asText()).isEqualTo(aggregate);
        assertThat(event.get("data").get("seq").asInt()).isZero();
    }

    /**
     * An event carries the trace context it was written in (here that of a consumed event) in its envelope and as a
     * record header; written outside any, it starts a trace of its own.
     */
    @Test
    void eventsCarryTheTraceContextTheyWereWrittenIn() throws Exception {
        String topic = "outbox-trace-" + UUID.randomUUID();
        String aggregate = UUID.randomUUID().toString();
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        trace.within(traceparent, () -> writes.writeBatch(topic, aggregate, 2));
        writes.write(topic, aggregate, 10, 1);

        List<ConsumerRecord<String, String>> records = readAll(topic, 4, Duration.ofSeconds(20));

        List<String> inEnvelope = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            String value = mapper.readTree(record.value()).path("traceparent").asText();
            assertThat(new String(record.headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8))
                    .isEqualTo(value);
            inEnvelope.add(value);
        }
        assertThat(inEnvelope.subList(0, 3)).containsOnly(traceparent);
        assertThat(inEnvelope.get(3)).isNotEqualTo(traceparent).satisfies(t -> assertThat(TraceParent.valid(t)).isTrue());
    }

    @Test
    void aBatchOfEventsArrivesWholeInOrderAsCloudEvents() throws Exception {
        String topic = "outbox-batch-" + UUID.randomUUID();
        String aggregate = UUID.randomUUID().toString();
        writes.writeBatch(topic, aggregate, 250);

        List<ConsumerRecord<String, String>> records = readAll(topic, 251, Duration.ofSeconds(30));

        assertThat(records).extracting(r -> mapper.readTree(r.value()).get("data").get("seq").asInt())
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(0, 250).boxed().toList());
        assertThat(records).allSatisfy(r -> {
            assertThat(r.key()).isEqualTo(aggregate);
            JsonNode event = mapper.readTree(r.value());
            assertThat(event.get("specversion").asText()).isEqualTo("1.0");
            assertThat(event.get("subject").asText()).isEqualTo(aggregate);
        });
        assertThat(records.stream().map(r -> {
            try {
                return mapper.readTree(r.value()).get("id").asText();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).distinct()).hasSize(251);
    }

    @Test
    void rowsGatherOnlyAfterABatchOfSeveralRowsThatWasNotFull() {
        OutboxConfig.Relay settings = config.relay();
        assertThat(settings.gatherFrom()).isEqualTo(3);
        assertThat(OutboxRelay.gatherMillis(1, settings)).isZero();
        assertThat(OutboxRelay.gatherMillis(2, settings)).isZero();
        assertThat(OutboxRelay.gatherMillis(3, settings)).isEqualTo(20);
        assertThat(OutboxRelay.gatherMillis(settings.batchSize() - 1, settings)).isEqualTo(20);
        assertThat(OutboxRelay.gatherMillis(settings.batchSize(), settings)).isZero();
    }

    @Test
    void rolledBackTransactionPublishesNothing() throws Exception {
        String topic = "outbox-rollback-" + UUID.randomUUID();
        String aggregate = UUID.randomUUID().toString();
        assertThatThrownBy(() -> writes.writeThenFail(topic, aggregate)).isInstanceOf(IllegalStateException.class);
        // a committed marker after the failed write: once it arrives, the relay has passed the failed write's place
        writes.write(topic, aggregate, 100, 1);

        List<ConsumerRecord<String, String>> records = readAll(topic, 1, Duration.ofSeconds(20));

        assertThat(records).extracting(r -> mapper.readTree(r.value()).get("data").get("seq").asInt())
                .containsExactly(100);
    }

    @Test
    void rowsWaitWhileTheBrokerIsDownAndArriveInOrderOnceEach() throws Exception {
        String topic = "outbox-outage-" + UUID.randomUUID();
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        writes.write(topic, first, 0, 5);
        readAll(topic, 5, Duration.ofSeconds(20));

        TestServers.kafka().stop();
        try {
            for (int i = 5; i < 50; i += 5) {
                writes.write(topic, first, i, 5);
                writes.write(topic, second, i, 5);
            }
            Thread.sleep(3000); // the relay tries, fails and backs off meanwhile
        } finally {
            TestServers.kafka().start();
        }

        List<ConsumerRecord<String, String>> records = readAll(topic, 5 + 90, Duration.ofSeconds(60));

        List<Integer> firstSeqs = new ArrayList<>();
        List<Integer> secondSeqs = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (ConsumerRecord<String, String> r : records) {
            JsonNode event = mapper.readTree(r.value());
            ids.add(event.get("id").asText());
            (r.key().equals(first) ? firstSeqs : secondSeqs).add(event.get("data").get("seq").asInt());
        }
        assertThat(ids).as("no event twice").doesNotHaveDuplicates();
        assertThat(firstSeqs).as("first aggregate in order, none lost").containsExactlyElementsOf(range(0, 50));
        assertThat(secondSeqs).as("second aggregate in order, none lost").containsExactlyElementsOf(range(5, 50));
    }

    /**
     * Two instances of a service: while another one leads, this one's rows wait (the leader relays them); when the leader
     * dies (its session ends), this one takes the lead and relays them within its next asks.
     */
    @Test
    void whileAnotherInstanceLeadsThisOneWaitsAndTakesOverWhenItDies() throws Exception {
        String topic = "outbox-leader-" + UUID.randomUUID();
        String aggregate = UUID.randomUUID().toString();
        Properties credentials = new Properties();
        user.ifPresent(u -> credentials.setProperty("user", u));
        password.ifPresent(p -> credentials.setProperty("password", p));
        try (Connection other = DriverManager.getConnection(jdbcUrl, credentials)) {
            // the other instance waits for the lead; PostgreSQL hands it over the moment this one gives it up
            CompletableFuture<Void> otherLeads = CompletableFuture.runAsync(() -> {
                try (PreparedStatement st = other.prepareStatement("select pg_advisory_lock(?)")) {
                    st.setLong(1, RelayLeadership.LEADER_LOCK);
                    st.execute();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(300);
            relay.resign();
            otherLeads.get(10, TimeUnit.SECONDS);
            writes.write(topic, aggregate, 0, 3);

            assertThat(readAll(topic, 0, Duration.ofSeconds(3))).as("published while another instance leads").isEmpty();
            assertThat(relay.leading()).isFalse();
        }
        long died = System.nanoTime();

        List<ConsumerRecord<String, String>> records = readAll(topic, 3, Duration.ofSeconds(20));

        assertThat(records).extracting(r -> mapper.readTree(r.value()).get("data").get("seq").asInt())
                .containsExactly(0, 1, 2);
        assertThat(relay.leading()).isTrue();
        System.out.printf("outbox relay took the lead over and published %d ms after the leader's session ended%n",
                (System.nanoTime() - died) / 1_000_000);
    }

    private static List<Integer> range(int from, int to) {
        return java.util.stream.IntStream.range(from, to).boxed().toList();
    }

    /** Reads the topic from the start until {@code expected} records came and a quiet second passed. */
    private static List<ConsumerRecord<String, String>> readAll(String topic, int expected, Duration deadline) {
        Map<String, Object> props = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestServers.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long end = System.nanoTime() + deadline.toNanos();
            long quietSince = System.nanoTime();
            while (System.nanoTime() < end) {
                var batch = consumer.poll(Duration.ofMillis(200));
                batch.forEach(records::add);
                if (!batch.isEmpty()) {
                    quietSince = System.nanoTime();
                } else if (records.size() >= expected && System.nanoTime() - quietSince > 1_000_000_000L) {
                    break;
                }
            }
        }
        assertThat(records).as("records on " + topic).hasSizeGreaterThanOrEqualTo(expected);
        return records;
    }
}
