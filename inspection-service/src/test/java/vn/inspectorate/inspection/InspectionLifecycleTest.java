package vn.inspectorate.inspection;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

/** Duration limits per level and date, status rules, conclusions with bad input, follow-up to closure. */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InspectionLifecycleTest {

    static String concludedId;
    static String districtId;

    @Test
    @Order(1)
    @TestSecurity(user = "hn-inspector", roles = Roles.INSPECTOR)
    @OidcSecurity(claims = @Claim(key = "province", value = "VN-HN"))
    void provincialAndDistrictLimitsComeFromTheRuleInForceOnTheDecisionDate() {
        districtId = open("TTH-HN-BD", "LC-D-1", "2024-03-01", "LC-E1", "LAND").then().statusCode(201)
                .body("baseDays", equalTo(30)).body("maxExtensions", equalTo(1))
                .body("extensionDaysLimit", equalTo(15)).body("dueOn", equalTo("2024-03-31"))
                .body("status", equalTo("OPENED")).body("allowedTransitions", contains("IN_PROGRESS"))
                .extract().path("id");
        open("TTH-HN-BD", "LC-D-2", "2025-08-01", "LC-E5", "LAND").then().statusCode(422)
                .body("errors[0].field", equalTo("decisionDate"));
        given().contentType(ContentType.JSON).body(extend(10, "2024-03-05"))
                .post("/api/v1/inspections/{id}/extensions", districtId).then().statusCode(409)
                .body("status", equalTo(409)).body("currentStatus", equalTo("OPENED"))
                .body("allowedTransitions", contains("IN_PROGRESS"));
        start(districtId, "2024-03-02");
        given().contentType(ContentType.JSON).body(extend(16, "2024-03-20"))
                .post("/api/v1/inspections/{id}/extensions", districtId).then().statusCode(422)
                .body("errors[0].field", equalTo("extraDays"));
        given().contentType(ContentType.JSON).body(extend(15, "2024-03-20"))
                .post("/api/v1/inspections/{id}/extensions", districtId).then().statusCode(200)
                .body("status", equalTo("EXTENDED")).body("dueOn", equalTo("2024-04-15"))
                .body("extensions[0].newDueOn", equalTo("2024-04-15"));
        given().contentType(ContentType.JSON).body(extend(5, "2024-04-01"))
                .post("/api/v1/inspections/{id}/extensions", districtId).then().statusCode(422)
                .body("type", equalTo("https://inspectorate.gov.vn/problems/extension-limit"));
        given().get("/api/v1/inspections/{id}", districtId).then().statusCode(200).body("overrun", equalTo(true));
        given().queryParam("overrun", true).queryParam("size", 200).get("/api/v1/inspections").then().statusCode(200)
                .body("items.id", hasItem(districtId));

        String provincial = open("TTT-HN", "LC-P-1", "2025-08-01", "LC-E2", "FINANCE").then().statusCode(201)
                .body("baseDays", equalTo(45)).body("dueOn", equalTo("2025-09-15")).extract().path("id");
        start(provincial, "2025-08-02");
        given().contentType(ContentType.JSON).body(extend(30, "2025-09-01"))
                .post("/api/v1/inspections/{id}/extensions", provincial).then().statusCode(200)
                .body("dueOn", equalTo("2025-10-15"));
    }

    @Test
    @Order(2)
    @TestSecurity(user = "ttcp-inspector", roles = Roles.INSPECTOR)
    @OidcSecurity(claims = @Claim(key = "agency", value = "TTCP"))
    void theGovernmentInspectorateMayExtendTwice() {
        String id = open("TTCP", "LC-C-1", "2025-08-01", "LC-E3", "LAND", "VN-DN").then().statusCode(201)
                .body("provinceCode", equalTo("VN-DN")).body("baseDays", equalTo(60))
                .body("dueOn", equalTo("2025-09-30")).extract().path("id");
        start(id, "2025-08-01");
        given().contentType(ContentType.JSON).body(extend(30, "2025-09-20"))
                .post("/api/v1/inspections/{id}/extensions", id).then().statusCode(200).body("dueOn", equalTo("2025-10-30"));
        given().contentType(ContentType.JSON).body(extend(30, "2025-10-20"))
                .post("/api/v1/inspections/{id}/extensions", id).then().statusCode(200).body("dueOn", equalTo("2025-11-29"))
                .body("extensionsUsed", equalTo(2));
        given().contentType(ContentType.JSON).body(extend(10, "2025-11-01"))
                .post("/api/v1/inspections/{id}/extensions", id).then().statusCode(422);
        open("TTT-HN", "LC-C-2", "2025-08-01", "LC-E3", "LAND", "VN-DN").then().statusCode(403);

        List<JsonNode> extended = TopicReader.read(Topics.INSPECTIONS,
                e -> EventTypes.INSPECTION_EXTENDED.equals(e.path("type").asText()) && id.equals(e.path("subject").asText()),
                found -> found.size() >= 2, Duration.ofSeconds(30));
        assertThat(extended).hasSize(2);
        assertThat(extended.stream().map(e -> e.path("data").path("extensionNumber").asInt())).containsExactly(1, 2);
        assertThat(extended.stream().map(e -> e.path("data").path("version").asLong())).isSorted();
        assertThat(extended).allSatisfy(e -> assertThat(AsyncApiSchemas.validate(e)).isEmpty());
    }

    @Test
    @Order(3)
    @TestSecurity(user = "hn-inspector", roles = Roles.INSPECTOR)
    @OidcSecurity(claims = @Claim(key = "province", value = "VN-HN"))
    void badConclusionsAreRefusedAndWriteNothing() {
        String id = open("TTT-HN", "LC-P-2", "2024-05-02", "LC-E4", "LAND").then().statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON).body(conclusion(Map.of())).post("/api/v1/inspections/{id}/conclusion", id)
                .then().statusCode(409).body("allowedTransitions", contains("IN_PROGRESS"));
        start(id, "2024-05-03");
        given().contentType(ContentType.JSON).body(Map.of("submittedOn", "2024-05-01"))
                .post("/api/v1/inspections/{id}/report", id).then().statusCode(422)
                .body("errors[0].field", equalTo("submittedOn"));
        given().contentType(ContentType.JSON).body(Map.of("submittedOn", "2024-06-10"))
                .post("/api/v1/inspections/{id}/report", id).then().statusCode(200)
                .body("status", equalTo("REPORT_SUBMITTED"));

        refused(id, Map.of("items", List.of(item(-1, 0))), 400, "items[0].violationsVnd");
        refused(id, Map.of("items", List.of(Map.of("subject", "s", "finding", "f", "violationsVnd", 1.5,
                "violationsLandM2", 0))), 400, "items[0].violationsVnd");
        refused(id, Map.of("items", List.of(item(10, -1))), 400, "items[0].violationsLandM2");
        refused(id, Map.of("concludedOn", "2024-06-01"), 422, "concludedOn");
        refused(id, Map.of("published", true, "publishedFrom", "2024-06-20", "publishedUntil", "2024-07-03"), 422,
                "publishedUntil");
        refused(id, Map.of("items", List.of(item(Long.MAX_VALUE, 0), item(1, 0))), 422, "items[1].violationsVnd");
        refused(id, Map.of("color", "red"), 400, "color");
        given().get("/api/v1/inspections/{id}", id).then().statusCode(200)
                .body("status", equalTo("REPORT_SUBMITTED")).body("conclusion", nullValue());

        Map<String, Object> good = conclusion(Map.of("published", true, "publishedFrom", "2024-06-20",
                "publishedUntil", "2024-07-04"));
        given().contentType(ContentType.JSON).body(good).post("/api/v1/inspections/{id}/conclusion", id).then()
                .statusCode(201).body("status", equalTo("CONCLUDED"))
                .body("conclusion.violationsVnd", equalTo(300_000_000))
                .body("conclusion.recoveryRecommendedVnd", equalTo(150_000_000))
                .body("conclusion.responsibleIndividualsCount", equalTo(2))
                .body("conclusion.transfers", hasSize(1));
        given().contentType(ContentType.JSON).body(good).post("/api/v1/inspections/{id}/conclusion", id).then()
                .statusCode(200).body("conclusion.conclusionNumber", equalTo("KL-LC-2"));
        concludedId = id;
    }

    @Test
    @Order(4)
    @TestSecurity(user = "hn-inspector", roles = Roles.INSPECTOR)
    @OidcSecurity(claims = @Claim(key = "province", value = "VN-HN"))
    void followUpIsTrackedToClosure() {
        Map<String, Object> conclusion = given().get("/api/v1/inspections/{id}", concludedId).then().statusCode(200)
                .extract().path("conclusion");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> recommendations = (List<Map<String, Object>>) conclusion.get("recommendations");
        String recovery = idOf(recommendations, "RECOVERY");
        String disciplinary = idOf(recommendations, "DISCIPLINARY");
        @SuppressWarnings("unchecked")
        String transfer = ((List<Map<String, Object>>) conclusion.get("transfers")).get(0).get("id").toString();

        pay(recovery, "PAY-1", 100_000_000L).then().statusCode(201).body("recoveredVnd", equalTo(100_000_000))
                .body("done", equalTo(false));
        pay(recovery, "PAY-1", 100_000_000L).then().statusCode(200).body("recoveredVnd", equalTo(100_000_000));
        pay(recovery, "PAY-2", 60_000_000L).then().statusCode(422).body("errors[0].field", equalTo("amountVnd"));
        pay(recovery, "PAY-2", 50_000_000L).then().statusCode(201).body("recoveredVnd", equalTo(150_000_000))
                .body("done", equalTo(true));
        given().contentType(ContentType.JSON).body(Map.of("doneOn", "2024-08-01", "disciplinedCount", 2))
                .post("/api/v1/recommendations/{id}/completion", disciplinary).then().statusCode(200)
                .body("done", equalTo(true)).body("disciplinedCount", equalTo(2));
        given().contentType(ContentType.JSON).body(Map.of("acknowledgedOn", "2024-07-01", "accepted", true))
                .post("/api/v1/transfers/{id}/acknowledgement", transfer).then().statusCode(200)
                .body("acknowledged", equalTo(true));
        given().queryParam("asOf", "2024-09-01").queryParam("size", 200).get("/api/v1/follow-ups/overdue").then()
                .statusCode(200).body("items.kind", hasItem("ADMINISTRATIVE")).body("items.id", not(hasItem(recovery)));

        given().contentType(ContentType.JSON).body(Map.of("closedOn", "2024-09-01"))
                .post("/api/v1/inspections/{id}/closure", concludedId).then().statusCode(409)
                .body("allowedTransitions", contains("FOLLOW_UP"));
        given().post("/api/v1/inspections/{id}/follow-up", concludedId).then().statusCode(200)
                .body("status", equalTo("FOLLOW_UP"));
        given().contentType(ContentType.JSON).body(Map.of("closedOn", "2024-09-01"))
                .post("/api/v1/inspections/{id}/closure", concludedId).then().statusCode(200)
                .body("status", equalTo("CLOSED"));
        pay(recovery, "PAY-3", 1L).then().statusCode(409);

        List<JsonNode> events = TopicReader.read(Topics.INSPECTIONS, e -> concludedId.equals(e.path("subject").asText()),
                found -> found.stream().anyMatch(e -> EventTypes.INSPECTION_FOLLOW_UP_CLOSED.equals(e.path("type").asText())),
                Duration.ofSeconds(30));
        assertThat(events).allSatisfy(e -> assertThat(AsyncApiSchemas.validate(e)).as(e.toString()).isEmpty());
        assertThat(events.stream().map(e -> e.path("type").asText())).containsExactly(EventTypes.INSPECTION_OPENED,
                EventTypes.INSPECTION_CONCLUDED, EventTypes.INSPECTION_RECOVERY_RECORDED,
                EventTypes.INSPECTION_RECOVERY_RECORDED, EventTypes.INSPECTION_FOLLOW_UP_CLOSED);
        assertThat(events.stream().map(e -> e.path("data").path("totalRecoveredVnd").asLong()).toList().subList(2, 5))
                .containsExactly(100_000_000L, 150_000_000L, 150_000_000L);
        JsonNode closed = events.get(4).path("data");
        assertThat(closed.path("outcome").asText()).isEqualTo("CLOSED_WITH_OPEN_RECOMMENDATIONS");
        assertThat(closed.path("disciplinedIndividualsCount").asInt()).isEqualTo(2);
        assertThat(closed.path("transfersAcceptedCount").asInt()).isEqualTo(1);
        assertThat(closed.path("overdue").asBoolean()).isTrue();
        JsonNode concluded = events.get(1).path("data");
        assertThat(concluded.path("transfersToInvestigationCount").asInt()).isEqualTo(1);
        assertThat(concluded.path("violationsVnd").asLong()).isEqualTo(300_000_000L);

        open("TTT-HN", "LC-R-1", "2024-10-01", "LC-E4", "LAND", "VN-HN", Map.of("reInspectionOf", districtId))
                .then().statusCode(422).body("errors[0].field", equalTo("reInspectionOf"));
        open("TTT-HN", "LC-R-1", "2024-10-01", "LC-E4", "LAND", "VN-HN", Map.of("reInspectionOf", concludedId))
                .then().statusCode(201).body("reInspectionOf", equalTo(concludedId)).body("baseDays", equalTo(30))
                .body("conflicts", hasSize(0));
    }

    @Test
    @Order(5)
    @TestSecurity(user = "sg-inspector", roles = Roles.INSPECTOR)
    @OidcSecurity(claims = @Claim(key = "province", value = "VN-SG"))
    void anotherProvinceSeesNothing() {
        given().get("/api/v1/inspections/{id}", concludedId).then().statusCode(404);
        given().contentType(ContentType.JSON).body(Map.of("startedOn", "2024-05-01"))
                .post("/api/v1/inspections/{id}/start", districtId).then().statusCode(404);
        given().get("/api/v1/inspections?size=200").then().statusCode(200)
                .body("items.provinceCode", not(hasItem("VN-HN")));
    }

    @Test
    @Order(6)
    @TestSecurity(user = "partner", roles = Roles.PARTNER)
    void partnersAndAnalystsDoNotWrite() {
        given().get("/api/v1/inspections").then().statusCode(403);
        open("TTT-HN", "LC-X-1", "2024-10-01", "LC-E6", "LAND").then().statusCode(403);
    }

    @Test
    @Order(7)
    @TestSecurity(user = "hn-inspector", roles = Roles.INSPECTOR)
    @OidcSecurity(claims = @Claim(key = "province", value = "VN-HN"))
    void adHocOverlapsAreReportedNotBlockingAndRetriesCreateNothing() {
        open("TTT-HN", "LC-A-1", "2024-05-01", "LC-E7", "LAND").then().statusCode(201);
        Map<String, Object> second = Requests.open("TTH-HN-BD", "LC-A-2", "2024-06-01", "SPECIALIZED", "LAND",
                Requests.entity("LC-E7", "ENTERPRISE", "VN-HN"), Map.of());
        String id = given().contentType(ContentType.JSON).header("Idempotency-Key", "lc-a-2").body(second)
                .post("/api/v1/inspections").then().statusCode(201)
                .body("conflicts.rule", containsInAnyOrder("SAME_SUBJECT_SAME_YEAR", "ENTERPRISE_ONCE_A_YEAR"))
                .body("conflicts.conflictingBodyCode", contains("TTT-HN", "TTT-HN")).extract().path("id");
        given().contentType(ContentType.JSON).header("Idempotency-Key", "lc-a-2").body(second)
                .post("/api/v1/inspections").then().statusCode(201).header("Idempotency-Replayed", "true")
                .body("id", equalTo(id));
        Map<String, Object> changed = new HashMap<>(second);
        changed.put("legalBasis", "another");
        given().contentType(ContentType.JSON).header("Idempotency-Key", "lc-a-2").body(changed)
                .post("/api/v1/inspections").then().statusCode(422);
        given().contentType(ContentType.JSON).body(second).post("/api/v1/inspections").then().statusCode(200)
                .body("id", equalTo(id));
        given().contentType(ContentType.JSON)
                .body(Requests.open("TTT-HN", "LC-A-3", "2024-06-01", "SPECIALIZED", "LAND",
                        Requests.entity("LC-E8", "ENTERPRISE", "VN-HN"), Map.of("bodyCode", "NOPE")))
                .post("/api/v1/inspections").then().statusCode(422).body("errors[0].field", equalTo("bodyCode"));
        given().contentType(ContentType.JSON)
                .body(Requests.open("TTT-HN", "LC-A-3", "2024-06-01", "SPECIALIZED", "LAND",
                        Requests.entity("LC-E8", "ENTERPRISE", "VN-HN"), Map.of("openedOn", "2024-05-01")))
                .post("/api/v1/inspections").then().statusCode(422).body("errors[0].field", equalTo("openedOn"));
    }

    private static io.restassured.response.Response open(String body, String decision, String date, String entity,
            String subject) {
        return open(body, decision, date, entity, subject, "VN-HN", Map.of());
    }

    private static io.restassured.response.Response open(String body, String decision, String date, String entity,
            String subject, String province) {
        return open(body, decision, date, entity, subject, province, Map.of());
    }

    private static io.restassured.response.Response open(String body, String decision, String date, String entity,
            String subject, String province, Map<String, Object> extra) {
        return given().contentType(ContentType.JSON)
                .body(Requests.open(body, decision, date, Requests.typeOn(date, "SPECIALIZED"), subject,
                        Requests.entity(entity, "ENTERPRISE", province), extra))
                .post("/api/v1/inspections");
    }

    private static void start(String id, String on) {
        given().contentType(ContentType.JSON).body(Map.of("startedOn", on)).post("/api/v1/inspections/{id}/start", id)
                .then().statusCode(200).body("status", equalTo("IN_PROGRESS"));
    }

    private static Map<String, Object> extend(int days, String decidedOn) {
        return Map.of("extraDays", days, "reasonCode", "COMPLEX_MATTER", "decidedOn", decidedOn);
    }

    private static Map<String, Object> item(long vnd, long land) {
        return Map.of("subject", "Land allocation", "finding", "Allocated without auction", "violationsVnd", vnd,
                "violationsLandM2", land);
    }

    private static Map<String, Object> conclusion(Map<String, Object> overrides) {
        Map<String, Object> request = new HashMap<>();
        request.put("conclusionNumber", "KL-LC-2");
        request.put("concludedOn", "2024-06-15");
        request.put("assessment", "Land allocated without auction.");
        request.put("unitsCovered", 2);
        request.put("items", List.of(item(200_000_000L, 1_500), item(100_000_000L, 0)));
        request.put("recommendations", List.of(
                Map.of("kind", "RECOVERY", "description", "Recover to the budget", "addressee", "LC-E4",
                        "amountVnd", 150_000_000L, "dueOn", "2024-12-31"),
                Map.of("kind", "DISCIPLINARY", "description", "Review the officials", "addressee", "District board",
                        "individualsCount", 2, "dueOn", "2024-12-31"),
                Map.of("kind", "ADMINISTRATIVE", "description", "Fix the allocation procedure", "addressee",
                        "District board", "dueOn", "2024-08-31")));
        request.put("responsibleOrganisations", List.of(Map.of("reference", "LC-E4")));
        request.put("responsibleIndividuals", List.of(Map.of("reference", "OFF-1", "role", "deputy head"),
                Map.of("reference", "OFF-2", "role", "officer")));
        request.put("transfers", List.of(Map.of("matter", "Signs of abuse of office", "toBody",
                "Provincial police investigation agency", "transferredOn", "2024-06-16")));
        request.put("published", false);
        request.putAll(overrides);
        return request;
    }

    private static void refused(String id, Map<String, Object> overrides, int status, String field) {
        given().contentType(ContentType.JSON).body(conclusion(overrides)).post("/api/v1/inspections/{id}/conclusion", id)
                .then().statusCode(status).contentType("application/problem+json").body("errors.field", hasItem(field));
    }

    private static io.restassured.response.Response pay(String recommendation, String reference, long amount) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("reference", reference, "amountVnd", amount, "paidOn", "2024-07-01"))
                .post("/api/v1/recommendations/{id}/payments", recommendation);
    }

    private static String idOf(List<Map<String, Object>> recommendations, String kind) {
        return recommendations.stream().filter(r -> kind.equals(r.get("kind"))).findFirst().orElseThrow().get("id")
                .toString();
    }
}
