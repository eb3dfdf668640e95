package vn.inspectorate.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import vn.inspectorate.contracts.EventCatalog;
import vn.inspectorate.contracts.EventTypes;
import vn.inspectorate.contracts.Topics;
import vn.inspectorate.deploy.Platform;
import vn.inspectorate.testsupport.AsyncApiSchemas;

/**
 * The published event contract holds on the real platform: after a small flow through the gateway (a denunciation
 * filed, classified, accepted, inspected and concluded; a declaration submitted), every record on every topic, from
 * the beginning to the end offsets of that moment, matches its AsyncAPI message (envelope and payload; public
 * payloads allow no additional properties), and a partner's webhook carries the {@code traceparent} of the request
 * that caused it. Runs after the other classes, so it reads what they wrote too, and before the faults.
 */
@Order(Integer.MAX_VALUE - 1)
class EventContractTest {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Dead-letter topics hold whatever a consumer could not read; the document names them internal. */
    private static final Pattern DEAD_LETTER_TOPIC = Pattern.compile("inspectorate\\.[a-z-]+\\.dlq");

    private final Platform platform = RunningPlatform.get();
    private final String gateway = platform.gatewayUrl();

    @Test
    void everyEventMatchesTheAsyncApiAndAWebhookCarriesTheTraceOfItsRequest() throws Exception {
        LocalDate today = LocalDate.now(VIETNAM);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String province = RunningPlatform.clientToken("province-hn");
        String inspector = RunningPlatform.userToken("inspector-hn");
        String filed = traceparent();
        String classified = traceparent();
        String concluded = traceparent();
        String submitted = traceparent();
        String path = "/hooks/contract-" + suffix;

        try (WebhookReceiver receiver = WebhookReceiver.start(RunningPlatform.RECEIVER_PORTS.get(0))) {
            receiver.subscribe("partner-demo", Map.of("callbackUrl", receiver.url(path), "eventTypes", List.of(
                    EventTypes.PUBLIC_CASE_STATUS_CHANGED, EventTypes.PUBLIC_INSPECTION_CONCLUDED),
                    "provinces", List.of("VN-HN")));

            String caseId = given().auth().oauth2(province).header("traceparent", filed).contentType(ContentType.JSON)
                    .body(denunciation("e2e-contract-" + suffix, today)).post(gateway + "/api/v1/cases")
                    .then().statusCode(201).extract().path("id");
            given().auth().oauth2(inspector).header("traceparent", classified).contentType(ContentType.JSON)
                    .body(Map.of("kind", "DENUNCIATION")).post(gateway + "/api/v1/cases/" + caseId + "/classify")
                    .then().statusCode(200);
            given().auth().oauth2(inspector).contentType(ContentType.JSON).body(Map.of("acceptedOn", today.toString()))
                    .post(gateway + "/api/v1/cases/" + caseId + "/accept").then().statusCode(200);
            String inspectionId = inspect(inspector, caseId, suffix, today, concluded);
            String declarationId = declare(province, today, submitted);

            Eventually.poll("the case's and the inspection's public events at the partner's receiver", DEADLINE,
                    () -> receiver.deliveries(path).stream().map(WebhookReceiver.Delivery::body).toList(),
                    bodies -> bodies.stream().anyMatch(b -> b.contains("\"RESOLVED\"") && b.contains(caseId))
                            && bodies.stream().anyMatch(b -> b.contains(inspectionId)));
            Map<String, String> traceByStatus = new LinkedHashMap<>();
            String inspectionTrace = null;
            for (WebhookReceiver.Delivery delivery : receiver.deliveries(path)) {
                JsonNode event = JSON.readTree(delivery.body());
                if (caseId.equals(event.path("data").path("caseId").asText())) {
                    traceByStatus.put(event.path("data").path("status").asText(), event.path("traceparent").asText());
                } else if (inspectionId.equals(event.path("data").path("inspectionId").asText())) {
                    inspectionTrace = event.path("traceparent").asText();
                }
            }
            assertThat(traceByStatus.get("RECEIVED")).as("webhook of the filing").isEqualTo(filed);
            assertThat(traceByStatus.get("CLASSIFIED")).as("webhook of the classification").isEqualTo(classified);
            assertThat(traceByStatus.get("ACCEPTED")).as("a request without traceparent started a trace")
                    .matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01").isNotIn(filed, classified, concluded);
            assertThat(inspectionTrace).as("webhook of the conclusion").isEqualTo(concluded);
            assertThat(traceByStatus.get("RESOLVED")).as("the case resolved by the conclusion's event")
                    .isEqualTo(concluded);

            Eventually.poll("the declaration's submission on " + Topics.DECLARATIONS, DEADLINE,
                    () -> read(Topics.DECLARATIONS).stream().map(r -> json(r.value()))
                            .filter(e -> declarationId.equals(e.path("subject").asText())).findFirst(),
                    Optional::isPresent).ifPresent(e -> assertThat(e.path("traceparent").asText()).isEqualTo(submitted));
        }

        validateEveryTopic();
    }

