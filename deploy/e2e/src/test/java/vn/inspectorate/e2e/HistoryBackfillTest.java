package vn.inspectorate.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.inspectorate.contracts.EventTypes;

/**
 * Seed 001: a province moves its first quarter of 2024 onto the platform. Its inspectorate reported 17 administrative
 * and 36 specialized inspections, 9 conclusions covering 12 units, 576 million VND of violations, more than 500 million
 * VND recommended for recovery, 8 organisations and 9 individuals held responsible; the 17 administrative inspections
 * were those of its approved 2024 plan. The plan and the whole quarter, each inspection with its lifecycle, load through
 * the gateway in at most 3 calls (the plan, then the inspections in two batches, the planned ones naming their plan
 * items); the report for that province and quarter then shows exactly those figures, 17 planned and 36 ad hoc, and no
 * overdue follow-up, overrun flag or partner webhook comes of the history.
 */
class HistoryBackfillTest {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final String PROVINCE = "VN-18";
    private static final String BODY = "TTT-NB";
    private static final String QUARTER = "2024-Q1";
    private static final int MAX_CALLS = 3;
    private static final int PLAN_YEAR = 2024;
    private static final String APPROVED_ON = "2023-12-15";
    private static final List<Long> VIOLATIONS = List.of(120_000_000L, 95_500_000L, 80_250_000L, 70_000_000L,
            60_000_000L, 50_000_000L, 45_250_000L, 30_000_000L, 25_000_000L);
    private static final List<Long> RECOVERIES = List.of(110_000_000L, 90_000_000L, 75_000_000L, 65_000_000L,
            55_000_000L, 45_000_000L, 40_000_000L, 20_000_000L, 12_345_678L);
    private static final List<Integer> UNITS = List.of(2, 2, 2, 1, 1, 1, 1, 1, 1);
    private static final List<Integer> ORGANISATIONS = List.of(1, 1, 1, 1, 1, 1, 1, 1, 0);
    private static final List<Integer> INDIVIDUALS = List.of(2, 1, 1, 1, 1, 1, 1, 1, 0);
    private static final List<String> SPECIALIZED_SUBJECTS = List.of("CONSTRUCTION_INVESTMENT", "PRINTING_PUBLISHING",
            "DISEASE_PREVENTION");

    private final String gateway = RunningPlatform.get().gatewayUrl();

