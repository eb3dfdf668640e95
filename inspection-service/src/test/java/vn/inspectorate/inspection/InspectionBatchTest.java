package vn.inspectorate.inspection;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import vn.inspectorate.contracts.EventTypes;
import vn.inspectorate.contracts.Topics;
import vn.inspectorate.inspection.support.Requests;
import vn.inspectorate.inspection.support.TopicReader;
import vn.inspectorate.platform.security.Roles;
import vn.inspectorate.testsupport.AsyncApiSchemas;
import vn.inspectorate.testsupport.KafkaResource;
import vn.inspectorate.testsupport.PostgresResource;

/**
 * {@code POST /api/v1/inspections/batch}: inspection records with their lifecycle, each answered on its own, live or
 * loaded as history; back-filled records are marked, never overrun or overdue, and publish no public event.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InspectionBatchTest {

    private static final String PROVINCE = "VN-SG";
    private static List<String> history = new ArrayList<>();

    @Test
    @Order(1)
    @TestSecurity(user = "province-sg", roles = Roles.PROVINCIAL_SYSTEM)
    @OidcSecurity(claims = @Claim(key = "province", value = PROVINCE))
    void aProvinceLoadsItsHistoryWithEachItemAnsweredOnItsOwn() {
        String tomorrow = LocalDate.now().plusDays(2).toString();
        List<Map<String, Object>> items = List.of(
                closedRecord("BF-1"),
                concludedRecord("BF-2"),
                Map.of("opening", opening("TTT-SG", "BF-3", "2024-02-01", "BF-E3")),
                Map.of("opening", opening("TTT-SG", "BF-4", tomorrow, "BF-E4")),
                Map.of("opening", opening("TTT-HN", "BF-5", "2024-02-01", "BF-E5")),
                Map.of("opening", opening("TTT-SG", "BF-6", "2024-02-01", "BF-E6"),
                        "report", Map.of("submittedOn", "2024-03-01")),
                Map.of("opening", Map.of("bodyCode", "TTT-SG")));

        JsonPath answer = batch(true, items, null).then().statusCode(200).extract().jsonPath();

        assertThat(answer.getList("results.outcome")).containsExactly("CREATED", "CREATED", "CREATED", "REJECTED",
                "REJECTED", "REJECTED", "REJECTED");
        assertThat(answer.getInt("created")).isEqualTo(3);
        assertThat(answer.getInt("rejected")).isEqualTo(4);
        assertThat(answer.getList("results.index", Integer.class)).containsExactly(0, 1, 2, 3, 4, 5, 6);
        assertThat(answer.getList("results.status")).startsWith("CLOSED", "CONCLUDED", "OPENED");
        // each refusal is its single call's problem, its fields named by their path in the batch
        assertThat(answer.getString("results[3].problem.type")).endsWith("/backfill-date");
        assertThat(answer.getInt("results[3].problem.status")).isEqualTo(422);
        assertThat(answer.getList("results[3].problem.errors.field"))
                .containsExactly("inspections[3].opening.decisionDate");
        // in the request's language (Vietnamese by default), the prefixed field's message too
        assertThat(answer.getString("results[3].problem.title")).isEqualTo("Yêu cầu không xử lý được");
        assertThat(answer.getString("results[3].problem.errors[0].message"))
                .startsWith("phải trước ngày").endsWith("mới được nhập làm dữ liệu lịch sử");
        assertThat(answer.getInt("results[4].problem.status")).isEqualTo(403);
        assertThat(answer.getInt("results[5].problem.status")).isEqualTo(409);
        assertThat(answer.getString("results[5].problem.currentStatus")).isEqualTo("OPENED");
        assertThat(answer.getInt("results[6].problem.status")).isEqualTo(400);
        assertThat(answer.getList("results[6].problem.errors.field", String.class))
                .contains("inspections[6].opening.decisionNumber", "inspections[6].opening.type");
        history = answer.getList("results.inspectionId", String.class).subList(0, 3);

        // the refused record with a valid opening left nothing behind: its whole lifecycle is one transaction
        given().get("/api/v1/inspections?size=200&province=" + PROVINCE).then().statusCode(200)
                .body("items.findAll { it.decisionNumber == 'BF-6' }.size()", equalTo(0));

        JsonPath closed = given().get("/api/v1/inspections/{id}", history.get(0)).then().statusCode(200).extract()
                .jsonPath();
        assertThat(closed.getBoolean("backfilled")).isTrue();
        assertThat(closed.getString("status")).isEqualTo("CLOSED");
        assertThat(closed.getLong("conclusion.violationsVnd")).isEqualTo(64_000_000L);
        assertThat(closed.getLong("conclusion.recommendations[0].recoveredVnd")).isEqualTo(50_000_000L);
        // opened in February 2024 and never reported: long past its due date, yet not overrun
        given().get("/api/v1/inspections/{id}", history.get(2)).then().statusCode(200)
                .body("backfilled", equalTo(true)).body("status", equalTo("OPENED")).body("overrun", equalTo(false));
        given().get("/api/v1/inspections?province=" + PROVINCE + "&overrun=true&size=200").then().statusCode(200)
                .body("items.findAll { it.backfilled }.size()", equalTo(0));
        // the concluded record's recovery was due in June 2024 and is not done: not an overdue follow-up
        List<String> overdue = given().get("/api/v1/follow-ups/overdue?size=200&province=" + PROVINCE).then()
                .statusCode(200).extract().jsonPath().getList("items.inspectionId");
        assertThat(overdue).doesNotContainAnyElementsOf(history);
    }

    @Test
    @Order(2)
    @TestSecurity(user = "province-sg", roles = Roles.PROVINCIAL_SYSTEM)
    @OidcSecurity(claims = @Claim(key = "province", value = PROVINCE))
    void loadingAgainCreatesNothingAndOtherValuesAreConflicts() {
        JsonPath again = batch(true, List.of(closedRecord("BF-1"), concludedRecord("BF-2")), null).then()
                .statusCode(200).extract().jsonPath();
        assertThat(again.getList("results.outcome")).containsExactly("EXISTING", "EXISTING");
        assertThat(again.getList("results.inspectionId")).containsExactlyElementsOf(history.subList(0, 2));

        Map<String, Object> corrected = new HashMap<>(closedRecord("BF-1"));
        Map<String, Object> opening = new HashMap<>(opening("TTT-SG", "BF-1", "2024-01-08", "BF-E-BF-1"));
        opening.put("legalBasis", "Another basis");
        corrected.put("opening", opening);
        JsonPath conflict = batch(true, List.of(corrected), null).then().statusCode(200).extract().jsonPath();
        assertThat(conflict.getString("results[0].outcome")).isEqualTo("CONFLICT");
        assertThat(conflict.getString("results[0].existingId")).isEqualTo(history.get(0));
        assertThat(conflict.getList("results[0].differingFields"))
                .containsExactly("inspections[0].opening.legalBasis");

        // a later step of a record loaded before is added; the record keeps its mark
        Map<String, Object> laterSteps = new HashMap<>(concludedRecord("BF-2"));
        laterSteps.put("closure", Map.of("closedOn", "2024-09-30"));
        batch(true, List.of(laterSteps), null).then().statusCode(200)
                .body("results[0].outcome", equalTo("EXISTING")).body("results[0].status", equalTo("CLOSED"));

        String key = UUID.randomUUID().toString();
        List<Map<String, Object>> fresh = List.of(Map.of("opening", opening("TTT-SG", "BF-7", "2024-03-01", "BF-E7")));
        String first = batch(true, fresh, key).then().statusCode(200).extract().asString();
        batch(true, fresh, key).then().statusCode(200).header("Idempotency-Replayed", "true")
                .body(equalTo(first));
    }

    @Test
    @Order(3)
    @TestSecurity(user = "sg-inspector", roles = Roles.INSPECTOR)
    @OidcSecurity(claims = @Claim(key = "province", value = PROVINCE))
    void aLiveBatchIsTheSingleCallsAndOnlyHistoryIsMarked() {
        batch(true, List.of(closedRecord("BF-8")), null).then().statusCode(403);

        Map<String, Object> live = new HashMap<>(concludedRecord("BF-LIVE"));
        JsonPath answer = batch(false, List.of(live), null).then().statusCode(200).extract().jsonPath();
        assertThat(answer.getString("results[0].outcome")).isEqualTo("CREATED");
        String liveId = answer.getString("results[0].inspectionId");
        given().get("/api/v1/inspections/{id}", liveId).then().body("backfilled", equalTo(false));

        Set<String> historyIds = Set.copyOf(history);
        List<JsonNode> events = TopicReader.read(Topics.INSPECTIONS,
                e -> historyIds.contains(e.path("subject").asText()) || liveId.equals(e.path("subject").asText()),
                found -> found.stream().filter(e -> e.path("type").asText().equals(EventTypes.INSPECTION_CONCLUDED))
                        .count() >= 3 && found.stream().anyMatch(e -> e.path("type").asText()
                        .equals(EventTypes.INSPECTION_FOLLOW_UP_CLOSED)), Duration.ofSeconds(60));
        assertThat(events).extracting(e -> e.path("type").asText()).contains(EventTypes.INSPECTION_OPENED,
                EventTypes.INSPECTION_CONCLUDED, EventTypes.INSPECTION_RECOVERY_RECORDED,
                EventTypes.INSPECTION_FOLLOW_UP_CLOSED);
        assertThat(events).allSatisfy(e -> {
            assertThat(AsyncApiSchemas.validate(e)).as(e.toString()).isEmpty();
            boolean loaded = historyIds.contains(e.path("subject").asText());
            assertThat(e.path("backfilled").asBoolean(false)).as(e.toString()).isEqualTo(loaded);
            assertThat(e.has("backfilled")).isEqualTo(loaded);
        });
        // reports date the figures by the record's own dates, not by when it was loaded
        assertThat(events).filteredOn(e -> e.path("type").asText().equals(EventTypes.INSPECTION_RECOVERY_RECORDED))
                .extracting(e -> e.path("data").path("recordedOn").asText()).contains("2024-05-02");

        // the live conclusion reaches partners; the loaded ones never do
        List<JsonNode> published = TopicReader.read(Topics.PUBLIC,
                e -> historyIds.contains(e.path("subject").asText()) || liveId.equals(e.path("subject").asText()),
                found -> found.stream().anyMatch(e -> liveId.equals(e.path("subject").asText())),
                Duration.ofSeconds(60));
        assertThat(published).extracting(e -> e.path("subject").asText()).containsExactly(liveId);
    }

    @Test
    @Order(4)
    @TestSecurity(user = "admin", roles = Roles.PLATFORM_ADMIN)
    void thePlatformAdminLoadsHistoryForAnyBodyButWritesNothingLive() {
        Map<String, Object> danang = Map.of("opening", opening("TTT-48", "BF-DN-1", "2024-02-01", "BF-DN-E1",
                "VN-DN"));
        batch(true, List.of(danang), null).then().statusCode(200).body("results[0].outcome", equalTo("CREATED"));
        batch(false, List.of(Map.of("opening", opening("TTT-48", "BF-DN-2", "2024-02-01", "BF-DN-E2", "VN-DN"))),
                null).then().statusCode(200).body("results[0].outcome", equalTo("REJECTED"))
                .body("results[0].problem.status", equalTo(403))
                .header("Content-Language", "vi")
                .body("results[0].problem.title", equalTo("Không có quyền truy cập"));
        // a client that prefers English reads the refused items' problems in English
        given().header("Accept-Language", "en").contentType(ContentType.JSON)
                .body(Map.of("backfilled", false, "inspections", List.of(Map.of("opening",
                        opening("TTT-48", "BF-DN-2", "2024-02-01", "BF-DN-E2", "VN-DN")))))
                .post("/api/v1/inspections/batch").then().statusCode(200).header("Content-Language", "en")
                .body("results[0].outcome", equalTo("REJECTED"))
                .body("results[0].problem.title", equalTo("Forbidden"))
                .body("results[0].problem.detail", equalTo("You may not act for inspection body TTT-48."));
    }

    @Test
    @Order(5)
    @TestSecurity(user = "province-sg", roles = Roles.PROVINCIAL_SYSTEM)
    @OidcSecurity(claims = @Claim(key = "province", value = PROVINCE))
    void aBatchHoldsAtMost500Records() {
        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < 501; i++) {
            tooMany.add(Map.of("opening", opening("TTT-SG", "BF-MANY-" + i, "2024-02-01", "BF-E-MANY")));
        }
        batch(true, tooMany, null).then().statusCode(400);
        batch(true, List.of(), null).then().statusCode(400);
        given().get("/api/v1/inspections?size=200&province=" + PROVINCE).then()
                .body("items.findAll { it.decisionNumber.startsWith('BF-MANY') }.size()", equalTo(0));
        // a live plan for a past year is still refused
        given().contentType(ContentType.JSON).body(Map.of("bodyCode", "TTT-SG", "year", 2024))
                .post("/api/v1/inspection-plans").then().statusCode(422);
    }

    @Test
    @Order(6)
    @TestSecurity(user = "province-sg", roles = Roles.PROVINCIAL_SYSTEM)
    @OidcSecurity(claims = @Claim(key = "province", value = PROVINCE))
    void aRepeatWithinOneBatchIsAnsweredByTheItemBeforeIt() {
        Map<String, Object> first = Map.of("opening", opening("TTT-SG", "BF-TWICE", "2024-02-05", "BF-E-TWICE"));
        Map<String, Object> otherBasis = new HashMap<>(opening("TTT-SG", "BF-TWICE", "2024-02-05", "BF-E-TWICE"));
        otherBasis.put("legalBasis", "Another basis");
        List<Map<String, Object>> items = List.of(first, Map.of("opening", otherBasis), first,
                Map.of("opening", opening("TTT-SG", "BF-AFTER", "2024-02-05", "BF-E-AFTER")));

        JsonPath answer = batch(true, items, null).then().statusCode(200).extract().jsonPath();

        assertThat(answer.getList("results.outcome")).containsExactly("CREATED", "CONFLICT", "EXISTING", "CREATED");
        String id = answer.getString("results[0].inspectionId");
        // the conflict and the repeat name the inspection that was kept, not one of a transaction rolled back
        assertThat(answer.getString("results[1].existingId")).isEqualTo(id);
        assertThat(answer.getList("results[1].differingFields")).containsExactly("inspections[1].opening.legalBasis");
        assertThat(answer.getString("results[2].inspectionId")).isEqualTo(id);
        given().get("/api/v1/inspections/{id}", id).then().statusCode(200).body("decisionNumber", equalTo("BF-TWICE"));
        given().get("/api/v1/inspections/{id}", answer.getString("results[3].inspectionId")).then().statusCode(200)
                .body("decisionNumber", equalTo("BF-AFTER"));
        given().get("/api/v1/inspections?size=200&province=" + PROVINCE).then()
                .body("items.findAll { it.decisionNumber == 'BF-TWICE' }.size()", equalTo(1));
    }

    // ---- helpers ----

    private static io.restassured.response.Response batch(boolean backfilled, List<Map<String, Object>> items,
            String key) {
        var request = given().contentType(ContentType.JSON)
                .body(Map.of("backfilled", backfilled, "inspections", items));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.post("/api/v1/inspections/batch");
    }

    private static Map<String, Object> opening(String body, String decision, String date, String entity) {
        return opening(body, decision, date, entity, PROVINCE);
    }

    private static Map<String, Object> opening(String body, String decision, String date, String entity,
            String province) {
        return Requests.open(body, decision, date, "ADMINISTRATIVE", "PUBLIC_DUTIES",
                Requests.entity(entity, "PUBLIC_BODY", province), Map.of());
    }

    /** Opened, started, reported, concluded with one recovery paid in part, the follow-up closed. */
    private static Map<String, Object> closedRecord(String decision) {
        Map<String, Object> item = new HashMap<>(concludedRecord(decision));
        item.put("recoveries", List.of(Map.of("recommendation", 0, "payment",
                Map.of("reference", decision + "-P1", "amountVnd", 50_000_000L, "paidOn", "2024-05-02"))));
        item.put("closure", Map.of("closedOn", "2024-09-30"));
        return item;
    }

    /** Opened, started, reported and concluded; its recovery was due in June 2024 and is not done. */
    private static Map<String, Object> concludedRecord(String decision) {
        Map<String, Object> conclusion = new HashMap<>(Requests.conclusion("KL-" + decision, "2024-04-15", 2,
                List.of(40_000_000L, 24_000_000L), List.of(60_000_000L), 1, 2, Map.of()));
        conclusion.put("recommendations", List.of(Map.of("kind", "RECOVERY", "description", "Recover to the budget",
                "addressee", "Inspected body", "amountVnd", 60_000_000L, "dueOn", "2024-06-30")));
        return Map.of("opening", opening("TTT-SG", decision, "2024-01-08", "BF-E-" + decision),
                "start", Map.of("startedOn", "2024-01-10"),
                "report", Map.of("submittedOn", "2024-03-20"),
                "conclusion", conclusion);
    }
}
