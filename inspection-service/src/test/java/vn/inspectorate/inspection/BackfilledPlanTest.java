package vn.inspectorate.inspection;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import vn.inspectorate.platform.time.VietnamTime;
import vn.inspectorate.testsupport.AsyncApiSchemas;
import vn.inspectorate.testsupport.KafkaResource;
import vn.inspectorate.testsupport.PostgresResource;

/**
 * {@code POST /api/v1/inspection-plans} with {@code backfilled: true}: Da Nang loads its approved 2024 plan as history,
 * all or nothing, idempotently; inspections back-filled later name its items and count as planned. Live creation keeps
 * refusing past years.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BackfilledPlanTest {

    private static final String PROVINCE = "VN-DN";
    private static final String BODY = "TTT-48";
    private static final int YEAR = 2024;
    private static final String KEY = UUID.randomUUID().toString();
    private static String plan;
    private static List<String> items = new ArrayList<>();

    @Test
    @Order(1)
    @TestSecurity(user = "province-dn", roles = Roles.PROVINCIAL_SYSTEM)
    @OidcSecurity(claims = @Claim(key = "province", value = PROVINCE))
    void aRefusedItemWritesNothing() {
        List<Map<String, Object>> outOfYear = new ArrayList<>(plannedItems());
        outOfYear.add(item("BP-E3", (YEAR + 1) + "-02-01"));
        load(YEAR, "2023-12-20", outOfYear, null).then().statusCode(422)
                .body("type", endsWith("/start-outside-plan-year"))
                .body("errors[0].field", equalTo("inspections[2].plannedStart"));

        Map<String, Object> noSubject = new HashMap<>(item("BP-E3", YEAR + "-05-01"));
        noSubject.remove("subject");
        load(YEAR, "2023-12-20", List.of(item("BP-E1", YEAR + "-03-01"), noSubject), null).then().statusCode(400)
                .body("errors.field", hasItem("inspections[1].subject"));

        load(YEAR, "2023-12-20", List.of(item("BP-E1", YEAR + "-03-01"), item("BP-E1", YEAR + "-04-01")), null)
                .then().statusCode(422).body("type", endsWith("/duplicate-planned-inspection"))
                .body("errors[0].field", equalTo("inspections[1]"));

        // each refusal took the whole plan with it
        given().queryParam("year", YEAR).queryParam("bodyCode", BODY).get("/api/v1/inspection-plans").then()
                .statusCode(200).body("items", hasSize(0));
    }

    @Test
    @Order(2)
    @TestSecurity(user = "province-dn", roles = Roles.PROVINCIAL_SYSTEM)
    @OidcSecurity(claims = @Claim(key = "province", value = PROVINCE))
    void aPastPlanIsLoadedApprovedWithItsItemsAndMarked() {
        Response created = load(YEAR, "2023-12-20", plannedItems(), KEY);
        JsonPath view = created.then().statusCode(201)
                .header("Location", endsWith("/api/v1/inspection-plans/" + created.path("id")))
                .extract().jsonPath();
        plan = view.getString("id");
        assertThat(view.getString("status")).isEqualTo("APPROVED");
        assertThat(view.getBoolean("backfilled")).isTrue();
        assertThat(view.getString("approvedBy")).isEqualTo("province-dn");
        assertThat(view.getString("approvedOn")).isEqualTo("2023-12-20");
        assertThat(view.getInt("year")).isEqualTo(YEAR);
        assertThat(view.getList("inspections.entityCode")).containsExactly("BP-E1", "BP-E2");
        assertThat(view.getList("inspections.status")).containsOnly("PLANNED");
        assertThat(view.getList("inspections.conflicts.flatten()")).isEmpty();
        items = view.getList("inspections.id", String.class);

        // the same request with the same key answers the first response; without a key, the plan found by its key
        given().contentType(ContentType.JSON).header("Idempotency-Key", KEY)
                .body(body(YEAR, "2023-12-20", plannedItems())).post("/api/v1/inspection-plans").then()
                .statusCode(201).header("Idempotency-Replayed", "true").body("id", equalTo(plan));
        load(YEAR, "2023-12-20", plannedItems(), null).then().statusCode(200).body("id", equalTo(plan))
                .body("inspections", hasSize(2));
        given().queryParam("year", YEAR).queryParam("bodyCode", BODY).get("/api/v1/inspection-plans").then()
                .statusCode(200).body("items", hasSize(1)).body("items[0].inspections", hasSize(2))
                .body("items[0].backfilled", equalTo(true));

        List<JsonNode> events = TopicReader.read(Topics.INSPECTIONS, e -> plan.equals(e.path("subject").asText()),
                found -> !found.isEmpty(), Duration.ofSeconds(30));
        assertThat(events).hasSize(1);
        JsonNode approved = events.get(0);
        assertThat(approved.path("type").asText()).isEqualTo(EventTypes.INSPECTION_PLAN_APPROVED);
        assertThat(approved.path("backfilled").asBoolean()).isTrue();
        assertThat(approved.path("data").path("inspectionCount").asInt()).isEqualTo(2);
        assertThat(approved.path("data").path("approvedOn").asText()).isEqualTo("2023-12-20");
        assertThat(AsyncApiSchemas.validate(approved)).isEmpty();
    }

    @Test
    @Order(3)
    @TestSecurity(user = "province-dn", roles = Roles.PROVINCIAL_SYSTEM)
    @OidcSecurity(claims = @Claim(key = "province", value = PROVINCE))
    void theSameKeyWithOtherValuesIsAConflictAndChangesNothing() {
        load(YEAR, "2023-12-21", plannedItems(), null).then().statusCode(409)
                .body("type", endsWith("/natural-key-conflict")).body("existingId", equalTo(plan))
                .body("differingFields", equalTo(List.of("approvedOn")));
        List<Map<String, Object>> other = new ArrayList<>(plannedItems());
        other.set(1, item("BP-E2", YEAR + "-07-01"));
        load(YEAR, "2023-12-20", other, null).then().statusCode(409)
                .body("differingFields", equalTo(List.of("inspections[1].plannedStart")));
        load(YEAR, "2023-12-20", List.of(item("BP-E1", YEAR + "-03-01")), null).then().statusCode(409)
                .body("differingFields", equalTo(List.of("inspections")));
        given().get("/api/v1/inspection-plans/{id}", plan).then().statusCode(200)
                .body("approvedOn", equalTo("2023-12-20")).body("inspections.plannedStart",
                        equalTo(List.of(YEAR + "-03-01", YEAR + "-06-01")));

        // a live plan of the same body and year is another plan: the back-fill does not take it over
        int lastYear = VietnamTime.today().getYear() - 1;
        String live;
        VietnamTime.placeAt(Instant.parse(lastYear + "-06-01T03:00:00Z"));
        try {
            live = given().contentType(ContentType.JSON).body(Map.of("bodyCode", BODY, "year", lastYear))
                    .post("/api/v1/inspection-plans").then().statusCode(201).body("backfilled", equalTo(false))
                    .extract().path("id");
        } finally {
            VietnamTime.reset();
        }
        load(lastYear, (lastYear - 1) + "-12-20", List.of(item("BP-E9", lastYear + "-03-01")), null).then()
                .statusCode(409).body("existingId", equalTo(live))
                .body("differingFields", hasItems("backfilled", "approvedOn"));
        given().get("/api/v1/inspection-plans/{id}", live).then().statusCode(200).body("status", equalTo("DRAFT"))
                .body("inspections", hasSize(0));
    }

    @Test
    @Order(4)
    @TestSecurity(user = "province-dn", roles = Roles.PROVINCIAL_SYSTEM)
    @OidcSecurity(claims = @Claim(key = "province", value = PROVINCE))
    void onlyThePastIsHistoryAndALivePlanStaysLive() {
        int thisYear = VietnamTime.today().getYear();
        // a live create keeps refusing a past year
        given().contentType(ContentType.JSON).body(Map.of("bodyCode", BODY, "year", YEAR - 1))
                .post("/api/v1/inspection-plans").then().statusCode(422).body("type", endsWith("/past-plan-year"));
        load(thisYear, (thisYear - 1) + "-12-20", List.of(item("BP-E8", thisYear + "-01-05")), null).then()
                .statusCode(422).body("type", endsWith("/backfill-date")).body("errors.field", equalTo(List.of("year")));
        load(YEAR - 1, VietnamTime.today().toString(), List.of(item("BP-E8", (YEAR - 1) + "-03-01")), null).then()
                .statusCode(422).body("type", endsWith("/backfill-date"))
                .body("errors.field", equalTo(List.of("approvedOn")));
        load(YEAR - 1, (YEAR - 3) + "-12-20", List.of(item("BP-E8", (YEAR - 1) + "-03-01")), null).then()
                .statusCode(422).body("type", endsWith("/backfill-date"))
                .body("errors.field", equalTo(List.of("approvedOn")));
        // what belongs to a back-filled plan only
        given().contentType(ContentType.JSON).body(Map.of("bodyCode", BODY, "year", thisYear + 3,
                "approvedOn", "2023-12-20", "inspections", plannedItems())).post("/api/v1/inspection-plans").then()
                .statusCode(400).body("errors.field", equalTo(List.of("approvedOn", "inspections")));
        given().contentType(ContentType.JSON).body(Map.of("bodyCode", BODY, "year", YEAR - 1, "backfilled", true,
                "inspections", List.of())).post("/api/v1/inspection-plans").then()
                .statusCode(400).body("errors.field", equalTo(List.of("approvedOn", "inspections")));
        // none of these left a plan
        given().queryParam("bodyCode", BODY).queryParam("size", 200).get("/api/v1/inspection-plans").then()
                .statusCode(200)
                .body("items.findAll { it.year == " + (YEAR - 1) + " || it.year == " + (thisYear + 3) + " }",
                        hasSize(0))
                .body("items.findAll { it.year == " + thisYear + " && it.backfilled }", hasSize(0));
        // another province's body is not this system's to load
        load(YEAR - 1, (YEAR - 2) + "-12-20", List.of(Map.of("entity", Requests.entity("BP-HN", "PUBLIC_BODY",
                "VN-HN"), "subject", "PUBLIC_DUTIES", "type", "ADMINISTRATIVE", "plannedStart", (YEAR - 1) + "-03-01",
                "durationDays", 30)), null, "TTT-HN").then().statusCode(403);
    }

    @Test
    @Order(5)
    @TestSecurity(user = "dn-inspector", roles = Roles.INSPECTOR)
    @OidcSecurity(claims = {@Claim(key = "province", value = PROVINCE), @Claim(key = "plan_approver", value = "true")})
    void anInspectorLoadsNoHistory() {
        load(YEAR - 1, (YEAR - 2) + "-12-20", List.of(item("BP-E7", (YEAR - 1) + "-03-01")), null).then()
                .statusCode(403);
    }

    @Test
    @Order(6)
    @TestSecurity(user = "admin", roles = Roles.PLATFORM_ADMIN)
    void thePlatformAdminLoadsAnyBodysPlanButCreatesNoLivePlan() {
        load(YEAR - 1, (YEAR - 1) + "-01-10", List.of(item("BP-E6", (YEAR - 1) + "-09-01")), null).then()
                .statusCode(201).body("approvedBy", equalTo("admin")).body("backfilled", equalTo(true));
        given().contentType(ContentType.JSON).body(Map.of("bodyCode", BODY, "year", VietnamTime.today().getYear() + 3))
                .post("/api/v1/inspection-plans").then().statusCode(403);
    }

    @Test
    @Order(7)
    @TestSecurity(user = "province-dn", roles = Roles.PROVINCIAL_SYSTEM)
    @OidcSecurity(claims = @Claim(key = "province", value = PROVINCE))
    void aBackfilledInspectionOfAPlannedItemCountsAsPlanned() {
        Map<String, Object> opening = Requests.open(BODY, "BP-QD-1", YEAR + "-03-02", "ADMINISTRATIVE",
                "PUBLIC_DUTIES", Requests.entity("BP-E1", "PUBLIC_BODY", PROVINCE),
                Map.of("plannedInspectionId", items.get(0)));
        Map<String, Object> adHoc = Requests.open(BODY, "BP-QD-2", YEAR + "-03-03", "ADMINISTRATIVE",
                "PUBLIC_DUTIES", Requests.entity("BP-E5", "PUBLIC_BODY", PROVINCE), Map.of());
        JsonPath answer = given().contentType(ContentType.JSON)
                .body(Map.of("backfilled", true, "inspections", List.of(Map.of("opening", opening,
                        "start", Map.of("startedOn", YEAR + "-03-10")), Map.of("opening", adHoc))))
                .post("/api/v1/inspections/batch").then().statusCode(200).extract().jsonPath();
        assertThat(answer.getList("results.outcome")).as(answer.prettify()).containsExactly("CREATED", "CREATED");
        String planned = answer.getString("results[0].inspectionId");
        String unplanned = answer.getString("results[1].inspectionId");
        given().get("/api/v1/inspections/{id}", planned).then().statusCode(200).body("planned", equalTo(true))
                .body("planId", equalTo(plan)).body("backfilled", equalTo(true));
        given().get("/api/v1/inspections/{id}", unplanned).then().statusCode(200).body("planned", equalTo(false));
        given().get("/api/v1/inspection-plans/{id}", plan).then().statusCode(200)
                .body("inspections.find { it.id == '" + items.get(0) + "' }.status", equalTo("OPENED"))
                .body("inspections.find { it.id == '" + items.get(1) + "' }.status", equalTo("PLANNED"));
        // loading the plan again still answers it: what was loaded has not changed
        load(YEAR, "2023-12-20", plannedItems(), null).then().statusCode(200).body("id", equalTo(plan));

        List<JsonNode> opened = TopicReader.read(Topics.INSPECTIONS,
                e -> EventTypes.INSPECTION_OPENED.equals(e.path("type").asText())
                        && (planned.equals(e.path("subject").asText()) || unplanned.equals(e.path("subject").asText())),
                found -> found.size() >= 2, Duration.ofSeconds(30));
        assertThat(opened).allSatisfy(e -> assertThat(e.path("backfilled").asBoolean()).isTrue());
        assertThat(opened).filteredOn(e -> planned.equals(e.path("subject").asText()))
                .extracting(e -> e.path("data").path("planned").asBoolean()).containsExactly(true);
        assertThat(opened).filteredOn(e -> unplanned.equals(e.path("subject").asText()))
                .extracting(e -> e.path("data").path("planned").asBoolean()).containsExactly(false);
    }

    // ---- helpers ----

    private static List<Map<String, Object>> plannedItems() {
        return List.of(item("BP-E1", YEAR + "-03-01"), item("BP-E2", YEAR + "-06-01"));
    }

    private static Map<String, Object> item(String entity, String plannedStart) {
        return Map.of("entity", Requests.entity(entity, "PUBLIC_BODY", PROVINCE), "subject", "PUBLIC_DUTIES",
                "type", "ADMINISTRATIVE", "plannedStart", plannedStart, "durationDays", 30);
    }

    private static Map<String, Object> body(int year, String approvedOn, List<Map<String, Object>> inspections) {
        return body(year, approvedOn, inspections, BODY);
    }

    private static Map<String, Object> body(int year, String approvedOn, List<Map<String, Object>> inspections,
            String bodyCode) {
        return Map.of("bodyCode", bodyCode, "year", year, "backfilled", true, "approvedOn", approvedOn,
                "inspections", inspections);
    }

    private static Response load(int year, String approvedOn, List<Map<String, Object>> inspections, String key) {
        return load(year, approvedOn, inspections, key, BODY);
    }

    private static Response load(int year, String approvedOn, List<Map<String, Object>> inspections, String key,
            String bodyCode) {
        var request = given().contentType(ContentType.JSON).body(body(year, approvedOn, inspections, bodyCode));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.post("/api/v1/inspection-plans");
    }
}
