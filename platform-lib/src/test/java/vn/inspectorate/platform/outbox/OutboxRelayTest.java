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
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.Readiness;
import org.junit.jupiter.api.Test;
import vn.inspectorate.contracts.CloudEvent;
import vn.inspectorate.platform.trace.TraceContext;
import vn.inspectorate.platform.trace.TraceParent;
import vn.inspectorate.testsupport.TestServers;
import vn.inspectorate.testsupport.TopicSweep;

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

    @Inject
    @Readiness
    OutboxHealthCheck health;

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
            // the first aggregate's rows in one commit, so that the relay's first batch in the outage holds dozens:
            // a relay that let each record wait out the producer's block would record nothing for minutes
            writes.write(topic, first, 5, 45);
            for (int i = 5; i < 50; i += 5) {
                writes.write(topic, second, i, 5);
            }
            // the relay tries, fails and backs off meanwhile; the failure shows on the first row it could not send,
            // counted again by the retries, whose producer cannot even start its transactions
            String pending = """
                    select count(p.id) || ' ' || coalesce(max(p.attempts), 0) || ' '
                           || bool_or(p.last_error is not null)
                    from platform_outbox o left join platform_outbox_pending p on p.id = o.id
                    where o.topic = '%s'""".formatted(topic);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!single(pending).matches("90 ([2-9]|[1-9][0-9]+) true") && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertThat(single(pending)).as("while the broker is down: pending rows, the attempts and failure recorded")
                    .matches("90 ([2-9]|[1-9][0-9]+) true");
            Map<String, Object> backlog = health.call().getData().orElseThrow();
            assertThat(backlog.get("pending")).as("the backlog the health check reports").isEqualTo(90L);
            assertThat((Long) backlog.get("oldestPendingSeconds")).isBetween(1L, 60L);
            assertThat(backlog.get("lastError")).isNotNull();
        } finally {
            TestServers.kafka().start();
        }

        List<ConsumerRecord<String, String>> records = readAll(topic, 5 + 90, Duration.ofSeconds(60));
        assertThat(single("""
                select count(*) || ' ' || count(p.id) from platform_outbox o
                left join platform_outbox_pending p on p.id = o.id where o.topic = '%s'""".formatted(topic)))
                .as("sent rows stay in the outbox, none of them pending").isEqualTo("95 0");

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
     * A record the broker refuses (larger than its topic takes) fails its whole batch, the record sent before it
     * included: nothing of the batch shows to {@code read_committed} readers, and the failure is recorded. Once the
     * refused row is taken out of the queue by hand, the other is sent, once.
     */
    @Test
    void aRecordTheBrokerRefusesFailsItsWholeBatch() throws Exception {
        String topic = "outbox-refused-" + UUID.randomUUID();
        String narrow = "outbox-narrow-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestServers.kafka().bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1), new NewTopic(narrow, 1, (short) 1)
                    .configs(Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "4096")))).all().get(20, TimeUnit.SECONDS);
        }
        // over the topic's limit as sent, whatever compression a producer might apply: random text
        StringBuilder padding = new StringBuilder();
        while (padding.length() < 64_000) {
            padding.append(UUID.randomUUID());
        }
        String key = UUID.randomUUID().toString();
        String servers = TestServers.kafka().bootstrapServers();
        writes.writeThenOneLarge(topic, narrow, key, padding.toString());
        try {
            String failed = """
                    select count(*) filter (where p.last_error is not null) || ' ' || count(p.id)
                    from platform_outbox o join platform_outbox_pending p on p.id = o.id
                    where o.topic in ('%s', '%s')""".formatted(topic, narrow);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while ((single(failed).startsWith("0 ") || !String.valueOf(relay.lastError()).contains("RecordTooLarge"))
                    && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertThat(single(failed)).as("the batch's failure recorded, both rows pending").isEqualTo("1 2");
            assertThat(relay.lastError()).contains("RecordTooLargeException");
            assertThat(TopicSweep.writtenToEnd(servers, topic, Duration.ofSeconds(20)))
                    .as("the first record written, in aborted batches").isNotEmpty();
            assertThat(TopicSweep.toEnd(servers, topic, Duration.ofSeconds(20)))
                    .as("nothing of the failed batch committed").isEmpty();
        } finally {
            // the refused row would stop every later batch
            execute("""
                    delete from platform_outbox_pending p using platform_outbox o
                    where o.id = p.id and o.topic = '%s'""".formatted(narrow));
        }
        assertThat(readAll(topic, 1, Duration.ofSeconds(20))).as("the other row, sent once it is alone")
                .extracting(ConsumerRecord::key).containsExactly(key);
        assertThat(TopicSweep.writtenToEnd(servers, narrow, Duration.ofSeconds(20))).as("the refused record, nowhere")
                .isEmpty();
    }

    /**
     * Two instances of a service: while another one leads, this one's rows wait (the leader relays them); when the leader
     * dies (its session ends), this one takes the lead and relays them within its next asks.
     */
    @Test
    void whileAnotherInstanceLeadsThisOneWaitsAndTakesOverWhenItDies() throws Exception {
        String topic = "outbox-leader-" + UUID.randomUUID();
        String aggregate = UUID.randomUUID().toString();
        try (Connection other = holdTheLead()) {
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

    /**
     * Retention deletes the old rows that were sent and keeps an old one still pending, and a young one. It reads the
     * key's low end: here every row up to the pending one is made old. The lead is held meanwhile, so the relay sends
     * nothing and the rows' sending is played by deleting their pending rows, as the relay does.
     */
    @Test
    void retentionDeletesOldSentRowsAndKeepsOldPendingAndYoungOnes() throws Exception {
        String topic = "outbox-retention-" + UUID.randomUUID();
        try (Connection lead = holdTheLead(); var st = lead.createStatement()) {
            List<Long> ids = new ArrayList<>();
            for (String name : List.of("sent-old", "pending-old", "sent-young")) {
                try (var rs = st.executeQuery("""
                        insert into platform_outbox (event_id, topic, record_key, event_type, payload)
                        values (gen_random_uuid(), '%s', '%s', 'test', '{}') returning id""".formatted(topic, name))) {
                    rs.next();
                    ids.add(rs.getLong(1));
                }
            }
            st.execute("delete from platform_outbox_pending where id in (%d, %d)".formatted(ids.get(0), ids.get(2)));
            st.execute("update platform_outbox set created_at = now() - interval '30 days' where id <= " + ids.get(1));

            relay.deleteOldSentRows();

            assertThat(single("""
                    select string_agg(o.record_key || ':' || (p.id is not null), ',' order by o.id)
                    from platform_outbox o left join platform_outbox_pending p on p.id = o.id
                    where o.topic = '%s'""".formatted(topic)))
                    .isEqualTo("pending-old:true,sent-young:false");
            assertThat(single("""
                    select count(*) from platform_outbox o where o.id < %d
                    and not exists (select 1 from platform_outbox_pending p where p.id = o.id)"""
                    .formatted(ids.get(1))))
                    .as("old sent rows left before them").isEqualTo("0");
        }
        assertThat(readAll(topic, 1, Duration.ofSeconds(20))).as("the pending row, sent once the lead is back")
                .extracting(ConsumerRecord::key).containsExactly("pending-old");
    }

    /**
     * More pending ids than a batch takes, whose outbox rows are gone (deleted by hand): they are dropped, and the row
     * written behind them is sent.
     */
    @Test
    void pendingIdsWithoutTheirOutboxRowsAreDroppedAndTheRowsBehindThemSent() throws Exception {
        String topic = "outbox-orphans-" + UUID.randomUUID();
        long first = -1_000_000L * (1 + new java.util.Random().nextInt(1000));
        int orphans = config.relay().batchSize() + 100;
        try (Connection lead = holdTheLead(); var st = lead.createStatement()) {
            // ids no sequence gives, below every real one: the head of the queue
            st.execute("insert into platform_outbox_pending (id) select %d + g from generate_series(0, %d) g"
                    .formatted(first, orphans - 1));
        }
        writes.write(topic, UUID.randomUUID().toString(), 0, 1);

        assertThat(readAll(topic, 1, Duration.ofSeconds(20))).hasSize(1);
        assertThat(single("select count(*) from platform_outbox_pending where id between %d and %d"
                .formatted(first, first + orphans - 1))).isEqualTo("0");
    }

    /**
     * An outbox in the shape that marked rows sent in place: the migration makes its unsent rows pending (attempts and
     * error kept), drops the marking columns, and the rows written afterwards are pending from their insert.
     */
    @Test
    void anOutboxThatMarkedRowsInPlaceIsMigratedWithItsUnsentRowsPending() throws Exception {
        String schema = "legacy_outbox_" + Long.toHexString(System.nanoTime());
        String script;
        try (var in = getClass().getResourceAsStream("/db/platform/R__platform_outbox.sql")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Connection c = connect(); var st = c.createStatement()) {
            st.execute("create schema " + schema + "; set search_path to " + schema);
            st.execute("""
                    create table platform_outbox (id bigserial primary key, event_id uuid not null unique,
                        topic text not null, record_key text not null, event_type text not null, payload text not null,
                        created_at timestamptz not null default now(), sent_at timestamptz,
                        attempts integer not null default 0, last_error text, traceparent text);
                    create index platform_outbox_unsent on platform_outbox (id) where sent_at is null;
                    insert into platform_outbox (event_id, topic, record_key, event_type, payload, sent_at, attempts,
                        last_error)
                    values (gen_random_uuid(), 't', 'k', 'e', '{}', now(), 1, null),
                           (gen_random_uuid(), 't', 'k', 'e', '{}', null, 3, 'broker down'),
                           (gen_random_uuid(), 't', 'k', 'e', '{}', null, 0, null)""");
            st.execute(script);
            st.execute(script); // a repeatable migration: running it again changes nothing
            st.execute("insert into platform_outbox (event_id, topic, record_key, event_type, payload) "
                    + "values (gen_random_uuid(), 't', 'k', 'e', '{}')");
            try (var rs = st.executeQuery("""
                    select string_agg(o.id || ':' || coalesce(p.attempts || '/' || coalesce(p.last_error, '-'), 'sent'),
                        ',' order by o.id),
                        (select count(*) from information_schema.columns where table_schema = current_schema()
                         and table_name = 'platform_outbox' and column_name in ('sent_at', 'attempts', 'last_error'))
                    from platform_outbox o left join platform_outbox_pending p on p.id = o.id""")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("1:sent,2:3/broker down,3:0/-,4:0/-");
                assertThat(rs.getInt(2)).as("marking columns left").isZero();
            }
            assertThat(single("select count(*) from pg_indexes where schemaname = '%s' and indexname = '%s'"
                    .formatted(schema, "platform_outbox_unsent"))).as("the index of unsent rows").isEqualTo("0");
        } finally {
            execute("drop schema if exists " + schema + " cascade");
        }
    }

    /**
     * A connection that holds the relay's lead, as another instance would: this instance gives the lead up, and asks
     * for it in vain until the connection is closed.
     */
    private Connection holdTheLead() throws Exception {
        Connection other = connect();
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
        return other;
    }

    private Connection connect() throws SQLException {
        Properties credentials = new Properties();
        user.ifPresent(u -> credentials.setProperty("user", u));
        password.ifPresent(p -> credentials.setProperty("password", p));
        return DriverManager.getConnection(jdbcUrl, credentials);
    }

    private String single(String query) throws SQLException {
        try (Connection c = connect(); var st = c.createStatement(); var rs = st.executeQuery(query)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private void execute(String statement) throws SQLException {
        try (Connection c = connect(); var st = c.createStatement()) {
            st.execute(statement);
        }
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
