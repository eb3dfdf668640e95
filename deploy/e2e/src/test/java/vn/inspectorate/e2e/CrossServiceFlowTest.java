package vn.inspectorate.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The services working together through Kafka, only through the gateway and with real tokens: a denunciation posted by
 * Ha Noi's provincial system reaches the inspection service as a case event, an inspection opened from it concludes,
 * the conclusion resolves the case in the complaints service and its exact figures show in the reporting service.
 */
class CrossServiceFlowTest {

    /** Business dates are Vietnamese days in every service that checks them against today. */
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    // the conclusion's figures: two findings, one recovery, one organisation, two officials, one transfer
    private static final long VIOLATION_1_VND = 3_456_789_012L;
    private static final long VIOLATION_2_VND = 1_234_567_891L;
    private static final long VIOLATIONS_VND = 4_691_356_903L;
    private static final long VIOLATIONS_LAND_M2 = 1_250L;
    private static final long RECOVERY_VND = 2_345_678_901L;
    private static final int UNITS_COVERED = 3;

    private static final List<String> FIGURES = List.of("inspections.opened", "inspections.inspection",
            "inspections.ad_hoc", "inspections.conclusions", "inspections.units_covered", "inspections.violations_vnd",
            "inspections.violations_land_m2", "inspections.recovery_recommended_vnd",
            "inspections.responsible_organisations", "inspections.responsible_individuals",
            "inspections.transfers_to_investigation", "cases.received", "cases.accepted", "cases.resolved");

    private final String gateway = RunningPlatform.get().gatewayUrl();