    /** Reads every topic from the beginning to its end offsets of now and holds each record to the document. */
    private void validateEveryTopic() throws Exception {
        Set<String> topics;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                platform.kafka().bootstrapServers()))) {
            topics = new TreeSet<>(admin.listTopics().names().get());
        }
        Set<String> channels = Set.of(Topics.CASES, Topics.INSPECTIONS, Topics.DECLARATIONS, Topics.REPORTS,
                Topics.REFERENCE, Topics.PUBLIC);
        List<String> failures = new ArrayList<>();
        int events = 0;
        int read = 0;
        for (String topic : topics) {
            if (topic.startsWith("__") || DEAD_LETTER_TOPIC.matcher(topic).matches()) {
                continue;
            }
            if (!channels.contains(topic)) {
                failures.add("topic " + topic + " is not a channel of the AsyncAPI document");
                continue;
            }
            read++;
            for (ConsumerRecord<String, String> record : read(topic)) {
                events++;
                String where = topic + "/" + record.partition() + "@" + record.offset();
                JsonNode event;
                try {
                    event = JSON.readTree(record.value());
                } catch (Exception e) {
                    failures.add(where + ": not JSON");
                    continue;
                }
                String type = event.path("type").asText();
                if (!EventCatalog.find(type).map(e -> e.topic().equals(topic)).orElse(false)) {
                    failures.add(where + ": type '" + type + "' is not an event of this topic");
                    continue;
                }
                var errors = AsyncApiSchemas.forType(type).map(s -> s.validate(event)).orElse(null);
                if (errors == null) {
                    failures.add(where + ": no AsyncAPI message for type " + type);
                } else if (!errors.isEmpty()) {
                    failures.add(where + " " + type + " " + event.path("id").asText() + ": " + errors);
                }
                if (record.key() == null || !record.key().equals(event.path("subject").asText())) {
                    failures.add(where + ": record key " + record.key() + " is not the event's subject");
                }
            }
        }
        System.out.printf("[asyncapi] validated %d events on %d topics, %d failures%n", events, read, failures.size());
        assertThat(failures).as("events that do not match the AsyncAPI document").isEmpty();
        assertThat(events).isPositive();
    }

    /** Every committed record of {@code topic} up to its end offsets of now. */
    private List<ConsumerRecord<String, String>> read(String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafka().bootstrapServers());
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + DEADLINE.toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                assertThat(System.nanoTime()).as("%s read to its end offsets in time", topic).isLessThan(deadline);
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.offset() < end.get(new TopicPartition(r.topic(), r.partition()))) {
                        records.add(r);
                    }
                }
            }
        }
        return records;
    }

    /** Opens an inspection from the case, runs it and concludes it with {@code traceparent}; returns its id. */
    private String inspect(String inspector, String caseId, String suffix, LocalDate today, String traceparent) {
        Map<String, Object> opening = new LinkedHashMap<>();
        opening.put("bodyCode", "TTT-HN");
        opening.put("decisionNumber", "E2E-AA-" + suffix);
        opening.put("decisionDate", today.toString());
        opening.put("legalBasis", "Law on Inspection 11/2022, Art. 47");
        opening.put("team", List.of(Map.of("name", "Team lead", "role", "LEAD"),
                Map.of("name", "Member", "role", "MEMBER")));
        opening.put("type", "INSPECTION");
        opening.put("subject", "PUBLIC_DUTIES");
        opening.put("entity", Map.of("code", "E2E-AA-" + suffix, "kind", "PUBLIC_BODY", "name",
                "Ward people's committee " + suffix, "provinceCode", "VN-HN"));
        opening.put("caseIds", List.of(caseId));
        Response opened = Eventually.poll("the inspection service knows case " + caseId, DEADLINE,
                () -> given().auth().oauth2(inspector).contentType(ContentType.JSON).body(opening)
                        .post(gateway + "/api/v1/inspections"),
                r -> r.statusCode() != 429 && !(r.statusCode() == 422
                        && "caseIds[0]".equals(r.jsonPath().getString("errors[0].field"))));
        opened.then().statusCode(201);
        String id = opened.jsonPath().getString("id");
        given().auth().oauth2(inspector).contentType(ContentType.JSON).body(Map.of("startedOn", today.toString()))
                .post(gateway + "/api/v1/inspections/{id}/start", id).then().statusCode(200);
        given().auth().oauth2(inspector).contentType(ContentType.JSON).body(Map.of("submittedOn", today.toString()))
                .post(gateway + "/api/v1/inspections/{id}/report", id).then().statusCode(200);
        Map<String, Object> conclusion = new LinkedHashMap<>();
        conclusion.put("conclusionNumber", "KL-AA-" + suffix);
        conclusion.put("concludedOn", today.toString());
        conclusion.put("assessment", "No violation found.");
        conclusion.put("unitsCovered", 1);
        conclusion.put("items", List.of(Map.of("subject", "Land allocation", "finding", "Lawful",
                "violationsVnd", 0, "violationsLandM2", 0)));
        conclusion.put("recommendations", List.of());
        conclusion.put("published", false);
        given().auth().oauth2(inspector).header("traceparent", traceparent).contentType(ContentType.JSON)
                .body(conclusion).post(gateway + "/api/v1/inspections/{id}/conclusion", id).then().statusCode(201);
        return id;
    }

    /** Registers an official and submits a declaration, the submission with {@code traceparent}; returns its id. */
    private String declare(String province, LocalDate today, String traceparent) {
        Map<String, Object> official = new LinkedHashMap<>();
        official.put("agencyCode", "E2E-AA");
        official.put("provinceCode", "VN-HN");
        official.put("position", "Deputy director");
        official.put("rank", "Inspector");
        official.put("annualDeclarationRequired", true);
        official.put("appointedOn", "2021-03-01");
        official.put("fullName", "Tran Thi Contract");
        official.put("citizenId", String.format("%012d", ThreadLocalRandom.current().nextLong(1_000_000_000_000L)));
        official.put("address", "8 Ly Thai To, Hoan Kiem");
        String declarant = given().auth().oauth2(province).contentType(ContentType.JSON).body(official)
                .post(gateway + "/api/v1/declarants").then().statusCode(201).extract().path("id");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("declarantId", declarant);
        body.put("kind", "ANNUAL");
        body.put("year", today.getYear());
        body.put("declaredOn", today.toString());
        body.put("items", List.of(
                Map.of("category", "LAND", "valueVnd", 1_000_000_000L, "acquiredOn", "2015-03-01"),
                Map.of("category", "HOUSE", "valueVnd", 1_000_000_000L, "acquiredOn", "2016-03-01"),
                Map.of("category", "SALARY", "valueVnd", 800_000_000L)));
        String id = given().auth().oauth2(province).contentType(ContentType.JSON).body(body)
                .post(gateway + "/api/v1/declarations").then().statusCode(201).extract().path("id");
        given().auth().oauth2(province).header("traceparent", traceparent)
                .post(gateway + "/api/v1/declarations/" + id + "/submission").then().statusCode(200);
        return id;
    }

    private static Map<String, Object> denunciation(String reference, LocalDate today) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sourceSystem", "hn-portal");
        body.put("sourceReference", reference);
        body.put("provinceCode", "VN-HN");
        body.put("receivingBodyCode", "HN-INSPECTORATE");
        body.put("channel", "ONLINE");
        body.put("kind", "DENUNCIATION");
        body.put("receivedOn", today.toString());
        body.put("subject", "Ward official took money for a permit " + reference);
        body.put("complainant", Map.of("fullName", "Pham Van Contract", "idNumber", "001077000333",
                "address", "9 Hang Dao, Hoan Kiem"));
        return body;
    }

    /** A new W3C trace context, as a partner's system would send it. */
    private static String traceparent() {
        byte[] bytes = new byte[24];
        ThreadLocalRandom.current().nextBytes(bytes);
        bytes[0] |= 1;
        bytes[16] |= 1;
        String hex = HexFormat.of().formatHex(bytes);
        return "00-" + hex.substring(0, 32) + "-" + hex.substring(32) + "-01";
    }

    private static JsonNode json(String value) {
        try {
            return JSON.readTree(value);
        } catch (Exception e) {
            return JSON.nullNode();
        }
    }
}