    @Test
    void aProvincesQuarterLoadsInAtMostThreeCallsAndReportsExactly() {
        String ninhBinh = RunningPlatform.clientToken("province-nb");
        String analyst = RunningPlatform.userToken("analyst");
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        Map<String, String> scope = Map.of("period", QUARTER, "province", PROVINCE, "body", BODY);
        Map<String, Long> before = ReportFigures.summary(analyst, scope);
        assertThat(before).as("nothing of %s in %s before the back-fill", BODY, QUARTER).isNotNull();
        assertThat(before.getOrDefault("inspections.opened", 0L)).isZero();

        try (WebhookReceiver receiver = WebhookReceiver.start(RunningPlatform.RECEIVER_PORTS.get(0))) {
            String hookPath = "/hooks/history-" + suffix;
            receiver.subscribe("partner-demo-2", Map.of("callbackUrl", receiver.url(hookPath), "eventTypes",
                    List.of(EventTypes.PUBLIC_INSPECTION_CONCLUDED), "provinces", List.of(PROVINCE)));

            int calls = 0;
            long start = System.nanoTime();
            // call 1: the province's approved 2024 plan, its 17 planned items the quarter's administrative inspections
            Map<String, Object> planRequest = plan(suffix);
            JsonPath plan = given().auth().oauth2(ninhBinh).contentType(ContentType.JSON)
                    .header("Idempotency-Key", "history-plan-" + suffix).body(planRequest)
                    .post(gateway + "/api/v1/inspection-plans").then().statusCode(201).extract().jsonPath();
            calls++;
            assertThat(plan.getString("status")).isEqualTo("APPROVED");
            assertThat(plan.getBoolean("backfilled")).isTrue();
            assertThat(plan.getString("approvedOn")).isEqualTo(APPROVED_ON);
            List<String> plannedIds = plan.getList("inspections.id", String.class);
            assertThat(plannedIds).hasSize(17);
            Map<String, String> plannedByEntity = new HashMap<>();
            for (int i = 0; i < plannedIds.size(); i++) {
                plannedByEntity.put(plan.getString("inspections[" + i + "].entityCode"), plannedIds.get(i));
            }

            // calls 2 and 3: the administrative inspections naming their planned items, then the specialized, ad hoc
            List<Map<String, Object>> quarter = quarter(suffix, plannedByEntity);
            int items = 0;
            List<String> loaded = new ArrayList<>();
            for (List<Map<String, Object>> part : List.of(quarter.subList(0, 17), quarter.subList(17, 53))) {
                JsonPath answer = given().auth().oauth2(ninhBinh).contentType(ContentType.JSON)
                        .header("Idempotency-Key", "history-" + suffix + "-" + calls)
                        .body(Map.of("backfilled", true, "inspections", part))
                        .post(gateway + "/api/v1/inspections/batch").then().statusCode(200).extract().jsonPath();
                calls++;
                items += part.size();
                assertThat(answer.getInt("created")).as(answer.prettify()).isEqualTo(part.size());
                loaded.addAll(answer.getList("results.inspectionId", String.class));
            }
            long loadMs = (System.nanoTime() - start) / 1_000_000;
            assertThat(calls).isLessThanOrEqualTo(MAX_CALLS);
            System.out.printf("[e2e] back-fill of %s %s: %d calls, the %d plan with %d planned items and %d inspection "
                    + "records (9 concluded, recoveries, closures) in %d ms%n", PROVINCE, QUARTER, calls, PLAN_YEAR,
                    plannedIds.size(), items, loadMs);

            // the same plan and quarter again (a client that lost the answers) create nothing: the plan answered as
            // it is, every item EXISTING; these checks are no part of the load
            given().auth().oauth2(ninhBinh).contentType(ContentType.JSON).body(planRequest)
                    .post(gateway + "/api/v1/inspection-plans").then().statusCode(200)
                    .body("id", equalTo(plan.getString("id")));
            given().auth().oauth2(ninhBinh).contentType(ContentType.JSON)
                    .body(Map.of("backfilled", true, "inspections", quarter.subList(0, 17)))
                    .post(gateway + "/api/v1/inspections/batch").then().statusCode(200)
                    .body("existing", equalTo(17)).body("created", equalTo(0));
            // each planned item is now opened by its inspection
            given().auth().oauth2(ninhBinh).get(gateway + "/api/v1/inspection-plans/" + plan.getString("id")).then()
                    .statusCode(200).body("inspections.findAll { it.status == 'OPENED' }.size()", equalTo(17));

            Map<String, Long> figures = Eventually.poll("the quarter counted by reporting", Duration.ofSeconds(90),
                    () -> ReportFigures.summary(analyst, scope),
                    f -> f != null && f.getOrDefault("inspections.opened", 0L) == 53
                            && f.getOrDefault("inspections.planned", 0L) == 17
                            && f.getOrDefault("inspections.conclusions", 0L) == 9
                            && f.getOrDefault("inspections.recovered_vnd", 0L) > 0);
            System.out.printf("[e2e] report %s %s %s: planned=%d ad hoc=%d administrative=%d specialized=%d "
                    + "conclusions=%d units=%d violations=%d VND recovery recommended=%d VND organisations=%d "
                    + "individuals=%d recovered=%d VND%n", PROVINCE, BODY, QUARTER, figures.get("inspections.planned"),
                    figures.get("inspections.ad_hoc"), figures.get("inspections.administrative"),
                    figures.get("inspections.specialized"), figures.get("inspections.conclusions"),
                    figures.get("inspections.units_covered"), figures.get("inspections.violations_vnd"),
                    figures.get("inspections.recovery_recommended_vnd"),
                    figures.get("inspections.responsible_organisations"),
                    figures.get("inspections.responsible_individuals"), figures.get("inspections.recovered_vnd"));
            assertThat(figures.get("inspections.planned")).isEqualTo(17);
            assertThat(figures.get("inspections.ad_hoc")).isEqualTo(36);
            assertThat(figures.get("inspections.administrative")).isEqualTo(17);
            assertThat(figures.get("inspections.specialized")).isEqualTo(36);
            assertThat(figures.get("inspections.conclusions")).isEqualTo(9);
            assertThat(figures.get("inspections.units_covered")).isEqualTo(12);
            assertThat(figures.get("inspections.violations_vnd")).isEqualTo(576_000_000L);
            assertThat(figures.get("inspections.recovery_recommended_vnd")).isEqualTo(512_345_678L)
                    .isGreaterThan(500_000_000L);
            assertThat(figures.get("inspections.responsible_organisations")).isEqualTo(8);
            assertThat(figures.get("inspections.responsible_individuals")).isEqualTo(9);
            // payments counted on the day they were made (March 2024), not the day they were loaded
            assertThat(figures.get("inspections.recovered_vnd")).isEqualTo(9 * 10_000_000L);

            // live operations ignore the history: no overrun, no overdue follow-up, no partner webhook
            List<Map<String, Object>> listed = given().auth().oauth2(ninhBinh)
                    .get(gateway + "/api/v1/inspections?size=200&province=" + PROVINCE).then().statusCode(200)
                    .extract().jsonPath().getList("items.findAll { it.backfilled }");
            assertThat(listed).extracting(i -> i.get("id")).containsAll(loaded);
            assertThat(listed).allSatisfy(i -> assertThat(i.get("overrun")).isEqualTo(false));
            List<String> overdue = given().auth().oauth2(ninhBinh)
                    .get(gateway + "/api/v1/follow-ups/overdue?size=200&province=" + PROVINCE).then()
                    .statusCode(200).extract().jsonPath().getList("items.inspectionId");
            assertThat(overdue).doesNotContainAnyElementsOf(loaded);

            // a conclusion issued today reaches the partner; the nine from 2024 never do
            String live = liveConclusion(ninhBinh, suffix);
            Eventually.poll("today's conclusion at the partner's receiver", Duration.ofSeconds(60),
                    () -> receiver.deliveries(hookPath), d -> !d.isEmpty());
            List<String> delivered = receiver.deliveries(hookPath).stream()
                    .map(d -> d.event().getString("data.inspectionId")).toList();
            System.out.printf("[e2e] partner webhooks after the back-fill: %d (the live conclusion only)%n",
                    delivered.size());
            assertThat(delivered).containsExactly(live);
        }
    }