    @Test
    void aDenunciationIsInspectedAndTheConclusionResolvesItAndIsCounted() {
        LocalDate today = LocalDate.now(VIETNAM);
        String period = today.getYear() + "-" + String.format("%02d", today.getMonthValue());
        String province = RunningPlatform.clientToken("province-hn");
        String inspector = RunningPlatform.userToken("inspector-hn");
        String analyst = RunningPlatform.userToken("analyst");
        String suffix = UUID.randomUUID().toString().substring(0, 8);

        // what the reporting service counts for Ha Noi this month before this flow
        Map<String, Long> before = figures(analyst, period);
        assertThat(before).isNotNull();

        // 1. the provincial system posts a denunciation; the Ha Noi inspector classifies and accepts it
        String caseId = given().auth().oauth2(province).contentType(ContentType.JSON)
                .body(denunciation("e2e-flow-" + suffix, today)).post(gateway + "/api/v1/cases")
                .then().statusCode(201).body("kind", equalTo("DENUNCIATION")).body("status", equalTo("RECEIVED"))
                .extract().path("id");
        command(inspector, caseId, "classify", Map.of("kind", "DENUNCIATION")).statusCode(200)
                .body("status", equalTo("CLASSIFIED"));
        command(inspector, caseId, "accept", Map.of("acceptedOn", today.toString())).statusCode(200)
                .body("status", equalTo("ACCEPTED"));
        long acceptedAt = System.nanoTime();

        // 2. the inspection service learns of the case from its events; until then opening from it is a 422
        Map<String, Object> opening = opening("E2E-QD-" + suffix, "E2E-PB-" + suffix, today, caseId);
        Response opened = Eventually.poll("the inspection service knows case " + caseId, DEADLINE,
                () -> given().auth().oauth2(inspector).contentType(ContentType.JSON).body(opening)
                        .post(gateway + "/api/v1/inspections"),
                r -> r.statusCode() != 429 && !(r.statusCode() == 422
                        && "caseIds[0]".equals(r.jsonPath().getString("errors[0].field"))));
        opened.then().statusCode(201).body("bodyCode", equalTo("TTT-HN")).body("provinceCode", equalTo("VN-HN"))
                .body("planned", equalTo(false)).body("type", equalTo("INSPECTION"))
                .body("caseIds", contains(caseId)).body("status", equalTo("OPENED"))
                .body("openedOn", equalTo(today.toString())).body("baseDays", equalTo(45))
                .body("dueOn", equalTo(today.plusDays(45).toString()));
        String inspectionId = opened.jsonPath().getString("id");
        System.out.printf("[e2e] case accepted -> inspection opened from it (case events reached the inspection "
                + "service): %d ms%n", (System.nanoTime() - acceptedAt) / 1_000_000);

        given().auth().oauth2(inspector).contentType(ContentType.JSON).body(Map.of("startedOn", today.toString()))
                .post(gateway + "/api/v1/inspections/{id}/start", inspectionId).then().statusCode(200)
                .body("status", equalTo("IN_PROGRESS"));
        given().auth().oauth2(inspector).contentType(ContentType.JSON).body(Map.of("submittedOn", today.toString()))
                .post(gateway + "/api/v1/inspections/{id}/report", inspectionId).then().statusCode(200)
                .body("status", equalTo("REPORT_SUBMITTED"));
        Response concludedResponse = given().auth().oauth2(inspector).contentType(ContentType.JSON)
                .body(conclusion("KL-E2E-" + suffix, today))
                .post(gateway + "/api/v1/inspections/{id}/conclusion", inspectionId);
        long concludedAt = System.nanoTime();
        concludedResponse.then().statusCode(201).body("status", equalTo("CONCLUDED"));
        JsonPath concluded = concludedResponse.jsonPath();
        assertThat(concluded.getLong("conclusion.violationsVnd")).isEqualTo(VIOLATIONS_VND);
        assertThat(concluded.getLong("conclusion.violationsLandM2")).isEqualTo(VIOLATIONS_LAND_M2);
        assertThat(concluded.getLong("conclusion.recoveryRecommendedVnd")).isEqualTo(RECOVERY_VND);
        assertThat(concluded.getInt("conclusion.responsibleOrganisationsCount")).isEqualTo(1);
        assertThat(concluded.getInt("conclusion.responsibleIndividualsCount")).isEqualTo(2);
        assertThat(concluded.getInt("conclusion.unitsCovered")).isEqualTo(UNITS_COVERED);

        // 3. the complaints service hears of the conclusion: the case is linked and resolved by it
        Response resolved = Eventually.poll("case " + caseId + " resolved by inspection " + inspectionId, DEADLINE,
                () -> given().auth().oauth2(inspector).get(gateway + "/api/v1/cases/" + caseId),
                r -> r.statusCode() == 200 && "RESOLVED".equals(r.jsonPath().getString("status")));
        System.out.printf("[e2e] conclusion HTTP response -> case resolved in the complaints service: %d ms%n",
                (System.nanoTime() - concludedAt) / 1_000_000);
        resolved.then().body("inspections", contains(inspectionId))
                .body("outcome", equalTo("CONCLUDED_BY_INSPECTION"))
                .body("decisionReference", equalTo("inspection " + inspectionId))
                .body("resolvedOn", equalTo(today.toString()))
                .body("kind", equalTo("DENUNCIATION"));
        JsonPath history = given().auth().oauth2(inspector).get(gateway + "/api/v1/cases/" + caseId + "/history")
                .then().statusCode(200).extract().jsonPath();
        assertThat(history.getList("command", String.class)).containsExactly("receive", "classify", "accept", "resolve");
        assertThat(history.getString("[3].actor")).isEqualTo("inspection-service");
        // another province does not see Ha Noi's case or inspection
        String ninhBinh = RunningPlatform.userToken("inspector-nb");
        given().auth().oauth2(ninhBinh).get(gateway + "/api/v1/cases/" + caseId).then().statusCode(404);
        given().auth().oauth2(ninhBinh).get(gateway + "/api/v1/inspections/" + inspectionId).then().statusCode(404);

        // 4. the reporting service counts the conclusion for Ha Noi in this month
        long violationsBefore = before.get("inspections.violations_vnd");
        Eventually.poll("reporting shows " + VIOLATIONS_VND + " VND of violations for VN-HN in " + period, DEADLINE,
                () -> figures(analyst, period),
                f -> f != null && f.get("inspections.violations_vnd") == violationsBefore + VIOLATIONS_VND);
        long latencyMs = (System.nanoTime() - concludedAt) / 1_000_000;
        System.out.printf("[e2e] conclusion HTTP response -> violations figure visible in reporting: %d ms%n",
                latencyMs);

        Map<String, Long> expected = new LinkedHashMap<>(before);
        expected.merge("inspections.opened", 1L, Long::sum);
        expected.merge("inspections.inspection", 1L, Long::sum);
        expected.merge("inspections.ad_hoc", 1L, Long::sum);
        expected.merge("inspections.conclusions", 1L, Long::sum);
        expected.merge("inspections.units_covered", (long) UNITS_COVERED, Long::sum);
        expected.merge("inspections.violations_vnd", VIOLATIONS_VND, Long::sum);
        expected.merge("inspections.violations_land_m2", VIOLATIONS_LAND_M2, Long::sum);
        expected.merge("inspections.recovery_recommended_vnd", RECOVERY_VND, Long::sum);
        expected.merge("inspections.responsible_organisations", 1L, Long::sum);
        expected.merge("inspections.responsible_individuals", 2L, Long::sum);
        expected.merge("inspections.transfers_to_investigation", 1L, Long::sum);
        expected.merge("cases.received", 1L, Long::sum);
        expected.merge("cases.accepted", 1L, Long::sum);
        expected.merge("cases.resolved", 1L, Long::sum);
        // the case's own events (received, accepted, resolved by the inspection) may still be on their way
        Map<String, Long> after = Eventually.poll("every figure of the flow counted for VN-HN in " + period, DEADLINE,
                () -> figures(analyst, period), expected::equals);
        assertThat(after).isEqualTo(expected);

        List<String> behindViolations = given().auth().oauth2(analyst)
                .queryParam("figure", "inspections.violations_vnd").queryParam("period", period)
                .queryParam("calendar", "calendar").queryParam("province", "VN-HN").queryParam("limit", 200)
                .get(gateway + "/api/v1/reports/drill-down").then().statusCode(200).extract().path("recordIds");
        assertThat(behindViolations).contains(inspectionId);
        List<String> behindResolved = given().auth().oauth2(analyst)
                .queryParam("figure", "cases.resolved").queryParam("period", period)
                .queryParam("calendar", "calendar").queryParam("province", "VN-HN").queryParam("limit", 200)
                .get(gateway + "/api/v1/reports/drill-down").then().statusCode(200).extract().path("recordIds");
        assertThat(behindResolved).contains(caseId);
        // Ha Noi's figures are not Ninh Binh's to read
        given().auth().oauth2(ninhBinh).queryParam("period", period).queryParam("province", "VN-HN")
                .get(gateway + "/api/v1/reports/summary").then().statusCode(403);
    }

