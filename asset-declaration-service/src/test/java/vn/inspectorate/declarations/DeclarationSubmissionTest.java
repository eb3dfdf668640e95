package vn.inspectorate.declarations;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static vn.inspectorate.declarations.Api.declaration;
import static vn.inspectorate.declarations.Api.item;
import static vn.inspectorate.declarations.Api.modest;
import static vn.inspectorate.declarations.Api.register;
import static vn.inspectorate.declarations.Api.submit;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.inspectorate.contracts.EventTypes;
import vn.inspectorate.contracts.Topics;
import vn.inspectorate.testsupport.KafkaResource;
import vn.inspectorate.testsupport.PostgresResource;

@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
@TestSecurity(user = "controller-btc", roles = "asset-controller")
@OidcSecurity(claims = {@Claim(key = "agency", value = "BTC"), @Claim(key = "province", value = "VN-HN")})
class DeclarationSubmissionTest {

    @jakarta.inject.Inject
    jakarta.persistence.EntityManager em;

    @Test
    void submissionComparesWithThePreviousDeclarationAndPublishesEvents() {
        String declarant = register("BTC", "VN-HN").getString("id");
        submit(declaration(declarant, "ANNUAL", 2024, LocalDate.of(2024, 12, 20), null,
                modest(2_000_000_000L, 800_000_000L)));
        // +400 million: at or above the 300 million in force in 2025, not explained
        var second = submit(declaration(declarant, "ANNUAL", 2025, LocalDate.of(2025, 12, 20), null,
                List.of(item("LAND", 1_000_000_000L, "2015-03-01"), item("HOUSE", 1_000_000_000L, "2016-03-01"),
                        item("DEPOSIT", 400_000_000L, "2025-05-01"), item("SALARY", 800_000_000L, null))));

        assertThat(second.getString("status")).isEqualTo("SUBMITTED");
        assertThat(second.getLong("totalAssetsVnd")).isEqualTo(2_400_000_000L);
        assertThat(second.getLong("assetChangeVnd")).isEqualTo(400_000_000L);
        assertThat(second.getLong("explanationThresholdVnd")).isEqualTo(300_000_000L);
        assertThat(second.getBoolean("explanationRequired")).isTrue();
        assertThat(second.getList("flags.ruleId", String.class)).containsExactly("UNEXPLAINED_INCREASE");
        // the one flag's weight: UNEXPLAINED_INCREASE weighs 30 points (rule version 1, in force since 1 Jul 2019)
        assertThat(second.getInt("riskScore")).isEqualTo(30);
        assertThat(second.getList("changes.section", String.class)).contains("MOVABLE", "REAL_ESTATE", "INCOME");
        assertThat(second.getLong("changes.find { it.section == 'MOVABLE' }.changeVnd")).isEqualTo(400_000_000L);

        String id = second.getString("id");
        List<JsonNode> events = Events.about(Topics.DECLARATIONS, id, 2);
        assertThat(events).extracting(e -> e.get("type").asText())
                .containsExactly(EventTypes.DECLARATION_SUBMITTED, EventTypes.DECLARATION_FLAGGED);
        JsonNode submitted = events.get(0).get("data");
        assertThat(submitted.get("declarantId").asText()).isEqualTo(declarant);
        assertThat(submitted.get("totalAssetsVnd").asLong()).isEqualTo(2_400_000_000L);
        assertThat(submitted.get("assetChangeVnd").asLong()).isEqualTo(400_000_000L);
        assertThat(submitted.get("kind").asText()).isEqualTo("ANNUAL");
        assertThat(events.get(1).at("/data/flags/0/ruleId").asText()).isEqualTo("UNEXPLAINED_INCREASE");
        assertThat(events.get(1).at("/data/version").asLong()).isGreaterThan(submitted.get("version").asLong());
    }

    @Test
    void anExplainedIncreaseRaisesNoFlag() {
        String declarant = register("BTC", "VN-HN").getString("id");
        submit(declaration(declarant, "ANNUAL", 2024, LocalDate.of(2024, 12, 20), null,
                modest(2_000_000_000L, 800_000_000L)));
        var second = submit(declaration(declarant, "ANNUAL", 2025, LocalDate.of(2025, 12, 20),
                "Inherited from a parent", modest(2_400_000_000L, 800_000_000L)));
        assertThat(second.getBoolean("explanationRequired")).isTrue();
        assertThat(second.getBoolean("explained")).isTrue();
        assertThat(second.getList("flags")).isEmpty();
    }

