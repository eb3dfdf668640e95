package vn.inspectorate.reporting.publication;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import vn.inspectorate.contracts.EventTypes;
import vn.inspectorate.contracts.Topics;
import vn.inspectorate.platform.security.Roles;
import vn.inspectorate.reporting.EventFeedAccess;
import vn.inspectorate.reporting.projection.ProjectionStore;
import vn.inspectorate.testsupport.KafkaResource;
import vn.inspectorate.testsupport.PostgresResource;

/**
 * A province publishes its own periodic report, frozen and revised like the national one, which that province and
 * central staff read and no other province does. The records are Hải Phòng's (VN-HP) and Đà Nẵng's (VN-DN) of 2021,
 * which no other reporting test reads.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProvinceReportsTest {

    private static final String PUBLICATIONS = "/api/v1/reports/publications";
    private static final String Q1 = "{\"period\":\"2021-Q1\",\"calendar\":\"calendar\"}";
    private static boolean sent;
    private static String haiPhongQ1;

    @Inject
    ObjectMapper mapper;

    @Inject
    ProjectionStore store;

    private void sendOnce() {
        if (!sent) {
            EventFeedAccess.concluded(mapper, "hp-2021-1", "VN-HP", LocalDate.of(2021, 2, 1), LocalDate.of(2021, 3, 1));
            EventFeedAccess.concluded(mapper, "dn-2021-1", "VN-DN", LocalDate.of(2021, 2, 2), LocalDate.of(2021, 3, 2));
            EventFeedAccess.concluded(mapper, "dn-2021-2", "VN-DN", LocalDate.of(2021, 2, 3), LocalDate.of(2021, 3, 3));
            sent = true;
        }
        EventFeedAccess.awaitProjected(store);
    }

    private JsonNode json(Response r) throws Exception {
        return mapper.readTree(r.asString());
    }

    private static Map<String, Long> values(JsonNode report) {
        Map<String, Long> values = new HashMap<>();
        report.path("figures").forEach(f -> values.put(f.path("figure").asText(), f.path("value").asLong()));
        return values;
    }

    @Test
    @Order(1)
    @TestSecurity(user = "province-hp", roles = Roles.PROVINCIAL_SYSTEM)
    @OidcSecurity(claims = @Claim(key = "province", value = "VN-HP"))
    void aProvincePublishesItsOwnQuarterFrozenOnceAndAnnounced() throws Exception {
        sendOnce();
        Response first = given().contentType("application/json").body(Q1).post(PUBLICATIONS);
        assertThat(first.statusCode()).isEqualTo(201);
        JsonNode snapshot = json(first);
        assertThat(snapshot.path("scope").asText()).isEqualTo("PROVINCE");
        assertThat(snapshot.path("scopeCode").asText()).isEqualTo("VN-HP");
        assertThat(snapshot.at("/report/scope/province").asText()).isEqualTo("VN-HP");
        // its own records only, not Đà Nẵng's
        assertThat(values(snapshot.path("report"))).containsEntry("inspections.conclusions", 1L);
        assertThat(snapshot.at("/report/byProvince")).isEmpty();
        haiPhongQ1 = snapshot.path("snapshotId").asText();
        assertThat(first.header("Location")).endsWith(PUBLICATIONS + "/" + haiPhongQ1);

        given().contentType("application/json").body(Q1).post(PUBLICATIONS).then().statusCode(200)
                .body("snapshotId", equalTo(haiPhongQ1));
        // naming itself changes nothing; naming another province is refused
        given().contentType("application/json")
                .body("{\"period\":\"2021-Q1\",\"calendar\":\"calendar\",\"province\":\"vn-hp\"}")
                .post(PUBLICATIONS).then().statusCode(200).body("snapshotId", equalTo(haiPhongQ1));
        given().contentType("application/json")
                .body("{\"period\":\"2021-Q1\",\"calendar\":\"calendar\",\"province\":\"VN-DN\"}")
                .post(PUBLICATIONS).then().statusCode(403).contentType("application/problem+json");

        String reportId = snapshot.path("reportId").asText();
        List<String> events = EventFeedAccess.readAll(Topics.REPORTS, v -> v.contains(reportId), 1);
        assertThat(events).hasSize(1);
        JsonNode event = mapper.readTree(events.get(0));
        assertThat(event.path("type").asText()).isEqualTo(EventTypes.REPORT_PUBLISHED);
        assertThat(event.at("/data/scope").asText()).isEqualTo("PROVINCE");
        assertThat(event.at("/data/scopeCode").asText()).isEqualTo("VN-HP");
    }

    @Test
    @Order(2)
    @TestSecurity(user = "province-hp", roles = Roles.PROVINCIAL_SYSTEM)
    @OidcSecurity(claims = @Claim(key = "province", value = "VN-HP"))
    void aLateCorrectionLeavesTheFrozenReportAndShowsAsARevisionOfTheNextOne() throws Exception {
        sendOnce();
        EventFeedAccess.concluded(mapper, "hp-2021-late", "VN-HP", LocalDate.of(2021, 1, 20),
                LocalDate.of(2021, 3, 20));
        EventFeedAccess.awaitProjected(store);
        given().get(PUBLICATIONS + "/" + haiPhongQ1).then().statusCode(200)
                .body("report.figures.find { it.figure == 'inspections.conclusions' }.value", equalTo(1));
        JsonNode q2 = json(given().contentType("application/json")
                .body("{\"period\":\"2021-Q2\",\"calendar\":\"calendar\"}").post(PUBLICATIONS).then().statusCode(201)
                .extract().response());
        List<JsonNode> revisions = new ArrayList<>();
        q2.at("/report/revisions").forEach(revisions::add);
        JsonNode conclusions = revisions.stream()
                .filter(r -> r.path("figure").asText().equals("inspections.conclusions")).findFirst().orElseThrow();
        assertThat(conclusions.path("periodKey").asText()).isEqualTo("2021-Q1");
        assertThat(conclusions.path("publishedValue").asLong()).isEqualTo(1);
        assertThat(conclusions.path("currentValue").asLong()).isEqualTo(2);
    }

    @Test
    @Order(3)
    @TestSecurity(user = "province-dn", roles = Roles.PROVINCIAL_SYSTEM)
    @OidcSecurity(claims = @Claim(key = "province", value = "VN-DN"))
    void anotherProvinceNeitherReadsNorListsIt() throws Exception {
        given().get(PUBLICATIONS + "/" + haiPhongQ1).then().statusCode(404);
        JsonNode list = json(given().get(PUBLICATIONS).then().statusCode(200).extract().response());
        list.forEach(s -> assertThat(s.path("scopeCode").asText()).isEqualTo("VN-DN"));
        // its own report counts its own two conclusions
        JsonNode own = json(given().contentType("application/json").body(Q1).post(PUBLICATIONS).then()
                .statusCode(201).extract().response());
        assertThat(values(own.path("report"))).containsEntry("inspections.conclusions", 2L);
        given().get(PUBLICATIONS).then().statusCode(200).body("size()", equalTo(1))
                .body("[0].scopeCode", equalTo("VN-DN"));
    }

    @Test
    @Order(4)
    @TestSecurity(user = "inspector-hp", roles = Roles.INSPECTOR)
    @OidcSecurity(claims = @Claim(key = "province", value = "VN-HP"))
    void theProvincesInspectorsReadIt() {
        given().get(PUBLICATIONS + "/" + haiPhongQ1).then().statusCode(200).body("scopeCode", equalTo("VN-HP"));
    }

    @Test
    @Order(4)
    @TestSecurity(user = "analyst", roles = Roles.CENTRAL_ANALYST)
    void centralAnalystsReadEveryProvincesReportsButPublishOnlyTheNationalOne() throws Exception {
        given().get(PUBLICATIONS + "/" + haiPhongQ1).then().statusCode(200).body("scopeCode", equalTo("VN-HP"));
        JsonNode list = json(given().get(PUBLICATIONS).then().statusCode(200).extract().response());
        List<String> codes = new ArrayList<>();
        list.forEach(s -> codes.add(s.path("scopeCode").asText()));
        assertThat(codes).contains("VN-HP", "VN-DN");
        given().contentType("application/json")
                .body("{\"period\":\"2021-Q1\",\"calendar\":\"calendar\",\"province\":\"VN-HP\"}")
                .post(PUBLICATIONS).then().statusCode(403);
    }

    @Test
    @Order(4)
    @TestSecurity(user = "chief-inspector-ttcp", roles = Roles.INSPECTOR)
    @OidcSecurity(claims = @Claim(key = "agency", value = "TTCP"))
    void aCentralInspectorReadsNationalAndProvinceReportsButPublishesNone() {
        given().get("/api/v1/reports/summary?period=2021-Q1&calendar=calendar").then().statusCode(200)
                .body("scope.province", nullValue());
        given().get("/api/v1/reports/national?period=2021-Q1&calendar=calendar").then().statusCode(200)
                .body("scope.province", nullValue());
        given().get("/api/v1/reports/summary?period=2021-Q1&calendar=calendar&province=VN-DN").then().statusCode(200)
                .body("scope.province", equalTo("VN-DN"));
        given().get(PUBLICATIONS + "/" + haiPhongQ1).then().statusCode(200);
        given().get(PUBLICATIONS).then().statusCode(200);
        given().contentType("application/json").body(Q1).post(PUBLICATIONS).then().statusCode(403);
    }

    @Test
    @Order(4)
    @TestSecurity(user = "ministry-inspector", roles = Roles.INSPECTOR)
    @OidcSecurity(claims = @Claim(key = "agency", value = "TT-BTC"))
    void anInspectorOfAnotherAgencyWithoutProvinceIsNotCentralStaff() {
        given().get("/api/v1/reports/summary?period=2021-Q1&calendar=calendar").then().statusCode(403);
        given().get(PUBLICATIONS + "/" + haiPhongQ1).then().statusCode(404);
    }

    @Test
    @Order(4)
    @TestSecurity(user = "partner-demo", roles = Roles.PARTNER)
    void partnersReadNationalReportsOnly() throws Exception {
        given().get(PUBLICATIONS + "/" + haiPhongQ1).then().statusCode(404);
        json(given().get(PUBLICATIONS).then().statusCode(200).extract().response())
                .forEach(s -> assertThat(s.path("scope").asText()).isEqualTo("NATIONAL"));
    }

    @Test
    @Order(5)
    @TestSecurity(user = "province-hp", roles = Roles.PROVINCIAL_SYSTEM)
    @OidcSecurity(claims = @Claim(key = "province", value = "VN-HP"))
    void aPublishedReportReadsInEitherLanguageAndDatesItsNowFigures() throws Exception {
        JsonNode vi = json(given().get(PUBLICATIONS + "/" + haiPhongQ1).then().statusCode(200)
                .header("Content-Language", "vi").extract().response());
        JsonNode en = json(given().header("Accept-Language", "en").get(PUBLICATIONS + "/" + haiPhongQ1).then()
                .statusCode(200).header("Content-Language", "en").extract().response());
        assertThat(vi.at("/report/title").asText()).startsWith("Báo cáo công tác thanh tra kỳ 2021-Q1");
        assertThat(en.at("/report/title").asText()).startsWith("Inspectorate sector report 2021-Q1");
        JsonNode overdueNow = figure(vi.path("report"), "cases.overdue_now");
        // read when it was published, after the quarter: marked, not passed as the quarter's
        assertThat(overdueNow.path("readAt").asText()).isNotEmpty();
        assertThat(overdueNow.path("note").asText()).contains("không phải số liệu của kỳ báo cáo");
        assertThat(figure(en.path("report"), "cases.overdue_now").path("note").asText())
                .contains("not a figure of the period");
        assertThat(figure(vi.path("report"), "inspections.conclusions").path("readAt").isNull()).isTrue();
    }

    private static JsonNode figure(JsonNode report, String code) {
        for (JsonNode f : report.path("figures")) {
            if (f.path("figure").asText().equals(code)) {
                return f;
            }
        }
        throw new AssertionError("no figure " + code);
    }
}
