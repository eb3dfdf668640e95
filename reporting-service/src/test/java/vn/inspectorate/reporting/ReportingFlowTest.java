package vn.inspectorate.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import vn.inspectorate.contracts.CloudEvent;
import vn.inspectorate.contracts.EventTypes;
import vn.inspectorate.contracts.Topics;
import vn.inspectorate.contracts.cases.CaseReceived;
import vn.inspectorate.platform.security.Roles;
import vn.inspectorate.platform.sql.Sql;
import vn.inspectorate.reporting.figures.Figure;
import vn.inspectorate.reporting.projection.ProjectionStore;
import vn.inspectorate.testsupport.KafkaResource;
import vn.inspectorate.testsupport.PostgresResource;

/**
 * The reporting flow end to end on real Kafka and PostgreSQL: events published as the producers publish them, the
 * seed 001 quarter reproduced exactly, redelivery, rebuild, sector periods, roll-up of merged provinces, exports and
 * publication. The steps build on each other, hence the order.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReportingFlowTest {

    private static EventFeed feed;
    private static SeedEvents seed;
    private static String seededSummary;
    private static String seededNational;

    @Inject
    ObjectMapper mapper;

    @Inject
    ProjectionStore store;

    @Inject
    Sql sql;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> user;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    private void ensureSeeded() {
        if (feed == null) {
            feed = new EventFeed(mapper);
            seed = new SeedEvents();
            seed.sendQuarter(feed);
            seed.sendYearBefore(feed);
        }
        EventFeed.awaitProjected(store);
    }

    private static Map<String, JsonNode> figures(JsonNode summary) {
        Map<String, JsonNode> byCode = new HashMap<>();
        summary.path("figures").forEach(f -> byCode.put(f.path("figure").asText(), f));
        return byCode;
    }

    private JsonNode json(String body) throws Exception {
        return mapper.readTree(body);
    }

    private static String summary(String query) {
        return given().get("/api/v1/reports/summary?" + query).then().statusCode(200).extract().asString();
    }

    @Test
    @Order(1)
    @TestSecurity(user = "analyst", roles = Roles.CENTRAL_ANALYST)
    void reproducesTheSeedQuarterExactly() throws Exception {
        ensureSeeded();
        JsonNode body = json(summary("period=2024-Q1&calendar=sector&province=VN-HN"));
        assertThat(body.at("/period/start").asText()).isEqualTo("2023-12-15");
        assertThat(body.at("/period/end").asText()).isEqualTo("2024-03-14");
        assertThat(body.at("/previousPeriod/start").asText()).isEqualTo("2022-12-15");
        Map<String, JsonNode> f = figures(body);
        Map<String, Long> expected = new java.util.LinkedHashMap<>();
        expected.put("inspections.administrative", 17L);
        expected.put("inspections.specialized", 36L);
        expected.put("inspections.conclusions", 9L);
        expected.put("inspections.units_covered", 12L);
        expected.put("inspections.violations_vnd", 576_000_000L);
        expected.put("inspections.recovery_recommended_vnd", 512_300_000L);
        expected.put("inspections.responsible_organisations", 8L);
        expected.put("inspections.responsible_individuals", 9L);
        expected.put("inspections.transfers_to_investigation", 2L);
        expected.put("inspections.recovered_vnd", 90_000_000L);
        expected.put("inspections.planned", 15L + 30L);
        expected.put("inspections.ad_hoc", 2L + 6L);
        expected.put("inspections.overlaps", 1L);
        expected.put("cases.received", 6L);
        expected.put("cases.accepted", 4L);
        expected.put("cases.not_accepted", 1L);
        expected.put("cases.resolved", 2L);
        expected.put("cases.resolved_on_time", 1L);
        expected.put("cases.overdue", 1L);
        expected.put("cases.mass", 2L);
        expected.put("cases.duplicates_linked", 1L);
        expected.put("cases.watchlisted", 1L);
        expected.put("cases.watchlist_progress_reports", 2L);
        expected.put("cases.watchlist_progress_overdue", 1L);
        expected.put("cases.overdue_now", 1L);
        expected.put("cases.on_watchlist_now", 1L);
        expected.put("declarations.submitted", 4L);
        expected.put("declarations.late", 1L);
        expected.put("declarations.flagged", 2L);
        expected.put("declarations.flagged_rule", 3L);
        expected.put("declarations.selected", 1L);
        expected.put("declarations.verified", 1L);
        expected.put("declarations.dishonest", 1L);
        Map<String, Long> actual = new java.util.LinkedHashMap<>();
        expected.keySet().forEach(k -> actual.put(k, f.get(k).path("value").asLong()));
        assertThat(actual).isEqualTo(expected);
        assertThat(SeedEvents.RECOVERY).satisfies(r -> assertThat(java.util.Arrays.stream(r).sum())
                .isGreaterThan(500_000_000L));

        // against the first quarter of 2023: 192,000,000 VND of violations, 70,000,000 recommended
        assertThat(f.get("inspections.violations_vnd").path("previousValue").asLong()).isEqualTo(192_000_000L);
        assertThat(f.get("inspections.violations_vnd").path("changePercent").decimalValue())
                .isEqualByComparingTo(new BigDecimal("200.00"));
        assertThat(f.get("inspections.recovery_recommended_vnd").path("changePercent").decimalValue())
                .isEqualByComparingTo(new BigDecimal("631.86"));
        assertThat(f.get("inspections.specialized").path("changePercent").decimalValue())
                .isEqualByComparingTo(new BigDecimal("200.00"));
        assertThat(f.get("declarations.submitted").path("changePercent").isNull()).isTrue();
        assertThat(f.get("cases.overdue_now").path("previousValue").isNull()).isTrue();

        // the headline table leads, in the sector's order
        assertThat(body.at("/figures/0/figure").asText()).isEqualTo("inspections.administrative");
        assertThat(body.at("/figures/1/figure").asText()).isEqualTo("inspections.specialized");
        seededSummary = summary("period=2024-Q1&calendar=sector&province=VN-HN");
        seededNational = summary("period=2024&calendar=sector");
    }

    @Test
    @Order(2)
    @TestSecurity(user = "analyst", roles = Roles.CENTRAL_ANALYST)
    void drillsDownToTheRecordsBehindAFigure() throws Exception {
        ensureSeeded();
        JsonNode body = json(given().get("/api/v1/reports/drill-down?figure=inspections.conclusions&period=2024-Q1"
                + "&calendar=sector&province=VN-HN").then().statusCode(200).extract().asString());
        List<String> ids = new ArrayList<>();
        body.path("recordIds").forEach(n -> ids.add(n.asText()));
        assertThat(ids).containsExactlyInAnyOrderElementsOf(seed.concludedInspections.stream().map(UUID::toString).toList());
        // paging: 4 per page, in id order, no record twice
        List<String> paged = new ArrayList<>();
        String after = null;
        do {
            JsonNode page = json(given().get("/api/v1/reports/drill-down?figure=inspections.conclusions&period=2024-Q1"
                    + "&calendar=sector&province=VN-HN&limit=4" + (after == null ? "" : "&after=" + after))
                    .then().statusCode(200).extract().asString());
            page.path("recordIds").forEach(n -> paged.add(n.asText()));
            after = page.path("next").isNull() ? null : page.path("next").asText();
        } while (after != null);
        assertThat(paged).containsExactlyElementsOf(ids.stream().sorted().toList());
        // the same by the platform's paging convention: size, and the Link header's next page
        List<String> linked = new ArrayList<>();
        String url = "/api/v1/reports/drill-down?figure=inspections.conclusions&period=2024-Q1&calendar=sector"
                + "&province=VN-HN&size=3";
        while (url != null) {
            var page = given().get(url);
            assertThat(page.statusCode()).isEqualTo(200);
            linked.addAll(page.jsonPath().getList("recordIds", String.class));
            var next = java.util.regex.Pattern.compile("<([^>]*)>; rel=\"next\"").matcher(page.header("Link"));
            url = next.find() ? next.group(1) : null;
        }
        assertThat(linked).containsExactlyElementsOf(paged);
        JsonNode overdue = json(given().get("/api/v1/reports/drill-down?figure=cases.overdue_now&period=2024-Q1"
                + "&province=VN-HN").then().statusCode(200).extract().asString());
        assertThat(overdue.path("recordIds").get(0).asText()).isEqualTo(seed.caseId(5).toString());
    }

    @Test
    @Order(3)
    @TestSecurity(user = "analyst", roles = Roles.CENTRAL_ANALYST)
    void redeliveredEventsChangeNothing() {
        ensureSeeded();
        int before = feed.sent.size();
        feed.redeliverAll();
        EventFeed.awaitProjected(store);
        assertThat(summary("period=2024-Q1&calendar=sector&province=VN-HN")).isEqualTo(seededSummary);
        assertThat(summary("period=2024&calendar=sector")).isEqualTo(seededNational);
        assertThat(feed.sent).hasSize(before);
    }

    @Test
    @Order(4)
    @TestSecurity(user = "analyst", roles = Roles.CENTRAL_ANALYST)
    void sectorPeriodsTurnOnThe15th() throws Exception {
        ensureSeeded();
        UUID on14 = SeedEvents.id("qt-14");
        UUID on15 = SeedEvents.id("qt-15");
        feed.send(EventTypes.CASE_RECEIVED, on14, SeedEvents.received(on14, "VN-25", LocalDate.of(2024, 3, 14), false));
        feed.send(EventTypes.CASE_RECEIVED, on15, SeedEvents.received(on15, "VN-25", LocalDate.of(2024, 3, 15), false));
        EventFeed.awaitProjected(store);
        Map<String, JsonNode> q1 = figures(json(summary("period=2024-Q1&calendar=sector&province=VN-25")));
        Map<String, JsonNode> q2 = figures(json(summary("period=2024-Q2&calendar=sector&province=VN-25")));
        Map<String, JsonNode> calendarQ1 = figures(json(summary("period=2024-Q1&calendar=calendar&province=VN-25")));
        assertThat(q1.get("cases.received").path("value").asLong()).isEqualTo(1);
        assertThat(q2.get("cases.received").path("value").asLong()).isEqualTo(1);
        assertThat(calendarQ1.get("cases.received").path("value").asLong()).isEqualTo(2);
        JsonNode march = json(summary("period=2024-03&calendar=sector&province=VN-25"));
        assertThat(march.at("/period/start").asText()).isEqualTo("2024-02-15");
        assertThat(march.at("/period/end").asText()).isEqualTo("2024-03-14");
        JsonNode half = json(summary("period=2024-H1&calendar=sector&province=VN-25"));
        assertThat(half.at("/period/start").asText()).isEqualTo("2023-12-15");
        assertThat(half.at("/period/end").asText()).isEqualTo("2024-06-14");
        assertThat(figures(half).get("cases.received").path("value").asLong()).isEqualTo(2);
        JsonNode year = json(summary("period=2024&calendar=sector&province=VN-25"));
        assertThat(year.at("/period/start").asText()).isEqualTo("2023-12-15");
        assertThat(year.at("/period/end").asText()).isEqualTo("2024-12-14");
        JsonNode drill = json(given().get("/api/v1/reports/drill-down?figure=cases.received&period=2024-Q1"
                + "&calendar=sector&province=VN-25").then().statusCode(200).extract().asString());
        assertThat(drill.path("recordIds").toString()).contains(on14.toString()).doesNotContain(on15.toString());
    }

    @Test
    @Order(5)
    @TestSecurity(user = "analyst", roles = Roles.CENTRAL_ANALYST)
    void figuresRollUpToTheUnitsInForceNow() throws Exception {
        ensureSeeded();
        UUID haiDuong = SeedEvents.id("hd-2024-admin");
        UUID haiPhong = SeedEvents.id("hp-2024-admin");
        feed.send(EventTypes.INSPECTION_OPENED, haiDuong,
                SeedEvents.opened(haiDuong, "VN-61", "ADMINISTRATIVE", null, true, LocalDate.of(2024, 5, 10)));
        feed.send(EventTypes.INSPECTION_OPENED, haiPhong,
                SeedEvents.opened(haiPhong, "VN-HP", "ADMINISTRATIVE", null, true, LocalDate.of(2024, 5, 11)));
        EventFeed.awaitProjected(store);
        String q = "period=2024-Q2&calendar=calendar&province=";
        assertThat(figures(json(summary(q + "VN-HP"))).get("inspections.administrative").path("value").asLong())
                .isEqualTo(1);
        assertThat(figures(json(summary(q + "VN-HP&units=current"))).get("inspections.administrative")
                .path("value").asLong()).isEqualTo(2);
        assertThat(figures(json(summary(q + "VN-61&units=filed"))).get("inspections.administrative")
                .path("value").asLong()).isEqualTo(1);
        given().get("/api/v1/reports/summary?" + q + "VN-61&units=current").then().statusCode(400)
                .body("errors[0].field", equalTo("province"));
        JsonNode byProvince = json(given().get("/api/v1/reports/breakdown?figure=inspections.administrative"
                + "&by=province&period=2024-Q2&units=current").then().statusCode(200).extract().asString());
        Map<String, Long> rows = new HashMap<>();
        byProvince.path("rows").forEach(r -> rows.put(r.path("key").asText(), r.path("value").asLong()));
        assertThat(rows).containsEntry("VN-HP", 2L).doesNotContainKey("VN-61");
    }

    @Test
    @Order(6)
    @TestSecurity(user = "analyst", roles = Roles.CENTRAL_ANALYST)
    void seriesAndBreakdownsAddUpToTheSummary() throws Exception {
        ensureSeeded();
        JsonNode series = json(given().get("/api/v1/reports/series?figure=inspections.specialized&period=2024-Q1"
                + "&calendar=sector&granularity=month&province=VN-HN").then().statusCode(200).extract().asString());
        assertThat(series.path("points")).hasSize(3);
        long total = 0;
        for (JsonNode p : series.path("points")) {
            total += p.path("value").asLong();
        }
        assertThat(total).isEqualTo(36);
        assertThat(series.at("/points/0/period/start").asText()).isEqualTo("2023-12-15");
        JsonNode bySector = json(given().get("/api/v1/reports/breakdown?figure=inspections.specialized&by=sector"
                + "&period=2024-Q1&calendar=sector&province=VN-HN").then().statusCode(200).extract().asString());
        Map<String, Long> rows = new HashMap<>();
        bySector.path("rows").forEach(r -> rows.put(r.path("key").asText(), r.path("value").asLong()));
        assertThat(rows).containsEntry("CONSTRUCTION", 12L).containsEntry("HEALTH", 12L)
                .containsEntry("PUBLISHING", 12L);
        JsonNode byRule = json(given().get("/api/v1/reports/breakdown?figure=declarations.flagged_rule&by=kind"
                + "&period=2024-Q1&calendar=sector&province=VN-HN").then().statusCode(200).extract().asString());
        Map<String, Long> rules = new HashMap<>();
        byRule.path("rows").forEach(r -> rules.put(r.path("key").asText(), r.path("value").asLong()));
        assertThat(rules).isEqualTo(Map.of("LARGE_CASH", 2L, "ASSETS_OVER_INCOME", 1L));
    }

    @Test
    @Order(7)
    @TestSecurity(user = "analyst", roles = Roles.CENTRAL_ANALYST)
    void exportsTheHeadlineTableAsXlsxAndCsv() throws Exception {
        ensureSeeded();
        String base = "/api/v1/reports/national?period=2024-Q1&calendar=sector&province=VN-HN";
        JsonNode report = json(given().get(base).then().statusCode(200).extract().asString());
        List<JsonNode> headline = new ArrayList<>();
        report.path("headline").forEach(headline::add);
        assertThat(headline).extracting(h -> h.path("figure").asText())
                .containsExactlyElementsOf(Figure.headlineTable().stream().map(Figure::code).toList());

        Response xlsx = given().header("Accept-Language", "en").get(base + "&format=xlsx");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.contentType()).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx.asByteArray()))) {
            Sheet first = wb.getFirstSheet();
            assertThat(first.getName()).isEqualTo("Headline");
            Map<Integer, Row> rows = new HashMap<>();
            first.read().forEach(r -> rows.put(r.getRowNum() - 1, r));
            assertThat(rows.get(3).getCellText(0)).isEqualTo("figure");
            assertThat(rows.get(3).getCellText(3)).isEqualTo("value");
            for (int i = 0; i < headline.size(); i++) {
                Row row = rows.get(4 + i);
                assertThat(row.getCellText(0)).isEqualTo(headline.get(i).path("figure").asText());
                assertThat(row.getCellAsNumber(3).orElseThrow().longValueExact())
                        .isEqualTo(headline.get(i).path("value").asLong());
            }
            assertThat(rows.get(4).getCellAsNumber(3).orElseThrow().longValueExact()).isEqualTo(17);
            // the sixth headline row: inspections.inspection (one kind, from 1 July 2025) follows the split
            assertThat(rows.get(9).getCellText(0)).isEqualTo("inspections.violations_vnd");
            assertThat(rows.get(9).getCellAsNumber(3).orElseThrow().longValueExact()).isEqualTo(576_000_000L);
        }

        // the national report adds the headline figures by province
        Response national = given().header("Accept-Language", "en")
                .get("/api/v1/reports/national?period=2024-Q1&calendar=sector&format=xlsx");
        assertThat(national.statusCode()).isEqualTo(200);
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(national.asByteArray()))) {
            Sheet byProvince = wb.getSheets().filter(sh -> sh.getName().equals("By province")).findFirst().orElseThrow();
            List<Row> rows = byProvince.read();
            int column = -1;
            for (int c = 0; c < rows.get(0).getCellCount(); c++) {
                if ("inspections.administrative".equals(rows.get(0).getCellText(c))) {
                    column = c;
                }
            }
            assertThat(column).isGreaterThan(1);
            Row hanoi = rows.stream().filter(r -> "VN-HN".equals(r.getCellText(0))).findFirst().orElseThrow();
            assertThat(hanoi.getCellText(1)).isEqualTo("Hà Nội");
            assertThat(hanoi.getCellAsNumber(column).orElseThrow().longValueExact()).isEqualTo(17);
        }
        assertThat(report.path("byProvince").size()).isZero();

        Response csv = given().header("Accept-Language", "en").get(base + "&format=csv&bom=false");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        List<List<String>> lines = Csv.parse(new String(csv.asByteArray(), StandardCharsets.UTF_8));
        assertThat(lines.get(0)).containsExactly("section", "figure", "label", "unit", "value", "previous_value",
                "change_percent");
        for (int i = 0; i < headline.size(); i++) {
            List<String> line = lines.get(1 + i);
            assertThat(line).hasSize(7);
            assertThat(line.get(0)).isEqualTo("headline");
            assertThat(line.get(1)).isEqualTo(headline.get(i).path("figure").asText());
            assertThat(Long.parseLong(line.get(4))).isEqualTo(headline.get(i).path("value").asLong());
        }
        assertThat(lines.stream().filter(l -> l.get(0).equals("figures")).count()).isEqualTo(Figure.values().length);
    }

    @Test
    @Order(8)
    @TestSecurity(user = "admin", roles = {Roles.PLATFORM_ADMIN, Roles.CENTRAL_ANALYST})
    void aRebuildFromTheTopicsGivesTheSameFigures() throws Exception {
        ensureSeeded();
        String provinceBefore = summary("period=2024-Q1&calendar=sector&province=VN-HN");
        String nationBefore = summary("period=2024&calendar=sector");
        String hpBefore = summary("period=2024-Q2&province=VN-HP&units=current");
        assertThat(provinceBefore).isEqualTo(seededSummary);
        Response started = given().header("Idempotency-Key", "rebuild-1").post("/api/v1/reports/admin/rebuilds");
        assertThat(started.statusCode()).isEqualTo(202);
        String id = started.jsonPath().getString("id");
        // a retried request answers the same rebuild and starts no other
        given().header("Idempotency-Key", "rebuild-1").post("/api/v1/reports/admin/rebuilds").then().statusCode(202)
                .body("id", equalTo(id));
        JsonNode progress = awaitRebuild(id);
        assertThat(progress.path("state").asText()).isEqualTo("DONE");
        assertThat(progress.path("replayedRecords").asLong()).isEqualTo(progress.path("totalRecords").asLong())
                .isGreaterThan((long) feed.sent.size());
        EventFeed.awaitProjected(store);
        assertThat(summary("period=2024-Q1&calendar=sector&province=VN-HN")).isEqualTo(provinceBefore);
        assertThat(summary("period=2024&calendar=sector")).isEqualTo(nationBefore);
        assertThat(summary("period=2024-Q2&province=VN-HP&units=current")).isEqualTo(hpBefore);
    }

    @Test
    @Order(9)
    @TestSecurity(user = "analyst", roles = Roles.CENTRAL_ANALYST)
    void publishingFreezesTheReportAndLaterCorrectionsShowAsRevisions() throws Exception {
        ensureSeeded();
        // a JSON null body is a client's mistake, not a failure
        given().contentType("application/json").body("null").post("/api/v1/reports/publications").then()
                .statusCode(400).contentType("application/problem+json").body("status", equalTo(400));
        Response first = given().contentType("application/json").body("{\"period\":\"2024-Q1\",\"calendar\":\"sector\"}")
                .post("/api/v1/reports/publications");
        assertThat(first.statusCode()).isEqualTo(201);
        JsonNode snapshot = json(first.asString());
        assertThat(snapshot.path("offsetsReflected").size()).isGreaterThan(0);
        Map<String, Long> nationalQ1 = new HashMap<>();
        snapshot.at("/report/figures").forEach(f -> nationalQ1.put(f.path("figure").asText(), f.path("value").asLong()));
        long conclusions = nationalQ1.get("inspections.conclusions");
        assertThat(conclusions).isGreaterThanOrEqualTo(9);
        String snapshotId = snapshot.path("snapshotId").asText();
        String reportId = snapshot.path("reportId").asText();

        // closing the same period again answers the same snapshot
        given().contentType("application/json").body("{\"period\":\"2024-Q1\",\"calendar\":\"sector\"}")
                .post("/api/v1/reports/publications").then().statusCode(200).body("snapshotId", equalTo(snapshotId));

        List<String> published = EventFeed.readAll(Topics.REPORTS, v -> v.contains(reportId), 1);
        assertThat(published).hasSize(1);
        JsonNode event = json(published.get(0));
        assertThat(event.path("type").asText()).isEqualTo(EventTypes.REPORT_PUBLISHED);
        assertThat(event.at("/data/snapshotId").asText()).isEqualTo(snapshotId);
        assertThat(event.at("/data/periodStart").asText()).isEqualTo("2023-12-15");
        assertThat(event.at("/data/offsetsReflected").size()).isEqualTo(snapshot.path("offsetsReflected").size());

        // a conclusion of the first quarter arrives late, in Đà Nẵng
        UUID late = SeedEvents.id("dn-2024-late");
        feed.send(EventTypes.INSPECTION_OPENED, late,
                SeedEvents.opened(late, "VN-DN", "ADMINISTRATIVE", null, true, LocalDate.of(2024, 1, 20)));
        feed.send(EventTypes.INSPECTION_CONCLUDED, late, SeedEvents.concluded(late, "VN-DN", 2,
                LocalDate.of(2024, 2, 28), 5_000_000, 0, 1, 0, 1, 0));
        EventFeed.awaitProjected(store);
        // the frozen snapshot does not move
        given().get("/api/v1/reports/publications/" + snapshotId).then().statusCode(200)
                .body("report.figures.find { it.figure == 'inspections.conclusions' }.value", equalTo((int) conclusions));
        JsonNode second = json(given().contentType("application/json")
                .body("{\"period\":\"2024-Q2\",\"calendar\":\"sector\"}").post("/api/v1/reports/publications")
                .then().statusCode(201).extract().asString());
        Map<String, JsonNode> revisions = new HashMap<>();
        second.at("/report/revisions").forEach(r -> revisions.put(r.path("periodKey").asText() + " "
                + r.path("figure").asText(), r));
        JsonNode revision = revisions.get("2024-Q1 inspections.conclusions");
        assertThat(revision).isNotNull();
        assertThat(revision.path("publishedValue").asLong()).isEqualTo(conclusions);
        assertThat(revision.path("currentValue").asLong()).isEqualTo(conclusions + 1);
        assertThat(revisions.get("2024-Q1 inspections.violations_vnd").path("currentValue").asLong())
                .isEqualTo(nationalQ1.get("inspections.violations_vnd") + 5_000_000);
        // a correction is reported once: the next report does not list it again
        JsonNode third = json(given().contentType("application/json")
                .body("{\"period\":\"2024-Q3\",\"calendar\":\"sector\"}").post("/api/v1/reports/publications")
                .then().statusCode(201).extract().asString());
        assertThat(third.at("/report/revisions").toString()).doesNotContain("inspections.conclusions");
    }

    @Test
    @Order(10)
    @TestSecurity(user = "analyst", roles = Roles.CENTRAL_ANALYST)
    void poisonGoesToTheDeadLetterTopic() {
        ensureSeeded();
        String marker = "not-an-event-" + UUID.randomUUID();
        feed.sendRaw(Topics.DECLARATIONS, "poison", marker);
        EventFeed.awaitProjected(store);
        assertThat(EventFeed.readAll("inspectorate.reporting-service.dlq", v -> v.equals(marker), 1)).hasSize(1);
        feed.sent.removeIf(r -> marker.equals(r.value()));
    }

    /**
     * Events with a payload field the projections do not know and CloudEvents extension attributes are counted (a
     * poison event would not be; see above), in a year of their own, so the seeded figures stay as they are.
     */
    @Test
    @Order(11)
    @TestSecurity(user = "analyst", roles = Roles.CENTRAL_ANALYST)
    void eventsWithAddedFieldsAndExtensionAttributesAreCounted() throws Exception {
        ensureSeeded();
        UUID plain = UUID.randomUUID();
        UUID extended = UUID.randomUUID();
        ObjectNode added = (ObjectNode) mapper.valueToTree(CloudEvent.of("/inspectorate/test-producer",
                EventTypes.CASE_RECEIVED, plain.toString(), EventFeed.at(LocalDate.of(2019, 5, 6)),
                EventFeed.payload(CaseReceived.class, SeedEvents.received(plain, LocalDate.of(2019, 5, 6), false))));
        ((ObjectNode) added.get("data")).put("fieldAddedLater", "x").putObject("nestedAddition").put("y", 1);
        ObjectNode withExtensions = (ObjectNode) mapper.valueToTree(CloudEvent.of("/inspectorate/test-producer",
                EventTypes.CASE_RECEIVED, extended.toString(), EventFeed.at(LocalDate.of(2019, 5, 7)),
                EventFeed.payload(CaseReceived.class, SeedEvents.received(extended, LocalDate.of(2019, 5, 7), true))));
        withExtensions.put("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
        withExtensions.put("partitionkey", extended.toString());
        withExtensions.put("comexampleextension", 7);
        feed.sendRaw(Topics.CASES, plain.toString(), added.toString());
        feed.sendRaw(Topics.CASES, extended.toString(), withExtensions.toString());
        EventFeed.awaitProjected(store);

        Map<String, JsonNode> f = figures(json(summary("period=2019&province=VN-HN")));
        assertThat(f.get("cases.received").path("value").asLong()).isEqualTo(2);
        assertThat(f.get("cases.mass").path("value").asLong()).isEqualTo(1);
    }

    /**
     * A rebuild replays a polled batch a transaction. A record the projector refuses rolls its batch back, and the
     * batch runs again without it (no batch falls back to a record a transaction): the refused record and an
     * unreadable one are counted as poison, and every other record of the topics is applied. Statistics are gathered
     * for the emptied tables.
     */
    @Test
    @Order(12)
    @TestSecurity(user = "admin", roles = {Roles.PLATFORM_ADMIN, Roles.CENTRAL_ANALYST})
    void aRebuildPassesOverPoisonAndGivesTheSameFigures() throws Exception {
        ensureSeeded();
        // an event of the inspections topic on the cases topic: readable, and refused by the projector
        UUID misplaced = UUID.randomUUID();
        feed.sendRaw(Topics.CASES, misplaced.toString(), mapper.writeValueAsString(CloudEvent.of(
                "/inspectorate/test-producer", EventTypes.INSPECTION_OPENED, misplaced.toString(),
                EventFeed.at(LocalDate.of(2024, 2, 1)), Map.of("inspectionId", misplaced.toString()))));
        EventFeed.awaitProjected(store);
        List<String> before = List.of(summary("period=2024-Q1&calendar=sector&province=VN-HN"),
                summary("period=2024&calendar=sector"), summary("period=2019&province=VN-HN"));
        List<String> warnings = Collections.synchronizedList(new ArrayList<>());
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                    warnings.add(String.valueOf(record.getMessage()));
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger("vn.inspectorate.reporting.rebuild");
        logger.addHandler(capture);
        JsonNode progress;
        try {
            Response started = given().header("Idempotency-Key", "rebuild-poison")
                    .post("/api/v1/reports/admin/rebuilds");
            assertThat(started.statusCode()).isEqualTo(202);
            progress = awaitRebuild(started.jsonPath().getString("id"));
        } finally {
            logger.removeHandler(capture);
        }
        assertThat(warnings).isEmpty();
        assertThat(progress.path("state").asText()).isEqualTo("DONE");
        assertThat(progress.path("replayedRecords").asLong()).isEqualTo(progress.path("totalRecords").asLong());
        // the unreadable record of the dead-letter test, and the misplaced one
        assertThat(progress.path("poisonRecords").asLong()).isEqualTo(2);
        EventFeed.awaitProjected(store);
        assertThat(List.of(summary("period=2024-Q1&calendar=sector&province=VN-HN"),
                summary("period=2024&calendar=sector"), summary("period=2019&province=VN-HN"))).isEqualTo(before);
        assertThat(lastAnalysed("figure_contribution")).isAfterOrEqualTo(
                OffsetDateTime.parse(progress.path("requestedAt").asText()));
    }

    /**
     * The instances of the service share the rebuilds' table. A rebuild another instance runs (its lock held on a
     * session of that instance's) reads as RUNNING and blocks a new rebuild and publication; once that instance is gone
     * (its session closed), the rebuild reads as FAILED and a new one starts. A running rebuild read by the others
     * meanwhile is not failed: it ends DONE, with no error.
     */
    @Test
    @Order(13)
    @TestSecurity(user = "admin", roles = {Roles.PLATFORM_ADMIN, Roles.CENTRAL_ANALYST})
    void aRebuildRunsUntilTheInstanceRunningItIsGone() throws Exception {
        ensureSeeded();
        String elsewhere = UUID.randomUUID().toString();
        try (Connection instance = DriverManager.getConnection(jdbcUrl, user.orElse(null), password.orElse(null))) {
            try (PreparedStatement st = instance.prepareStatement("select pg_advisory_lock(?)")) {
                st.setLong(1, 0x72656275696c64L); // the rebuild's lock: "rebuild" in ASCII
                st.execute();
            }
            try (PreparedStatement st = instance.prepareStatement(
                    "insert into projection_rebuild (id, requested_by, state) values (?::uuid, 'admin', 'RUNNING')")) {
                st.setString(1, elsewhere);
                st.executeUpdate();
            }
            given().header("Idempotency-Key", "rebuild-elsewhere-1").post("/api/v1/reports/admin/rebuilds").then()
                    .statusCode(409).contentType("application/problem+json").body("type", endsWith("rebuild-running"));
            given().get("/api/v1/reports/admin/rebuilds/" + elsewhere).then().statusCode(200)
                    .body("state", equalTo("RUNNING"));
            given().contentType("application/json").body("{\"period\":\"2024-Q3\"}")
                    .post("/api/v1/reports/publications").then().statusCode(409)
                    .body("type", endsWith("rebuild-running"));
        }
        // PostgreSQL ends the session, and its lock, a moment after the connection closes
        JsonNode interrupted = awaitRebuild(elsewhere);
        assertThat(interrupted.path("state").asText()).isEqualTo("FAILED");
        assertThat(interrupted.path("error").asText()).contains("interrupted");
        assertThat(interrupted.path("finishedAt").isNull()).isFalse();

        Response started = given().header("Idempotency-Key", "rebuild-elsewhere-2")
                .post("/api/v1/reports/admin/rebuilds");
        assertThat(started.statusCode()).isEqualTo(202);
        JsonNode progress = awaitRebuild(started.jsonPath().getString("id"));
        assertThat(progress.path("state").asText()).isEqualTo("DONE");
        assertThat(progress.path("error").isNull()).isTrue();
        assertThat(progress.path("replayedRecords").asLong()).isEqualTo(progress.path("totalRecords").asLong());
        EventFeed.awaitProjected(store);
    }

    private JsonNode awaitRebuild(String id) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        JsonNode progress;
        do {
            Thread.sleep(200);
            progress = json(given().get("/api/v1/reports/admin/rebuilds/" + id).then().statusCode(200)
                    .extract().asString());
        } while (progress.path("state").asText().equals("RUNNING") && System.nanoTime() < deadline);
        return progress;
    }

    /** When the table was last analysed by a statement (not by autovacuum). */
    private OffsetDateTime lastAnalysed(String table) {
        return QuarkusTransaction.requiringNew().call(() -> sql.queryFirst(
                "select last_analyze from pg_stat_user_tables where relname = ?", List.of(table),
                rs -> rs.getObject(1, OffsetDateTime.class)).orElseThrow());
    }

    @Test
    @TestSecurity(user = "analyst", roles = Roles.CENTRAL_ANALYST)
    void badInputIsAProblemNamingTheParameter() {
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put("/api/v1/reports/summary?period=2024-Q5", "period");
        cases.put("/api/v1/reports/summary?period=2024-Q1&province=VN-XX", "province");
        cases.put("/api/v1/reports/summary?from=2024-03-01&to=2024-02-01", "to");
        cases.put("/api/v1/reports/summary?from=2010-01-01&to=2024-01-01", "to");
        cases.put("/api/v1/reports/summary?from=2024-13-01&to=2024-02-01", "from");
        cases.put("/api/v1/reports/summary?period=2024&calendar=lunar", "calendar");
        cases.put("/api/v1/reports/summary?period=2024&units=old", "units");
        cases.put("/api/v1/reports/summary", "from");
        cases.put("/api/v1/reports/national?period=2024-Q1&format=pdf", "format");
        cases.put("/api/v1/reports/national?period=2024-01-01..2024-02-01", "period");
        cases.put("/api/v1/reports/breakdown?figure=cases.received&by=colour&period=2024", "by");
        cases.put("/api/v1/reports/breakdown?figure=cases.nothing&by=kind&period=2024", "figure");
        cases.put("/api/v1/reports/series?figure=cases.received&period=2024-Q1&granularity=year", "granularity");
        cases.put("/api/v1/reports/drill-down?figure=cases.received&period=2024&limit=0", "limit");
        cases.forEach((url, field) -> given().get(url).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(field)));
        given().contentType("application/json").body("{\"period\":\"2024-Q1\",\"extra\":1}")
                .post("/api/v1/reports/publications").then().statusCode(400).body("errors[0].field", equalTo("extra"));
        given().contentType("application/json").body("{\"period\":\"2100-Q1\"}")
                .post("/api/v1/reports/publications").then().statusCode(422);
    }

    @Test
    @TestSecurity(user = "province-hn", roles = Roles.PROVINCIAL_SYSTEM)
    @io.quarkus.test.security.oidc.OidcSecurity(claims = @io.quarkus.test.security.oidc.Claim(key = "province",
            value = "VN-HN"))
    void provincialCallersSeeTheirOwnProvinceOnly() {
        given().get("/api/v1/reports/summary?period=2024").then().statusCode(200)
                .body("scope.province", equalTo("VN-HN"));
        given().get("/api/v1/reports/summary?period=2024&province=VN-DN").then().statusCode(403);
        given().get("/api/v1/reports/drill-down?figure=cases.received&period=2024&province=VN-DN").then().statusCode(403);
        given().post("/api/v1/reports/admin/rebuilds").then().statusCode(403);
        // a province publishes its own report, not another province's
        given().contentType("application/json").body("{\"period\":\"2024-Q1\",\"province\":\"VN-DN\"}")
                .post("/api/v1/reports/publications").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "partner-demo", roles = Roles.PARTNER)
    void partnersReadPublicAggregatesButNoRecords() {
        given().get("/api/v1/reports/summary?period=2024&province=VN-HN").then().statusCode(200);
        given().get("/api/v1/reports/drill-down?figure=cases.received&period=2024").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "asset-controller", roles = Roles.ASSET_CONTROLLER)
    void otherRolesAreRefused() {
        given().get("/api/v1/reports/summary?period=2024").then().statusCode(403);
    }

    @Test
    void anonymousCallersMustAuthenticate() {
        given().get("/api/v1/reports/summary?period=2024").then().statusCode(401);
    }
}