    /** The explanation threshold is 300 million before 1 July 2026 and 1 billion from that day. */
    @Test
    void thresholdChangesOnTheFirstOfJuly2026() {
        String before = register("BTC", "VN-HN").getString("id");
        String after = register("BTC", "VN-HN").getString("id");
        for (String d : List.of(before, after)) {
            submit(declaration(d, "ANNUAL", 2025, LocalDate.of(2025, 12, 20), null,
                    modest(2_000_000_000L, 900_000_000L)));
        }
        var june30 = submit(declaration(before, "SUPPLEMENTARY", 2026, LocalDate.of(2026, 6, 30), null,
                modest(2_500_000_000L, 900_000_000L)));
        var july1 = submit(declaration(after, "SUPPLEMENTARY", 2026, LocalDate.of(2026, 7, 1), null,
                modest(2_500_000_000L, 900_000_000L)));

        assertThat(june30.getLong("explanationThresholdVnd")).isEqualTo(300_000_000L);
        assertThat(june30.getBoolean("explanationRequired")).isTrue();
        assertThat(june30.getList("flags.ruleId", String.class)).containsExactly("UNEXPLAINED_INCREASE");
        assertThat(july1.getLong("explanationThresholdVnd")).isEqualTo(1_000_000_000L);
        assertThat(july1.getBoolean("explanationRequired")).isFalse();
        assertThat(july1.getList("flags")).isEmpty();
    }

    /** The per-item threshold for movable assets: 50 million, then 150 million from 1 July 2026. */
    @Test
    void perItemThresholdChangesOnTheFirstOfJuly2026() {
        String declarant = register("BTC", "VN-HN").getString("id");
        var gold = List.of(item("GOLD", 100_000_000L, "2024-01-10"), item("SALARY", 900_000_000L, null));
        given().contentType(ContentType.JSON)
                .body(declaration(declarant, "SUPPLEMENTARY", 2026, LocalDate.of(2026, 6, 30), null, gold))
                .post("/api/v1/declarations").then().statusCode(201);
        given().contentType(ContentType.JSON)
                .body(declaration(declarant, "SUPPLEMENTARY", 2026, LocalDate.of(2026, 7, 1), null, gold))
                .post("/api/v1/declarations").then().statusCode(422)
                .body("errors.field", hasItem("items[0].valueVnd"));
    }

    @Test
    void correctionOnceThenVerifiedOrSecondCorrectionIsRefused() {
        String declarant = register("BTC", "VN-HN").getString("id");
        var first = submit(declaration(declarant, "ANNUAL", 2025, LocalDate.of(2025, 12, 1), null,
                modest(1_000_000_000L, 500_000_000L)));
        String id = first.getString("id");
        var correction = Map.of("items", modest(1_200_000_000L, 500_000_000L));
        given().contentType(ContentType.JSON).body(correction).post("/api/v1/declarations/" + id + "/correction")
                .then().statusCode(200).body("status", equalTo("CORRECTED"))
                .body("totalAssetsVnd", equalTo(1_200_000_000))
                .body("version", equalTo(first.getInt("version") + 1));
        given().contentType(ContentType.JSON).body(correction).post("/api/v1/declarations/" + id + "/correction")
                .then().statusCode(409).body("type", equalTo("https://inspectorate.gov.vn/problems/already-corrected"))
                .body("status", equalTo(409)).body("currentStatus", equalTo("CORRECTED"));
        // resubmitting changes nothing
        given().post("/api/v1/declarations/" + id + "/submission").then().statusCode(200)
                .body("status", equalTo("CORRECTED")).body("version", equalTo(first.getInt("version") + 1));
    }

