package vn.inspectorate.inspection;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
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
import vn.inspectorate.contracts.reference.CalendarLoaded;
import vn.inspectorate.contracts.reference.InspectionBodyChanged;
import vn.inspectorate.inspection.support.Requests;
import vn.inspectorate.inspection.support.TopicReader;
import vn.inspectorate.platform.security.Roles;
import vn.inspectorate.testsupport.AsyncApiSchemas;
import vn.inspectorate.testsupport.KafkaResource;
import vn.inspectorate.testsupport.PostgresResource;

/**
 * The reference data admin API: only a platform admin writes, any caller reads; natural keys and Idempotency-Key hold;
 * every change is recorded with its reason and published; a retired body can no longer open inspections.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReferenceAdminTest {

    static final String BODIES = "/api/v1/reference/inspection-bodies";
    static final String BODY = "TTT-RA-HN";

    static Map<String, Object> newBody() {
        Map<String, Object> body = new HashMap<>();
        body.put("code", BODY);
        body.put("name", "Thanh tra thử nghiệm Hà Nội");
        body.put("level", "PROVINCIAL");
        body.put("provinceCode", "VN-HN");
        body.put("validFrom", "2025-07-01");
        body.put("certainty", "UNCERTAIN");
        body.put("reason", "Set up by the province's decision");
        return body;
    }

    @Test
    @Order(1)
    void withoutATokenNothingIsReadOrWritten() {
        given().get(BODIES).then().statusCode(401);
        given().contentType(ContentType.JSON).body(newBody()).post(BODIES).then().statusCode(401);
        given().get("/api/v1/reference/changes").then().statusCode(401);
    }

    @Test
    @Order(2)
    @TestSecurity(user = "inspector-hn", roles = Roles.INSPECTOR)
    @OidcSecurity(claims = @Claim(key = "province", value = "VN-HN"))
    void othersReadButDoNotWrite() {
        given().get(BODIES).then().statusCode(200).body("code", hasItem("TTT-HN"));
        given().contentType(ContentType.JSON).body(newBody()).post(BODIES).then().statusCode(403);
        given().contentType(ContentType.JSON).body(Map.of("daysOff", List.of(), "workingDays", List.of(),
                "source", "s", "reason", "r")).put("/api/v1/reference/calendar/2031").then().statusCode(403);
        given().get(BODIES + "/" + BODY).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    @Order(3)
    @TestSecurity(user = "admin", roles = Roles.PLATFORM_ADMIN)
    void anAdminAddsABodyOnceByItsCode() {
        given().contentType(ContentType.JSON).header("Idempotency-Key", "ra-add-1").body(newBody()).post(BODIES)
                .then().statusCode(201).header("Location", endsWith("/api/v1/reference/inspection-bodies/" + BODY))
                .body("certainty", equalTo("UNCERTAIN")).body("version", equalTo(1))
                .body("names", hasSize(1)).body("validTo", nullValue());
        given().contentType(ContentType.JSON).header("Idempotency-Key", "ra-add-1").body(newBody()).post(BODIES)
                .then().statusCode(201).header("Idempotency-Replayed", equalTo("true"));
        Map<String, Object> other = newBody();
        other.put("name", "Another name");
        given().contentType(ContentType.JSON).header("Idempotency-Key", "ra-add-1").body(other).post(BODIES)
                .then().statusCode(422);
        given().contentType(ContentType.JSON).body(newBody()).post(BODIES).then().statusCode(200)
                .body("code", equalTo(BODY));
        given().contentType(ContentType.JSON).body(other).post(BODIES).then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://inspectorate.gov.vn/problems/natural-key-conflict"))
                .body("existingId", equalTo(BODY)).body("differingFields", equalTo(List.of("name")));
        Map<String, Object> central = newBody();
        central.put("code", "TT-RA-X");
        central.put("level", "CENTRAL");
        given().contentType(ContentType.JSON).body(central).post(BODIES).then().statusCode(422)
                .body("errors[0].field", equalTo("provinceCode"));
        Map<String, Object> noReason = newBody();
        noReason.remove("reason");
        noReason.put("code", "TT-RA-Y");
        given().contentType(ContentType.JSON).body(noReason).post(BODIES).then().statusCode(400)
                .contentType("application/problem+json");
        given().get(BODIES + "/TT-RA-X").then().statusCode(404);
        given().get(BODIES + "/TT-RA-Y").then().statusCode(404);
    }

    @Test
    @Order(4)
    @TestSecurity(user = "admin", roles = Roles.PLATFORM_ADMIN)
    void anAdminConfirmsRenamesAndRetiresTheBody() {
        given().contentType(ContentType.JSON).body(Map.of("reason", "Checked against the decision"))
                .post(BODIES + "/{code}/confirmation", BODY).then().statusCode(200)
                .body("certainty", equalTo("CONFIRMED")).body("version", equalTo(2));
        Map<String, Object> rename = Map.of("name", "Thanh tra thành phố thử nghiệm", "from", "2026-01-01",
                "reason", "Renamed by the city's decision");
        given().contentType(ContentType.JSON).body(rename).post(BODIES + "/{code}/renaming", BODY).then()
                .statusCode(200).body("names", hasSize(2)).body("names[1].validFrom", equalTo("2026-01-01"))
                .body("names[1].name", equalTo("Thanh tra thành phố thử nghiệm")).body("version", equalTo(3));
        given().contentType(ContentType.JSON).body(rename).post(BODIES + "/{code}/renaming", BODY).then()
                .statusCode(200).body("version", equalTo(3));
        given().contentType(ContentType.JSON).body(Map.of("from", "2025-07-01", "reason", "r"))
                .post(BODIES + "/{code}/retirement", BODY).then().statusCode(422)
                .body("errors[0].field", equalTo("from"));
        given().contentType(ContentType.JSON).body(Map.of("from", "2026-03-01", "reason", "Abolished"))
                .post(BODIES + "/{code}/retirement", BODY).then().statusCode(200)
                .body("validTo", equalTo("2026-02-28")).body("version", equalTo(4));
        given().contentType(ContentType.JSON).body(Map.of("into", "TTT-HN", "from", "2026-03-01", "reason", "r"))
                .post(BODIES + "/{code}/merger", BODY).then().statusCode(409)
                .body("type", equalTo("https://inspectorate.gov.vn/problems/body-already-ended"));
        given().queryParam("on", "2026-03-01").get(BODIES).then().statusCode(200)
                .body("code", org.hamcrest.Matchers.not(hasItem(BODY)));

        List<JsonNode> events = TopicReader.read(Topics.REFERENCE,
                e -> InspectionBodyChanged.bodyIdOf(BODY).toString().equals(e.path("subject").asText()),
                found -> found.size() >= 4, Duration.ofSeconds(20));
        assertThat(events).extracting(e -> e.path("data").path("change").asText())
                .containsExactly("ADDED", "CONFIRMED", "RENAMED", "RETIRED");
        assertThat(events).extracting(e -> e.path("type").asText())
                .containsOnly(EventTypes.REFERENCE_INSPECTION_BODY_CHANGED);
        assertThat(events.get(2).path("data").path("title").asText()).isEqualTo("Thanh tra thành phố thử nghiệm");
        assertThat(events.get(3).path("data").path("validTo").asText()).isEqualTo("2026-02-28");
        assertThat(events).allSatisfy(e -> assertThat(AsyncApiSchemas.validate(e)).isEmpty());
    }

    @Test
    @Order(5)
    @TestSecurity(user = "province-hn", roles = Roles.PROVINCIAL_SYSTEM)
    @OidcSecurity(claims = @Claim(key = "province", value = "VN-HN"))
    void aRetiredBodyOpensNoInspectionFromItsEnd() {
        var entity = Requests.entity("RA-E1", "ENTERPRISE", "VN-HN");
        given().contentType(ContentType.JSON).body(Requests.open(BODY, "RA-1/QĐ", "2026-03-02", "INSPECTION",
                "LAND", entity, Map.of())).post("/api/v1/inspections").then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://inspectorate.gov.vn/problems/body-not-in-force"))
                .body("errors.field", hasItems("decisionDate", "bodyCode"));
    }

    @Test
    @Order(6)
    @TestSecurity(user = "admin", roles = Roles.PLATFORM_ADMIN)
    void anAdminLoadsAYearOfTheCalendar() {
        Map<String, Object> year = new HashMap<>();
        year.put("daysOff", List.of(Map.of("day", "2031-01-01", "occasion", "New Year"),
                Map.of("day", "2031-01-02", "occasion", "New Year (swapped with Saturday 4 January)")));
        year.put("workingDays", List.of(Map.of("day", "2031-01-04", "occasion", "Worked for Thursday 2 January")));
        year.put("source", "Ministry of Home Affairs notice for 2031");
        year.put("reason", "The year's decision was published");
        given().contentType(ContentType.JSON).header("Idempotency-Key", "ra-cal-1").body(year)
                .put("/api/v1/reference/calendar/2031").then().statusCode(200).body("version", equalTo(1))
                .body("days", hasSize(3)).body("days[2].kind", equalTo("WORKING_DAY")).body("decided", equalTo(true));
        given().contentType(ContentType.JSON).body(year).put("/api/v1/reference/calendar/2031").then()
                .statusCode(200).body("version", equalTo(1));
        given().get("/api/v1/reference/calendar/2031").then().statusCode(200).body("days[1].day",
                equalTo("2031-01-02"));
        given().get("/api/v1/reference/calendar/2026").then().statusCode(200)
                .body("days.day", hasItem("2026-02-16"));
        given().get("/api/v1/reference/calendar/2032").then().statusCode(404);

        Map<String, Object> wrong = new HashMap<>(year);
        wrong.put("daysOff", List.of(Map.of("day", "2031-01-05", "occasion", "a Sunday"),
                Map.of("day", "2030-12-31", "occasion", "last year")));
        wrong.put("workingDays", List.of(Map.of("day", "2031-01-06", "occasion", "a Monday")));
        given().contentType(ContentType.JSON).body(wrong).put("/api/v1/reference/calendar/2031").then()
                .statusCode(422).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("daysOff[0].day", "daysOff[1].day", "workingDays[0].day")));
        given().get("/api/v1/reference/calendar/2031").then().statusCode(200).body("days", hasSize(3));

        List<JsonNode> events = TopicReader.read(Topics.REFERENCE,
                e -> CalendarLoaded.calendarIdOf(2031).toString().equals(e.path("subject").asText()),
                found -> !found.isEmpty(), Duration.ofSeconds(20));
        assertThat(events).hasSize(1);
        assertThat(events.get(0).path("data").path("days")).hasSize(3);
        assertThat(AsyncApiSchemas.validate(events.get(0))).isEmpty();
    }

    @Test
    @Order(7)
    @TestSecurity(user = "analyst", roles = Roles.CENTRAL_ANALYST)
    void everyChangeIsRecordedWithWhoWhenAndWhy() {
        given().queryParam("subject", BODY).get("/api/v1/reference/changes").then().statusCode(200)
                .body("kind", equalTo(List.of("INSPECTION_BODY_RETIRED", "INSPECTION_BODY_RENAMED",
                        "INSPECTION_BODY_CONFIRMED", "INSPECTION_BODY_ADDED")))
                .body("changedBy", org.hamcrest.Matchers.everyItem(equalTo("admin")))
                .body("[0].reason", equalTo("Abolished"))
                .body("[0].details.request.from", equalTo("2026-03-01"))
                .body("[0].details.after.validTo", equalTo("2026-02-28"));
        given().queryParam("subject", "calendar-2031").get("/api/v1/reference/changes").then().statusCode(200)
                .body("", hasSize(1)).body("[0].details.days", hasSize(3));
        given().queryParam("limit", 0).get("/api/v1/reference/changes").then().statusCode(400);
    }

    @Test
    @Order(8)
    @TestSecurity(user = "admin", roles = Roles.PLATFORM_ADMIN)
    void anAdminAddsADurationRuleVersionAndThePreviousOneEnds() {
        Map<String, Object> version = new HashMap<>(Map.of("level", "CENTRAL", "reInspection", false,
                "baseDays", 50, "extensionDays", 25, "maxExtensions", 1, "effectiveFrom", "2099-01-01",
                "source", "A law of 2098", "reason", "The law changed the limits"));
        given().contentType(ContentType.JSON).body(version).post("/api/v1/duration-rules").then().statusCode(201)
                .body("baseDays", equalTo(50)).body("effectiveTo", nullValue());
        given().contentType(ContentType.JSON).body(version).post("/api/v1/duration-rules").then().statusCode(200);
        version.put("baseDays", 40);
        given().contentType(ContentType.JSON).body(version).post("/api/v1/duration-rules").then().statusCode(409)
                .body("differingFields", equalTo(List.of("baseDays")));
        version.put("effectiveFrom", "2098-06-01");
        given().contentType(ContentType.JSON).body(version).post("/api/v1/duration-rules").then().statusCode(409)
                .body("type", equalTo("https://inspectorate.gov.vn/problems/rule-version-order"));
        given().get("/api/v1/duration-rules").then().statusCode(200)
                .body("findAll { it.level == 'CENTRAL' && !it.reInspection }.effectiveTo", hasItem("2098-12-31"));
        given().queryParam("subject", "duration-rule:CENTRAL").get("/api/v1/reference/changes").then()
                .statusCode(200).body("", hasSize(1)).body("[0].reason", equalTo("The law changed the limits"));
    }

    @Test
    @Order(9)
    @TestSecurity(user = "inspector-hn", roles = Roles.INSPECTOR)
    @OidcSecurity(claims = @Claim(key = "province", value = "VN-HN"))
    void onlyAnAdminAddsARuleVersion() {
        given().contentType(ContentType.JSON).body(Map.of("level", "CENTRAL")).post("/api/v1/duration-rules")
                .then().statusCode(403);
    }
}
