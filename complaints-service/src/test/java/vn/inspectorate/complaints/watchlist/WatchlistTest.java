package vn.inspectorate.complaints.watchlist;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static vn.inspectorate.complaints.Cases.complaint;
import static vn.inspectorate.complaints.Cases.create;
import static vn.inspectorate.complaints.Cases.map;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import vn.inspectorate.complaints.KafkaEvents;
import vn.inspectorate.complaints.cases.BusinessDate;
import vn.inspectorate.contracts.EventTypes;
import vn.inspectorate.contracts.Topics;
import vn.inspectorate.testsupport.KafkaResource;
import vn.inspectorate.testsupport.PostgresResource;

@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WatchlistTest {

    static String caseId;
    static final String MONTH = YearMonth.from(BusinessDate.today()).toString();

    @Test
    @Order(1)
    @TestSecurity(user = "hp-portal", roles = "provincial-system")
    @OidcSecurity(claims = @Claim(key = "province", value = "VN-HP"))
    void aProvinceFilesAProlongedCase() {
        var body = complaint(LocalDate.of(2019, 5, 6));
        body.put("provinceCode", "VN-HP");
        caseId = create(body);
        // a provincial system cannot put it on the watchlist
        post("/watchlist", map("decisionReference", "CV-1", "decidedOn", "2025-01-10")).statusCode(403);
    }

    @Test
    @Order(2)
    @TestSecurity(user = "gov-analyst", roles = "central-analyst")
    void centralGovernmentAddsItToTheWatchlist() {
        post("/watchlist", map("decisionReference", "CV-1", "decidedOn", BusinessDate.today().plusDays(1).toString()))
                .statusCode(422).body("errors.field", hasItem("decidedOn"));
        post("/watchlist", map("decisionReference", "CV-1", "decidedOn", "2025-01-10")).statusCode(200)
                .body("onWatchlist", equalTo(true));
        post("/watchlist", map("decisionReference", "CV-1", "decidedOn", "2025-01-10")).statusCode(200);
        post("/watchlist", map("decisionReference", "CV-1", "decidedOn", "2025-01-09")).statusCode(409)
                .body("type", org.hamcrest.Matchers.endsWith("/natural-key-conflict"))
                .body("differingFields", org.hamcrest.Matchers.contains("decidedOn"));
        post("/watchlist", map("decisionReference", "CV-2", "decidedOn", "2025-01-11")).statusCode(409);
        given().get("/api/v1/watchlist/without-progress?size=200").then().statusCode(200)
                .body("items.caseId", hasItem(caseId));
        given().get("/api/v1/cases?watchlist=true&province=VN-HP").then().body("items.id", hasItem(caseId));
    }

    @Test
    @Order(3)
    @TestSecurity(user = "hp-officer", roles = "inspector")
    @OidcSecurity(claims = @Claim(key = "province", value = "VN-HP"))
    void theProvinceReportsMonthlyProgress() {
        post("/watchlist/progress", map("reportMonth", "2026-13", "stage", "VERIFYING")).statusCode(400)
                .body("errors.field", hasItem("reportMonth"));
        post("/watchlist/progress", map("reportMonth", YearMonth.from(BusinessDate.today()).plusMonths(1).toString(),
                "stage", "VERIFYING")).statusCode(422);
        int version = post("/watchlist/progress", map("reportMonth", MONTH, "stage", "VERIFYING",
                "note", "site visit done")).statusCode(200).extract().path("version");
        // a retried report changes nothing and emits nothing
        post("/watchlist/progress", map("reportMonth", MONTH, "stage", "VERIFYING", "note", "site visit done"))
                .statusCode(200).body("version", equalTo(version));
        given().get("/api/v1/watchlist/without-progress?size=200").then().statusCode(200)
                .body("items.caseId", not(hasItem(caseId)));
        given().get("/api/v1/watchlist/without-progress?month=2020-01&size=200").then().statusCode(200)
                .body("items.caseId", hasItem(caseId));
        given().get("/api/v1/watchlist/without-progress?month=January").then().statusCode(400);
    }

    @Test
    @Order(4)
    @TestSecurity(user = "sg-officer", roles = "inspector")
    @OidcSecurity(claims = @Claim(key = "province", value = "VN-SG"))
    void anotherProvinceNeitherReportsNorSeesIt() {
        post("/watchlist/progress", map("reportMonth", MONTH, "stage", "VERIFYING")).statusCode(404);
        given().get("/api/v1/watchlist/without-progress?month=2020-01&size=200").then().statusCode(200)
                .body("items.caseId", not(hasItem(caseId)));
    }

    @Test
    @Order(5)
    @TestSecurity(user = "gov-analyst", roles = "central-analyst")
    void centralGovernmentRemovesItAndEveryStepIsAnEvent() {
        post("/watchlist/removal", map("decisionReference", "CV-9", "decidedOn", "2026-01-15")).statusCode(200)
                .body("onWatchlist", equalTo(false));
        post("/watchlist/removal", map("decisionReference", "CV-9", "decidedOn", "2026-01-15")).statusCode(409);
        List<JsonNode> events = KafkaEvents.await(Topics.CASES, caseId, e -> e.size() >= 4);
        assertThat(KafkaEvents.types(events)).containsExactly(EventTypes.CASE_RECEIVED, EventTypes.CASE_WATCHLISTED,
                EventTypes.CASE_PROGRESS_REPORTED, EventTypes.CASE_WATCHLISTED);
        assertThat(events.get(1).path("data").path("onWatchlist").asBoolean()).isTrue();
        assertThat(events.get(2).path("data").path("reportMonth").asText()).isEqualTo(MONTH);
        assertThat(events.get(2).path("data").path("overdue").asBoolean()).isTrue();
        assertThat(events.get(3).path("data").path("onWatchlist").asBoolean()).isFalse();
        assertThat(events.get(3).path("data").path("decisionReference").asText()).isEqualTo("CV-9");
    }

    private static io.restassured.response.ValidatableResponse post(String path, Object body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/cases/" + caseId + path).then();
    }
}