    @Test
    void badInputIsAProblemAndWritesNothing() {
        String declarant = register("BTC", "VN-HN").getString("id");
        LocalDate on = LocalDate.of(2025, 12, 1);
        // negative value
        given().contentType(ContentType.JSON).body(declaration(declarant, "ANNUAL", 2025, on, null,
                List.of(item("HOUSE", -5L, "2020-01-01")))).post("/api/v1/declarations")
                .then().statusCode(400).body("errors.field", hasItem("items[0].valueVnd"));
        // acquired after the declaration date
        given().contentType(ContentType.JSON).body(declaration(declarant, "ANNUAL", 2025, on, null,
                List.of(item("HOUSE", 5L, "2025-12-02")))).post("/api/v1/declarations")
                .then().statusCode(422).body("errors.field", hasItem("items[0].acquiredOn"));
        // unknown kind
        given().contentType(ContentType.JSON).body(declaration(declarant, "MONTHLY", 2025, on, null, List.of()))
                .post("/api/v1/declarations").then().statusCode(400).body("errors.field", hasItem("kind"));
        // duplicate item list
        given().contentType(ContentType.JSON).body(declaration(declarant, "ANNUAL", 2025, on, null,
                List.of(item("HOUSE", 5L, "2020-01-01"), item("HOUSE", 5L, "2020-01-01"))))
                .post("/api/v1/declarations").then().statusCode(422).body("errors.field", hasItem("items[1]"));
        // unknown field
        var unknown = declaration(declarant, "ANNUAL", 2025, on, null, List.of());
        unknown.put("salary", 1);
        given().contentType(ContentType.JSON).body(unknown).post("/api/v1/declarations").then().statusCode(400)
                .body("errors.field", hasItem("salary"));
        // a stranger as owner
        var stranger = item("HOUSE", 5L, "2020-01-01");
        stranger.put("ownerId", java.util.UUID.randomUUID().toString());
        given().contentType(ContentType.JSON).body(declaration(declarant, "ANNUAL", 2025, on, null, List.of(stranger)))
                .post("/api/v1/declarations").then().statusCode(422).body("errors.field", hasItem("items[0].ownerId"));
        // malformed parameters are client errors
        // a query value that is no number or date is bad input (400); a path segment that is no id names nothing (404)
        given().get("/api/v1/declarations?year=abc").then().statusCode(400).contentType("application/problem+json");
        given().get("/api/v1/declarations/not-a-uuid/summary").then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/api/v1/access-log?from=yesterday").then().statusCode(400)
                .contentType("application/problem+json");
        // nothing was written
        given().get("/api/v1/declarations?declarantId=" + declarant).then().statusCode(200).body("items.size()", equalTo(0));

        // (declarant, year) is an annual declaration's natural key: the same one again answers it, another is a 409
        String annual = submit(declaration(declarant, "ANNUAL", 2025, on, null, modest(1_000_000_000L, 1_000_000_000L)))
                .getString("id");
        given().contentType(ContentType.JSON).body(declaration(declarant, "ANNUAL", 2025, on, null,
                modest(1_000_000_000L, 1_000_000_000L))).post("/api/v1/declarations").then().statusCode(200)
                .body("id", equalTo(annual)).body("status", equalTo("SUBMITTED"));
        given().contentType(ContentType.JSON).body(declaration(declarant, "ANNUAL", 2025, on.plusDays(1), null,
                modest(1_000_000_000L, 2_000_000_000L))).post("/api/v1/declarations").then().statusCode(409)
                .body("type", equalTo("https://inspectorate.gov.vn/problems/natural-key-conflict"))
                .body("existingId", equalTo(annual))
                .body("differingFields", org.hamcrest.Matchers.contains("declaredOn", "items"));
        given().get("/api/v1/declarations?declarantId=" + declarant).then().statusCode(200).body("items.size()", equalTo(1));
    }

