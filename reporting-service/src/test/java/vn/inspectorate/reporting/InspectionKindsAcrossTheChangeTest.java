package vn.inspectorate.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.inspectorate.contracts.EventTypes;
import vn.inspectorate.platform.security.Roles;
import vn.inspectorate.reporting.projection.ProjectionStore;
import vn.inspectorate.testsupport.KafkaResource;
import vn.inspectorate.testsupport.PostgresResource;

/**
 * From 1 July 2025 the law knows one kind of inspection: the administrative/specialized split counts the days before,
 * inspections.inspection the days from it, never mixed; a period across the date shows both and lists the change.
 * The records are Cần Thơ's (VN-CT) in 2025, which no other reporting test reads.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
@TestSecurity(user = "analyst", roles = Roles.CENTRAL_ANALYST)
class InspectionKindsAcrossTheChangeTest {

    private static final String PROVINCE = "VN-CT";
    private static boolean sent;

    @Inject
    ObjectMapper mapper;

    @Inject
    ProjectionStore store;

    @BeforeEach
    void sendOnce() {
        if (!sent) {
            EventFeed feed = new EventFeed(mapper);
            open(feed, "ct-adm-1", "ADMINISTRATIVE", null, "2025-05-05");
            open(feed, "ct-adm-2", "ADMINISTRATIVE", null, "2025-06-30");
            open(feed, "ct-spec-1", "SPECIALIZED", "LAND", "2025-06-10");
            open(feed, "ct-insp-1", "INSPECTION", null, "2025-07-01");
            open(feed, "ct-insp-2", "INSPECTION", null, "2025-09-30");
            // decided before the change, opened after it: counted as the one kind on its day, not in the old split
            open(feed, "ct-adm-late", "ADMINISTRATIVE", null, "2025-07-02");
            sent = true;
        }
        EventFeed.awaitProjected(store);
    }

    @Test
    void aYearAcrossTheDateShowsTheSplitBeforeAndTheSingleKindAfterAndSaysSo() throws Exception {
        JsonNode body = summary("period=2025&calendar=calendar&province=" + PROVINCE);
        Map<String, JsonNode> f = figures(body);
        assertThat(f.get("inspections.opened").path("value").asLong()).isEqualTo(6);
        assertThat(f.get("inspections.administrative").path("value").asLong()).isEqualTo(2);
        assertThat(f.get("inspections.specialized").path("value").asLong()).isEqualTo(1);
        assertThat(f.get("inspections.inspection").path("value").asLong()).isEqualTo(3);

        assertThat(f.get("inspections.administrative").path("note").asText())
                .isEqualTo("Counts 2025-01-01 to 2025-06-30 of this period only (in force until 2025-06-30).");
        assertThat(f.get("inspections.inspection").path("note").asText())
                .isEqualTo("Counts 2025-07-01 to 2025-12-31 of this period only (in force from 2025-07-01).");
        assertThat(f.get("inspections.opened").path("note").isNull()).isTrue();
        // a part-year figure is not compared with a whole year before
        assertThat(f.get("inspections.administrative").path("changePercent").isNull()).isTrue();

        assertThat(body.path("changes")).hasSize(1);
        JsonNode change = body.path("changes").get(0);
        assertThat(change.path("on").asText()).isEqualTo("2025-07-01");
        assertThat(change.path("ended").toString())
                .isEqualTo("[\"inspections.administrative\",\"inspections.specialized\"]");
        assertThat(change.path("started").toString()).isEqualTo("[\"inspections.inspection\"]");
        assertThat(change.path("detail").asText()).contains("Law on Inspection 84/2025");
    }

    @Test
    void periodsOnOneSideOfTheDateCountOnlyTheirKind() throws Exception {
        JsonNode q2 = summary("period=2025-Q2&calendar=calendar&province=" + PROVINCE);
        Map<String, JsonNode> before = figures(q2);
        assertThat(before.get("inspections.administrative").path("value").asLong()).isEqualTo(2);
        assertThat(before.get("inspections.administrative").path("note").isNull()).isTrue();
        assertThat(before.get("inspections.inspection").path("value").asLong()).isZero();
        assertThat(before.get("inspections.inspection").path("note").asText())
                .isEqualTo("Not in force in this period (in force from 2025-07-01).");
        assertThat(q2.path("changes")).isEmpty();

        Map<String, JsonNode> after = figures(summary("period=2025-Q3&calendar=calendar&province=" + PROVINCE));
        assertThat(after.get("inspections.inspection").path("value").asLong()).isEqualTo(3);
        assertThat(after.get("inspections.administrative").path("value").asLong()).isZero();
        assertThat(after.get("inspections.specialized").path("note").asText())
                .isEqualTo("Not in force in this period (in force until 2025-06-30).");

        JsonNode series = json(given().header("Accept-Language", "en").get("/api/v1/reports/series?figure=inspections.inspection&period=2025"
                + "&calendar=calendar&granularity=quarter&province=" + PROVINCE).then().statusCode(200)
                .extract().asString());
        assertThat(series.path("points").findValues("value").stream().map(JsonNode::asLong))
                .containsExactly(0L, 0L, 3L, 0L);
        assertThat(series.path("note").asText()).startsWith("Counts 2025-07-01 to 2025-12-31");
    }

    @Test
    void theCatalogueGivesEachFiguresDates() throws Exception {
        Map<String, JsonNode> catalogue = new HashMap<>();
        json(given().get("/api/v1/reports/figures").then().statusCode(200).extract().asString())
                .forEach(f -> catalogue.put(f.path("figure").asText(), f));
        assertThat(catalogue.get("inspections.administrative").path("inForceTo").asText()).isEqualTo("2025-06-30");
        assertThat(catalogue.get("inspections.administrative").path("inForceFrom").isNull()).isTrue();
        assertThat(catalogue.get("inspections.specialized").path("inForceTo").asText()).isEqualTo("2025-06-30");
        assertThat(catalogue.get("inspections.inspection").path("inForceFrom").asText()).isEqualTo("2025-07-01");
        assertThat(catalogue.get("inspections.inspection").path("inForceTo").isNull()).isTrue();
        assertThat(catalogue.get("inspections.opened").path("inForceFrom").isNull()).isTrue();
    }

    @Test
    void theExportedReportListsTheChangeAndTheNotes() {
        String csv = given().header("Accept-Language", "en")
                .get("/api/v1/reports/national?period=2025&calendar=calendar&province=" + PROVINCE
                + "&format=csv").then().statusCode(200).extract().asString();
        assertThat(csv).contains("\r\nchange 2025-07-01,inspections.inspection,");
        assertThat(csv).contains("\r\nnote,inspections.administrative,Counts 2025-01-01 to 2025-06-30 of this period");
    }

    private void open(EventFeed feed, String name, String type, String sector, String on) {
        UUID id = SeedEvents.id(name);
        feed.send(EventTypes.INSPECTION_OPENED, id, SeedEvents.opened(id, PROVINCE, type, sector, false,
                LocalDate.parse(on)));
    }

    private JsonNode summary(String query) throws Exception {
        return json(given().header("Accept-Language", "en").get("/api/v1/reports/summary?" + query).then().statusCode(200).extract().asString());
    }

    private JsonNode json(String body) throws Exception {
        return mapper.readTree(body);
    }

    private static Map<String, JsonNode> figures(JsonNode summary) {
        Map<String, JsonNode> byCode = new HashMap<>();
        summary.path("figures").forEach(f -> byCode.put(f.path("figure").asText(), f));
        return byCode;
    }
}