    /** The 2024 plan as approved in December 2023: one planned item per administrative inspection of the quarter. */
    private static Map<String, Object> plan(String suffix) {
        List<Map<String, Object>> planned = new ArrayList<>();
        for (int i = 1; i <= 17; i++) {
            planned.add(Map.of("entity", entity(administrativeEntity(suffix, i), "PUBLIC_BODY"),
                    "subject", "PUBLIC_DUTIES", "type", "ADMINISTRATIVE",
                    "plannedStart", "2024-01-%02d".formatted(2 + i), "durationDays", 45));
        }
        return Map.of("bodyCode", BODY, "year", PLAN_YEAR, "backfilled", true, "approvedOn", APPROVED_ON,
                "inspections", planned);
    }

    private static String administrativeEntity(String suffix, int i) {
        return "NB-PB-" + suffix + "-" + i;
    }

    /**
     * 17 administrative inspections (the first 9 concluded and closed), each opened from its planned item, and 36
     * specialized ones, ad hoc, all of Q1 2024.
     */
    private static List<Map<String, Object>> quarter(String suffix, Map<String, String> plannedByEntity) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 1; i <= 17; i++) {
            Map<String, Object> item = new LinkedHashMap<>();
            Map<String, Object> opening = opening("QD-ADM-" + suffix + "-" + i, "2024-01-%02d".formatted(2 + i),
                    "ADMINISTRATIVE", "PUBLIC_DUTIES", entity(administrativeEntity(suffix, i), "PUBLIC_BODY"));
            opening.put("plannedInspectionId", plannedByEntity.get(administrativeEntity(suffix, i)));
            item.put("opening", opening);
            if (i <= 9) {
                int c = i - 1;
                item.put("start", Map.of("startedOn", "2024-01-22"));
                item.put("report", Map.of("submittedOn", "2024-02-20"));
                item.put("conclusion", conclusion("KL-" + suffix + "-" + i, "2024-03-0" + i, c));
                item.put("recoveries", List.of(Map.of("recommendation", 0, "payment", Map.of("reference",
                        "PAY-" + suffix + "-" + i, "amountVnd", 10_000_000L, "paidOn", "2024-03-25"))));
                item.put("closure", Map.of("closedOn", "2024-03-29"));
            }
            items.add(item);
        }
        for (int i = 1; i <= 36; i++) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("opening", opening("QD-SPEC-" + suffix + "-" + i, "2024-02-%02d".formatted(1 + i % 28),
                    "SPECIALIZED", SPECIALIZED_SUBJECTS.get(i % 3), entity("NB-ENT-" + suffix + "-" + i,
                            "ENTERPRISE")));
            item.put("start", Map.of("startedOn", "2024-03-01"));
            items.add(item);
        }
        return items;
    }

    private static Map<String, Object> opening(String decision, String date, String type, String subject,
            Map<String, Object> entity) {
        Map<String, Object> opening = new LinkedHashMap<>();
        opening.put("bodyCode", BODY);
        opening.put("decisionNumber", decision);
        opening.put("decisionDate", date);
        opening.put("legalBasis", "Law on Inspection 11/2022; the province's 2024 inspection programme");
        opening.put("team", List.of(Map.of("name", "Team lead", "role", "LEAD"), Map.of("name", "Member",
                "role", "MEMBER")));
        opening.put("type", type);
        opening.put("subject", subject);
        opening.put("entity", entity);
        return opening;
    }

    private static Map<String, Object> entity(String code, String kind) {
        return Map.of("code", code, "kind", kind, "name", "Entity " + code, "provinceCode", PROVINCE);
    }

    /** Conclusion {@code c} of the nine: its violations, its recovery, its units and who is responsible. */
    private static Map<String, Object> conclusion(String number, String concludedOn, int c) {
        Map<String, Object> conclusion = new HashMap<>();
        conclusion.put("conclusionNumber", number);
        conclusion.put("concludedOn", concludedOn);
        conclusion.put("assessment", "Violations in the management of public funds, listed per item.");
        conclusion.put("unitsCovered", UNITS.get(c));
        conclusion.put("items", List.of(Map.of("subject", "Public funds", "finding", "Spending without basis",
                "violationsVnd", VIOLATIONS.get(c), "violationsLandM2", 0)));
        conclusion.put("recommendations", List.of(Map.of("kind", "RECOVERY", "description",
                "Recover to the state budget", "addressee", "Inspected body", "amountVnd", RECOVERIES.get(c),
                "dueOn", "2024-06-30")));
        List<Map<String, Object>> organisations = new ArrayList<>();
        for (int o = 0; o < ORGANISATIONS.get(c); o++) {
            organisations.add(Map.of("reference", "ORG-" + number + "-" + o));
        }
        List<Map<String, Object>> individuals = new ArrayList<>();
        for (int p = 0; p < INDIVIDUALS.get(c); p++) {
            individuals.add(Map.of("reference", "IND-" + number + "-" + p, "role", "official"));
        }
        conclusion.put("responsibleOrganisations", organisations);
        conclusion.put("responsibleIndividuals", individuals);
        conclusion.put("published", false);
        return conclusion;
    }

    /** An inspection opened, reported and concluded today through the single calls: a live conclusion. */
    private String liveConclusion(String token, String suffix) {
        String today = LocalDate.now(VIETNAM).toString();
        String id = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(opening("QD-LIVE-" + suffix, today, "INSPECTION", "PUBLIC_DUTIES",
                        entity("NB-LIVE-" + suffix, "PUBLIC_BODY")))
                .post(gateway + "/api/v1/inspections").then().statusCode(201).extract().path("id");
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("startedOn", today))
                .post(gateway + "/api/v1/inspections/" + id + "/start").then().statusCode(200);
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("submittedOn", today))
                .post(gateway + "/api/v1/inspections/" + id + "/report").then().statusCode(200);
        Map<String, Object> conclusion = conclusion("KL-LIVE-" + suffix, today, 0);
        conclusion.put("recommendations", List.of(Map.of("kind", "RECOVERY", "description", "Recover",
                "addressee", "Inspected body", "amountVnd", 1_000_000L, "dueOn", today)));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(conclusion)
                .post(gateway + "/api/v1/inspections/" + id + "/conclusion").then().statusCode(201);
        return id;
    }
}
