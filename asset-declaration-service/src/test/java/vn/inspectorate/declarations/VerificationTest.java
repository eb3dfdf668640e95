package vn.inspectorate.declarations;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static vn.inspectorate.declarations.Api.declaration;
import static vn.inspectorate.declarations.Api.item;
import static vn.inspectorate.declarations.Api.modest;
import static vn.inspectorate.declarations.Api.register;
import static vn.inspectorate.declarations.Api.submit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import vn.inspectorate.contracts.CloudEvent;
import vn.inspectorate.contracts.EventTypes;
import vn.inspectorate.contracts.Topics;
import vn.inspectorate.contracts.cases.CaseClassified;
import vn.inspectorate.testsupport.KafkaResource;
import vn.inspectorate.testsupport.PostgresResource;

@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
@TestSecurity(user = "controller-bkh", roles = "asset-controller")
@OidcSecurity(claims = @Claim(key = "agency", value = "BKH"))
class VerificationTest {

    static final String DLQ = Topics.deadLetter("asset-declaration-service");
    /** At least 10 % of an agency's declarants are verified at random each year (Decree 130/2020, DOMAIN.md §3). */
    static final int LAW_RANDOM_PERCENT = 10;

    @Inject
    ObjectMapper mapper;

    @Inject
    jakarta.persistence.EntityManager em;

    @Test
    void yearlyPlanIsReproducibleFromItsSeedAndAddsEveryHighRiskDeclaration() {
        Map<String, String> declarantOf = new HashMap<>();
        List<String> population = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String declarant = register("BKH", "VN-HN").getString("id");
            population.add(declarant);
            String id = submit(declaration(declarant, "ANNUAL", 2025, LocalDate.of(2025, 12, 10), null,
                    modest(1_000_000_000L, 1_000_000_000L))).getString("id");
            declarantOf.put(id, declarant);
        }
        // one more declarant whose 2025 declaration is risky: 2 billion more than 2024 on a small income
        String risky = register("BKH", "VN-HN").getString("id");
        population.add(risky);
        submit(declaration(risky, "ANNUAL", 2024, LocalDate.of(2024, 12, 10), null, modest(1_000_000_000L, 100_000_000L)));
        var riskyDeclaration = submit(declaration(risky, "ANNUAL", 2025, LocalDate.of(2025, 12, 10), null,
                List.of(item("LAND", 500_000_000L, "2015-03-01"), item("HOUSE", 500_000_000L, "2016-03-01"),
                        item("DEPOSIT", 2_000_000_000L, "2025-03-01"), item("SALARY", 100_000_000L, null))));
        assertThat(riskyDeclaration.getInt("riskScore")).isGreaterThanOrEqualTo(50);
        declarantOf.put(riskyDeclaration.getString("id"), risky);

        var plan = given().contentType(ContentType.JSON).body(Map.of("agencyCode", "BKH", "year", 2025, "seed", 424242))
                .post("/api/v1/verification-plans").then().statusCode(201).extract().jsonPath();
        assertThat(plan.getLong("seed")).isEqualTo(424242L);
        assertThat(plan.getInt("population")).isEqualTo(13);
        // the law's floor, not the plan's own figure: at least 10 % of the declarants (Decree 130/2020, DOMAIN.md §3)
        int percent = plan.getInt("percent");
        assertThat(percent).as("the plan's random percent").isGreaterThanOrEqualTo(LAW_RANDOM_PERCENT);
        assertThat(plan.getInt("randomSelected")).as("declarants drawn at random of 13")
                .isGreaterThanOrEqualTo(2) // 10 % of 13, rounded up
                .isEqualTo((13 * percent + 99) / 100);

        List<Map<String, Object>> verifications = plan.getList("verifications");
        List<UUID> randomDeclarants = verifications.stream().filter(v -> "RANDOM_SELECTION".equals(v.get("ground")))
                .map(v -> UUID.fromString(declarantOf.get((String) v.get("declarationId")))).sorted().toList();
        assertThat(randomDeclarants).hasSize(plan.getInt("randomSelected"))
                .isEqualTo(drawnAsDocumented(population, 424242L, plan.getInt("randomSelected")));
        assertThat(verifications).extracting(v -> v.get("declarationId"))
                .contains(riskyDeclaration.getString("id"));

