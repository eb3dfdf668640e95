package vn.inspectorate.e2e.faults;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import vn.inspectorate.contracts.EventTypes;
import vn.inspectorate.contracts.Topics;
import vn.inspectorate.deploy.Platform;
import vn.inspectorate.e2e.Eventually;
import vn.inspectorate.e2e.ReportFigures;
import vn.inspectorate.e2e.ReportingPositions;
import vn.inspectorate.e2e.RunningPlatform;
import vn.inspectorate.e2e.TopicRecords;

/**
 * The platform's promise under faults, on the real platform while a provincial system keeps writing cases: the Kafka
 * broker stopped for 30 s, the complaints service killed (SIGKILL), PostgreSQL restarted, the reporting service killed
 * while it works through a burst, poison records on the case topic. After each: every accepted write exists exactly
 * once, its event reached the topic once, the report counts exactly the accepted writes, and every refusal during the
 * fault was a 502/503/504 problem that a retry of the same request got past. Runs last: it breaks the platform on
 * purpose.
 */
@Order(Integer.MAX_VALUE)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultsTest {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final Duration CATCH_UP = Duration.ofSeconds(120);
    private static final int STEADY = 10;
    private static final int BURST = 1000;
    private static final int BURST_BATCHES = 10;
    /** Ten batches of a hundred, each answered in seconds on a busy two-core machine. */
    private static final Duration BURST_POSTED = Duration.ofMinutes(5);
    private static final Map<String, String> SURVIVED = new LinkedHashMap<>();

    private final Platform platform = RunningPlatform.get();
    private final String analyst = RunningPlatform.userToken("analyst");

    @Test
    @Order(1)
    void kafkaStoppedForThirtySecondsLosesNothingAndTheReportCatchesUp() throws Exception {
        String body = body("KAFKA");
        CaseWriter writer = new CaseWriter(body, 2, Duration.ofMillis(100));
        awaitAccepted(writer, STEADY);
        platform.kafka().stop();
        int before = writer.acceptedCount();
        // the outage itself: writes go on into each service's outbox while no broker answers
        Thread.sleep(Duration.ofSeconds(30));
        int duringFault = writer.acceptedCount() - before;
        platform.kafka().start();
        awaitAccepted(writer, writer.acceptedCount() + STEADY);
        writer.close();
        // with the broker gone, the write path does not notice: nothing was refused
        assertThat(writer.refusals()).as("refusals while Kafka was down").isEmpty();
        assertThat(duringFault).as("cases accepted while Kafka was down").isPositive();
        survived("Kafka stopped 30 s", body, writer.accepted(), writer, duringFault);
    }

    @Test
    @Order(2)
    void complaintsServiceKilledMidWritesLosesNothingAndDoublesNothing() throws Exception {
        refusedWhileDown("complaints-service SIGKILL", () -> platform.kill("complaints-service"),
                () -> platform.restart("complaints-service"));
    }

    @Test
    @Order(3)
    void postgresRestartedRefusesCleanlyAndLosesNothing() throws Exception {
        refusedWhileDown("PostgreSQL restarted", () -> platform.postgres().stop(), () -> platform.postgres().start());
    }

    private interface Step {
        void run() throws Exception;
    }

    /**
     * A part goes down under a steady load of writes and comes back: writes are refused meanwhile (each refusal a
     * problem a retry gets past), and afterwards every accepted case is there once, evented once and counted once.
     */
    private void refusedWhileDown(String fault, Step down, Step up) throws Exception {
        String body = body(fault.substring(0, fault.indexOf(' ')).toUpperCase());
        CaseWriter writer = new CaseWriter(body, 3, Duration.ofMillis(50));
        awaitAccepted(writer, STEADY);
        down.run();
        Eventually.poll("writes refused after " + fault, Duration.ofSeconds(30), writer::refusals, r -> r.size() >= 3);
        up.run();
        awaitAccepted(writer, writer.acceptedCount() + STEADY);
        writer.close();
        checkRefusals(writer);
        survived(fault, body, writer.accepted(), writer, 0);
    }

    @Test
    @Order(4)
    void reportingKilledWhileCountingABurstCountsItExactlyOnce() throws Exception {
        // the kill must land strictly inside the burst: when the service had already counted all of it, another burst
        for (int attempt = 1; attempt <= 3; attempt++) {
            String body = body("BURST");
            // the burst arrives as batches one after another, so that the service is counting while more come in
            java.util.concurrent.CompletableFuture<Map<String, String>> posting =
                    java.util.concurrent.CompletableFuture.supplyAsync(() -> burst(body));
            long counted = Eventually.poll("the reporting service started counting the burst", Duration.ofSeconds(60),
                    Duration.ofMillis(5), () -> countedInReporting(body), n -> n > 0);
            platform.kill("reporting-service");
            long committed = countedInReporting(body);
            System.out.printf("[faults] reporting-service killed after committing %d of %d cases of the burst (seen"
                    + " %d), attempt %d%n", committed, BURST, counted, attempt);
            Map<String, String> accepted;
            try {
                accepted = posting.get(BURST_POSTED.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
            } finally {
                // the tests after this one need the service back, whatever became of the burst
                platform.restart("reporting-service");
            }
            if (committed < BURST) {
                assertThat(committed).as("cases of the burst counted when the service was killed").isPositive();
                survived("reporting-service SIGKILL mid-burst (" + committed + "/" + BURST + " counted)", body,
                        accepted, null, 0);
                return;
            }
            survived("reporting-service SIGKILL after a whole burst (attempt " + attempt + ")", body, accepted, null, 0);
        }
        throw new AssertionError("the reporting service counted each whole burst before it could be killed");
    }

    /**
     * Posts a burst of cases of one receiving body, {@value #BURST_BATCHES} batches one after the other: source
     * reference to case id.
     */
    private Map<String, String> burst(String body) {
        LocalDate today = LocalDate.now(VIETNAM);
        String token = RunningPlatform.clientToken("province-hn");
        Map<String, String> accepted = new HashMap<>();
        int perBatch = BURST / BURST_BATCHES;
        for (int from = 0; from < BURST; from += perBatch) {
            List<Map<String, Object>> cases = new ArrayList<>();
            for (int i = from; i < from + perBatch; i++) {
                cases.add(Map.of("sourceSystem", "hn-portal", "sourceReference", body + "-" + i, "provinceCode",
                        "VN-HN", "receivingBodyCode", body, "channel", "ONLINE", "kind", "PETITION", "receivedOn",
                        today.toString(), "subject", "Road repair petition " + i, "complainant", Map.of("fullName",
                                "Ngo Thi Burst", "idNumber", "001044000666", "address", "2 Ba Trieu")));
            }
            // a slow answer (504) may still have committed: the same batch again answers each item as created or
            // duplicate
            JsonPath answer = Eventually.poll("the burst accepted", CATCH_UP,
                    () -> given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("cases", cases))
                            .post(platform.gatewayUrl() + "/api/v1/cases/batch"),
                    r -> r.statusCode() < 502).then().statusCode(200).extract().jsonPath();
            assertThat(answer.getInt("created") + answer.getInt("duplicates")).isEqualTo(perBatch);
            assertThat(answer.getInt("rejected")).isZero();
            for (int i = 0; i < perBatch; i++) {
                String id = answer.getString("results[" + i + "].caseId");
                accepted.put(body + "-" + (from + i), id != null ? id
                        : answer.getString("results[" + i + "].duplicateOf"));
            }
        }
        return accepted;
    }

    /** The cases of one receiving body whose counting the reporting service has committed, read in its database. */
    private long countedInReporting(String body) {
        try (Connection c = DriverManager.getConnection(platform.postgres().jdbcUrl("reporting"), "postgres", "");
                PreparedStatement st = c.prepareStatement("select count(*) from case_state where body_code = ?")) {
            st.setString(1, body);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the reporting database", e);
        }
    }

    @Test
    @Order(5)
    void poisonRecordsGoToEachConsumersDeadLetterTopicWithTheReasonAndConsumersGoOn() throws Exception {
        String marker = UUID.randomUUID().toString();
        String unparseable = "{not json " + marker;
        String wrongSchema = """
                {"specversion":"1.0","id":"%s","source":"/e2e","type":"%s","subject":"%s","time":"2026-01-01T00:00:00Z",\
                "datacontenttype":"application/json","data":{"caseId":"not-a-uuid-%s","version":"two"}}"""
                .formatted(UUID.randomUUID(), EventTypes.CASE_CLASSIFIED, marker, marker);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig())) {
            producer.send(new ProducerRecord<>(Topics.CASES, marker, unparseable)).get();
            producer.send(new ProducerRecord<>(Topics.CASES, marker, wrongSchema)).get();
        }
        for (String consumer : List.of("inspection-service", "asset-declaration-service", "reporting-service")) {
            String dlq = "inspectorate." + consumer + ".dlq";
            List<ConsumerRecord<String, String>> dead = Eventually.poll("both poison records in " + dlq,
                    Duration.ofSeconds(60), () -> records(dlq, r -> r.value() != null && r.value().contains(marker)),
                    r -> r.size() >= 2);
            for (ConsumerRecord<String, String> record : dead) {
                Header reason = record.headers().lastHeader("dead-letter-reason");
                assertThat(reason).as("reason header on %s in %s", record.value(), dlq).isNotNull();
                assertThat(new String(reason.value(), StandardCharsets.UTF_8)).isNotBlank();
            }
            System.out.printf("[faults] %s: %d poison records in %s, reasons: %s%n", consumer, dead.size(), dlq,
                    dead.stream().map(r -> new String(r.headers().lastHeader("dead-letter-reason").value(),
                            StandardCharsets.UTF_8)).distinct().toList());
        }
        // the consumers went on: a case written after the poison is counted
        String body = body("AFTER-POISON");
        CaseWriter writer = new CaseWriter(body, 1, Duration.ofMillis(100));
        awaitAccepted(writer, 3);
        writer.close();
        survived("poison records on the case topic", body, writer.accepted(), writer, 0);
    }

    @AfterAll
    static void printWhatWasSurvived() {
        System.out.println("[faults] survived " + SURVIVED.size() + " faults:");
        SURVIVED.forEach((fault, figures) -> System.out.println("[faults]   " + fault + ": " + figures));
    }

    private static void awaitAccepted(CaseWriter writer, int count) {
        Eventually.poll(count + " cases accepted", CATCH_UP, writer::acceptedCount, n -> n >= count);
    }

    /** Every refusal was a problem the client can act on (retry later), never a 500 and never a broken answer. */
    private static void checkRefusals(CaseWriter writer) {
        for (CaseWriter.Refusal refusal : writer.refusals()) {
            assertThat(refusal.status()).as("refusal %s", refusal).isIn(502, 503, 504);
            assertThat(refusal.contentType()).as("refusal %s", refusal).startsWith("application/problem+json");
        }
    }

    /**
     * The checks after a fault: the accepted cases are distinct, each exists once in the complaints database, its
     * case.received event is on the topic once, and the report counts exactly them.
     */
    private void survived(String fault, String body, Map<String, String> accepted, CaseWriter writer,
            int acceptedDuringFault) throws Exception {
        Collection<String> ids = accepted.values();
        Set<String> distinct = new HashSet<>(ids);
        assertThat(distinct).as("accepted case ids").hasSameSizeAs(ids);
        Map<String, String> inDatabase = casesIn(body);
        assertThat(new HashSet<>(inDatabase.values())).as("cases of %s in the complaints database", body)
                .isEqualTo(distinct);
        Map<String, Integer> received = new TreeMap<>();
        Set<String> eventIds = new HashSet<>();
        int rawDuplicates = 0;
        List<ConsumerRecord<String, String>> events = Eventually.poll("case.received of every case of " + body,
                CATCH_UP, () -> records(Topics.CASES, r -> distinct.contains(r.key())
                        && r.value().contains(EventTypes.CASE_RECEIVED)),
                r -> r.stream().map(ConsumerRecord::key).distinct().count() == distinct.size());
        for (ConsumerRecord<String, String> event : events) {
            JsonPath json = JsonPath.from(event.value());
            if (!eventIds.add(json.getString("id"))) {
                rawDuplicates++;
                continue;
            }
            received.merge(event.key(), 1, Integer::sum);
        }
        assertThat(received.values()).as("case.received events per case").allMatch(n -> n == 1);
        Eventually.poll("the report counts every accepted case of " + body, CATCH_UP, () -> received(body),
                n -> n == distinct.size());
        // a double count may come later than the first match: once the reporting service's projections reflect every
        // record the cases topic has now, the count must still be exactly the accepted cases
        ReportingPositions.awaitWholeTopic(platform, Topics.CASES, CATCH_UP);
        long counted = received(body);
        assertThat(counted).as("cases of %s counted once the topic is consumed to its end", body)
                .isEqualTo(distinct.size());
        String figures = String.format("accepted %d (during the fault %d), attempts %d, refused %d %s, in database %d,"
                        + " events %d (raw redeliveries %d), reported %d, lost 0, duplicates 0", distinct.size(),
                acceptedDuringFault, writer == null ? 1 : writer.attempts(), writer == null ? 0 : writer.refusals().size(),
                writer == null ? Map.of() : statuses(writer.refusals()),
                inDatabase.size(), received.size(), rawDuplicates, counted);
        SURVIVED.put(fault, figures);
        System.out.println("[faults] " + fault + ": " + figures);
    }

    private static Map<Integer, Long> statuses(List<CaseWriter.Refusal> refusals) {
        Map<Integer, Long> byStatus = new TreeMap<>();
        refusals.forEach(r -> byStatus.merge(r.status(), 1L, Long::sum));
        return byStatus;
    }

    private long received(String body) {
        LocalDate today = LocalDate.now(VIETNAM);
        return ReportFigures.figure(analyst, "cases.received", Map.of("from", today.minusDays(1).toString(),
                "to", today.toString(), "body", body));
    }

    /** The cases of one receiving body in the complaints database: source reference to id. */
    private Map<String, String> casesIn(String body) throws SQLException {
        Map<String, String> cases = new HashMap<>();
        try (Connection c = DriverManager.getConnection(platform.postgres().jdbcUrl("complaints"), "postgres", "");
                PreparedStatement st = c.prepareStatement(
                        "select source_reference, id from citizen_case where receiving_body_code = ?")) {
            st.setString(1, body);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    cases.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return cases;
    }

    /** Every committed record of a topic, from the beginning, that {@code keep} accepts. */
    private List<ConsumerRecord<String, String>> records(String topic,
            java.util.function.Predicate<ConsumerRecord<String, String>> keep) {
        return TopicRecords.read(platform.kafka().bootstrapServers(), topic, keep);
    }

    private Properties producerConfig() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafka().bootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return p;
    }

    private static String body(String fault) {
        return "E2E-FAULT-" + fault + "-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    }
}