    @Test
    void idempotencyKeyReplaysTheFirstDraft() {
        String declarant = register("BTC", "VN-HN").getString("id");
        var body = declaration(declarant, "FIRST_TIME", 2020, LocalDate.of(2020, 1, 20), null,
                modest(1_000_000_000L, 100_000_000L));
        String first = given().contentType(ContentType.JSON).header("Idempotency-Key", "k-" + declarant).body(body)
                .post("/api/v1/declarations").then().statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON).header("Idempotency-Key", "k-" + declarant).body(body)
                .post("/api/v1/declarations").then().statusCode(201).body("id", equalTo(first))
                .header("Idempotency-Replayed", "true");
        given().get("/api/v1/declarations?declarantId=" + declarant).then().body("items.size()", equalTo(1));
    }

    @Test
    void concurrentSubmissionsOfOneDraftSubmitItOnce() throws Exception {
        String declarant = register("BTC", "VN-HN").getString("id");
        String id = given().contentType(ContentType.JSON).body(declaration(declarant, "ANNUAL", 2025,
                LocalDate.of(2025, 12, 1), null, modest(1_000_000_000L, 1_000_000_000L))).post("/api/v1/declarations")
                .then().statusCode(201).extract().path("id");
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.concurrent.Callable<io.restassured.response.Response> submitIt = () -> given()
                    .post("/api/v1/declarations/" + id + "/submission");
            var answers = pool.invokeAll(java.util.Collections.nCopies(4, submitIt));
            for (var a : answers) {
                assertThat(a.get().statusCode()).isEqualTo(200);
                assertThat(a.get().jsonPath().getString("status")).isEqualTo("SUBMITTED");
            }
        } finally {
            pool.shutdown();
        }
        long submittedEvents = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("select count(*) from platform_outbox where record_key = ?1 and event_type = ?2")
                .setParameter(1, id).setParameter(2, EventTypes.DECLARATION_SUBMITTED).getSingleResult()).longValue());
        assertThat(submittedEvents).isEqualTo(1);
    }

    @Test
    void registeringTheSameOfficialAgainReturnsTheFirstRegistration() {
        var body = Api.declarant("BTC", "VN-HN", "Le Van Again", Api.citizenId());
        String first = register(body).getString("id");
        given().contentType(ContentType.JSON).body(body).post("/api/v1/declarants").then().statusCode(200)
                .body("id", equalTo(first));
        // within the agency, (agency, citizen id) registered with other values is a 409 naming only field names
        var changed = new java.util.HashMap<>(body);
        changed.put("position", "Another position");
        changed.put("fullName", "Le Van Other");
        given().contentType(ContentType.JSON).body(changed).post("/api/v1/declarants").then().statusCode(409)
                .body("type", equalTo("https://inspectorate.gov.vn/problems/natural-key-conflict"))
                .body("existingId", equalTo(first))
                .body("differingFields", org.hamcrest.Matchers.contains("position", "fullName"))
                .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Le Van Again")));
        // another agency's registration is its own key: the answer does not tell that this agency has the person
        body.put("agencyCode", "BTC2");
        given().contentType(ContentType.JSON).body(body).post("/api/v1/declarants").then().statusCode(201)
                .body("id", org.hamcrest.Matchers.not(equalTo(first))).body("agencyCode", equalTo("BTC2"));
    }

    @Test
    void firstTimeDeclarationIsLateAfterTenDays() {
        String declarant = register("BTC", "VN-HN").getString("id"); // appointed 2020-01-15
        var onTime = submit(declaration(declarant, "FIRST_TIME", 2020, LocalDate.of(2020, 1, 25), null,
                modest(1_000_000_000L, 100_000_000L)));
        // the 10th day, Saturday 25 January 2020, is a day off: the time limit ends on Monday 27 January
        assertThat(onTime.getString("dueOn")).isEqualTo("2020-01-27");
        assertThat(onTime.getBoolean("late")).isFalse();
        assertThat(onTime.getList("flags.ruleId", String.class)).doesNotContain("LATE_FILING");
        String other = register("BTC", "VN-HN").getString("id");
        var late = submit(declaration(other, "FIRST_TIME", 2020, LocalDate.of(2020, 1, 28), null,
                modest(1_000_000_000L, 100_000_000L)));
        assertThat(late.getBoolean("late")).isTrue();
        assertThat(late.getList("flags.ruleId", String.class)).contains("LATE_FILING");
    }

    @Test
    @TestSecurity(user = "province-nb", roles = "provincial-system")
    @OidcSecurity(claims = @Claim(key = "province", value = "VN-18"))
    void provincialSystemFilesForItsProvinceOnlyAndNeverReadsDetail() {
        String declarant = register("SXD-NB", "VN-18").getString("id");
        var submitted = submit(declaration(declarant, "ANNUAL", 2025, LocalDate.of(2025, 12, 1), null,
                modest(1_000_000_000L, 1_000_000_000L)));
        given().header("X-Access-Purpose", "curiosity").get("/api/v1/declarations/" + submitted.getString("id"))
                .then().statusCode(403);
        given().get("/api/v1/declarations/" + submitted.getString("id") + "/summary").then().statusCode(200)
                .body("status", equalTo("SUBMITTED"));
        given().get("/api/v1/declarants/" + declarant).then().statusCode(200)
                .body("$", not(org.hamcrest.Matchers.hasKey("fullName")));
        given().contentType(ContentType.JSON).body(Api.declarant("BTC", "VN-HN", "Tran Thi Other", Api.citizenId()))
                .post("/api/v1/declarants").then().statusCode(403);
    }
}