        // (agency, year) is the plan's natural key: a repeat answers the plan, another seed is a 409
        given().contentType(ContentType.JSON).body(Map.of("agencyCode", "BKH", "year", 2025))
                .post("/api/v1/verification-plans").then().statusCode(200)
                .body("id", equalTo(plan.getString("id")));
        given().contentType(ContentType.JSON).body(Map.of("agencyCode", "BKH", "year", 2025, "seed", 424242))
                .post("/api/v1/verification-plans").then().statusCode(200)
                .body("id", equalTo(plan.getString("id")));
        given().contentType(ContentType.JSON).body(Map.of("agencyCode", "BKH", "year", 2025, "seed", 7))
                .post("/api/v1/verification-plans").then().statusCode(409)
                .body("type", equalTo("https://inspectorate.gov.vn/problems/natural-key-conflict"))
                .body("existingId", equalTo(plan.getString("id")))
                .body("differingFields", org.hamcrest.Matchers.contains("seed"));
        assertThat(((Number) io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select count(*) from verification_plan where agency_code = 'BKH' and year = 2025").getSingleResult()))
                .longValue()).isEqualTo(1);
        given().get("/api/v1/verification-plans/" + plan.getString("id")).then().statusCode(200)
                .body("seed", equalTo(424242));
    }

    @Test
    void verificationOnRequestConcludesAndFreezesTheDeclaration() {
        String declarant = register("BKH", "VN-HN").getString("id");
        String id = submit(declaration(declarant, "ANNUAL", 2024, LocalDate.of(2024, 12, 10), null,
                modest(1_000_000_000L, 500_000_000L))).getString("id");
        String verification = given().contentType(ContentType.JSON)
                .body(Map.of("reason", "request of the provincial inspectorate"))
                .post("/api/v1/declarations/" + id + "/verifications").then().statusCode(201)
                .body("ground", equalTo("REQUEST")).body("status", equalTo("OPEN")).extract().path("id");
        // PostgreSQL cannot store a NUL character: it is a 400 naming the field, and the verification stays open
        given().contentType(ContentType.JSON).body(Map.of("conclusion", "HONEST", "findings", "nul\u0000inside",
                "unexplainedIncreaseVnd", 0, "concludedOn", "2025-03-01"))
                .post("/api/v1/verifications/" + verification + "/conclusion").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("findings"));
        var conclusion = Map.of("conclusion", "DISHONEST", "findings", "A house was not declared",
                "unexplainedIncreaseVnd", 700_000_000L, "concludedOn", "2025-03-01");
        given().contentType(ContentType.JSON).body(conclusion).post("/api/v1/verifications/" + verification + "/conclusion")
                .then().statusCode(200).body("conclusion", equalTo("DISHONEST"));
        given().contentType(ContentType.JSON).body(conclusion).post("/api/v1/verifications/" + verification + "/conclusion")
                .then().statusCode(409);
        given().get("/api/v1/declarations/" + id + "/summary").then().body("status", equalTo("VERIFIED"));
        given().contentType(ContentType.JSON).body(Map.of("items", modest(1_000_000_000L, 500_000_000L)))
                .post("/api/v1/declarations/" + id + "/correction").then().statusCode(409)
                .body("type", equalTo("https://inspectorate.gov.vn/problems/declaration-verified"));