    /** The flow's figures for Ha Noi in the month as the analyst reads them; null when the gateway says slow down. */
    private Map<String, Long> figures(String analyst, String period) {
        Response response = given().auth().oauth2(analyst).queryParam("period", period)
                .queryParam("calendar", "calendar").queryParam("province", "VN-HN")
                .get(gateway + "/api/v1/reports/summary");
        if (response.statusCode() == 429) {
            return null;
        }
        JsonPath summary = response.then().statusCode(200).extract().jsonPath();
        Map<String, Long> values = new LinkedHashMap<>();
        for (String figure : FIGURES) {
            Number value = summary.get("figures.find { it.figure == '" + figure + "' }.value");
            assertThat(value).as("figure %s in the summary", figure).isNotNull();
            values.put(figure, value.longValue());
        }
        return values;
    }

    private io.restassured.response.ValidatableResponse command(String token, String caseId, String command,
            Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post(gateway + "/api/v1/cases/" + caseId + "/" + command).then();
    }

    private static Map<String, Object> denunciation(String reference, LocalDate today) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sourceSystem", "hn-portal");
        body.put("sourceReference", reference);
        body.put("provinceCode", "VN-HN");
        body.put("receivingBodyCode", "HN-INSPECTORATE");
        body.put("channel", "LETTER");
        body.put("kind", "DENUNCIATION");
        body.put("receivedOn", today.toString());
        body.put("subject", "Commune official took money for a land allocation " + reference);
        body.put("complainant", Map.of("fullName", "Le Van E2E", "idNumber", "001088000222",
                "address", "5 Hang Gai, Hoan Kiem"));
        return body;
    }

    private static Map<String, Object> opening(String decision, String entity, LocalDate today, String caseId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("bodyCode", "TTT-HN");
        body.put("decisionNumber", decision);
        body.put("decisionDate", today.toString());
        body.put("legalBasis", "Law on Inspection 11/2022, Art. 47; Law on Denunciations 25/2018");
        body.put("team", List.of(Map.of("name", "Team lead", "role", "LEAD"), Map.of("name", "Member", "role", "MEMBER")));
        body.put("type", "INSPECTION");
        body.put("subject", "PUBLIC_DUTIES");
        body.put("entity", Map.of("code", entity, "kind", "PUBLIC_BODY", "name", "Commune people's committee " + entity,
                "provinceCode", "VN-HN"));
        body.put("caseIds", List.of(caseId));
        return body;
    }

    private static Map<String, Object> conclusion(String number, LocalDate today) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("conclusionNumber", number);
        body.put("concludedOn", today.toString());
        body.put("assessment", "Land allocated without auction; money taken for the allocation.");
        body.put("unitsCovered", UNITS_COVERED);
        body.put("items", List.of(
                Map.of("subject", "Land allocation", "finding", "Allocated without auction",
                        "violationsVnd", VIOLATION_1_VND, "violationsLandM2", VIOLATIONS_LAND_M2),
                Map.of("subject", "Fees", "finding", "Fees collected without a basis",
                        "violationsVnd", VIOLATION_2_VND, "violationsLandM2", 0)));
        body.put("recommendations", List.of(Map.of("kind", "RECOVERY", "description", "Recover to the state budget",
                "addressee", "Commune people's committee", "amountVnd", RECOVERY_VND,
                "dueOn", today.plusDays(90).toString())));
        body.put("responsibleOrganisations", List.of(Map.of("reference", "ORG-" + number)));
        body.put("responsibleIndividuals", List.of(Map.of("reference", "IND-" + number + "-1", "role", "chairman"),
                Map.of("reference", "IND-" + number + "-2", "role", "cadastral officer")));
        body.put("transfers", List.of(Map.of("matter", "Signs of taking bribes", "toBody",
                "Ha Noi police investigation agency", "transferredOn", today.toString())));
        body.put("published", false);
        return body;
    }
}