        List<JsonNode> events = Events.about(Topics.DECLARATIONS, id, 3);
        assertThat(events).extracting(e -> e.get("type").asText()).containsExactly(EventTypes.DECLARATION_SUBMITTED,
                EventTypes.DECLARATION_VERIFICATION_SELECTED, EventTypes.DECLARATION_VERIFIED);
        assertThat(events.get(1).at("/data/ground").asText()).isEqualTo("REQUEST");
        assertThat(events.get(2).at("/data/conclusion").asText()).isEqualTo("DISHONEST");
        assertThat(events.get(2).at("/data/unexplainedIncreaseVnd").asLong()).isEqualTo(700_000_000L);
    }

    @Test
    void denunciationNamingADeclarantOpensOneVerificationAndPoisonGoesToTheDeadLetterTopic() throws Exception {
        String declarant = register("BKH", "VN-HN").getString("id");
        submit(declaration(declarant, "ANNUAL", 2024, LocalDate.of(2024, 12, 10), null,
                modest(1_000_000_000L, 500_000_000L)));
        String latest = submit(declaration(declarant, "ANNUAL", 2025, LocalDate.of(2025, 12, 10), null,
                modest(1_100_000_000L, 500_000_000L))).getString("id");
        UUID caseId = UUID.randomUUID();
        var classified = new CaseClassified(caseId, 2, OffsetDateTime.now(), "VN-HN", "DENUNCIATION", 1, false, false,
                "2025.1", UUID.fromString(declarant));
        String record = mapper.writeValueAsString(CloudEvent.of("/inspectorate/complaints-service",
                EventTypes.CASE_CLASSIFIED, caseId.toString(), OffsetDateTime.now(), classified));
        String poison = "{\"not\": \"a cloud event\", \"case\": \"" + caseId + "\"}";

        String servers = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        try (var producer = new KafkaProducer<String, String>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.CASES, caseId.toString(), record)).get();
            awaitVerifications(latest, 1);
            // the same event again, then poison, on the same partition: once the poison is dead-lettered the
            // redelivery has been handled
            producer.send(new ProducerRecord<>(Topics.CASES, caseId.toString(), record)).get();
            producer.send(new ProducerRecord<>(Topics.CASES, caseId.toString(), poison)).get();
        }
        var dead = Events.records(DLQ, all -> all.stream().anyMatch(e -> e.path("case").asText().equals(caseId.toString())));
        assertThat(dead).anyMatch(r -> r.value().contains(caseId.toString()));

        var verifications = given().get("/api/v1/declarations/" + latest + "/verifications").then().statusCode(200)
                .extract().jsonPath();
        assertThat(verifications.getList("ground")).containsExactly("DENUNCIATION");
        assertThat(verifications.getString("[0].caseId")).isEqualTo(caseId.toString());
    }

    /**
     * A case event with a payload field this service does not know and CloudEvents extension attributes is applied,
     * not dead-lettered, and the verification it opens is published in the trace of that event.
     */
    @Test
    void aDenunciationWithAddedFieldsAndExtensionAttributesOpensAVerificationInItsTrace() throws Exception {
        String declarant = register("BKH", "VN-HN").getString("id");
        String latest = submit(declaration(declarant, "ANNUAL", 2025, LocalDate.of(2025, 12, 10), null,
                modest(1_100_000_000L, 500_000_000L))).getString("id");
        UUID caseId = UUID.randomUUID();
        var classified = new CaseClassified(caseId, 2, OffsetDateTime.now(), "VN-HN", "DENUNCIATION", 1, false, false,
                "2025.1", UUID.fromString(declarant));
        ObjectNode event = mapper.valueToTree(CloudEvent.of("/inspectorate/complaints-service",
                EventTypes.CASE_CLASSIFIED, caseId.toString(), OffsetDateTime.now(), classified));
        String traceparent = "00-" + UUID.randomUUID().toString().replace("-", "") + "-b7ad6b7169203331-01";
        event.put("traceparent", traceparent);
        event.put("partitionkey", caseId.toString());
        event.put("comexampleextension", true);
        ((ObjectNode) event.get("data")).put("fieldAddedLater", "x").putArray("listAddedLater").add(1);

        String servers = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        try (var producer = new KafkaProducer<String, String>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.CASES, caseId.toString(), event.toString())).get();
        }
        awaitVerifications(latest, 1);
        List<JsonNode> events = Events.about(Topics.DECLARATIONS, latest, 2);
        assertThat(events.get(1).path("type").asText()).isEqualTo(EventTypes.DECLARATION_VERIFICATION_SELECTED);
        assertThat(events.get(1).path("traceparent").asText()).isEqualTo(traceparent);
        assertThat(events.get(0).path("traceparent").asText()).as("the submission's own request started a trace")
                .matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01").isNotEqualTo(traceparent);
    }

    /**
     * The selection as the API documents it, computed here rather than by the service's own code: the declarants in
     * the order of their id text, shuffled by {@link java.util.Random} with the plan's seed, the first {@code count}.
     */
    private static List<UUID> drawnAsDocumented(List<String> declarants, long seed, int count) {
        List<String> ordered = new ArrayList<>(declarants);
        Collections.sort(ordered);
        Collections.shuffle(ordered, new Random(seed));
        return ordered.subList(0, count).stream().map(UUID::fromString).sorted().toList();
    }

    private void awaitVerifications(String declaration, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            int found = given().get("/api/v1/declarations/" + declaration + "/verifications").then().statusCode(200)
                    .extract().jsonPath().getList("$").size();
            if (found >= count) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no verification of " + declaration + " within 30 s");
    }
}
