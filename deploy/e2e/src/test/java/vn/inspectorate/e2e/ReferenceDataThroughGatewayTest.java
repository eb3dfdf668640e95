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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * Reference data kept by the platform admin through the gateway reaches every service holding a copy, without a
 * restart: a body renamed and retired is refused by inspection-service from its end, and a day off added to the
 * public calendar moves the complaint clocks of complaints-service and the declaration deadlines of
 * asset-declaration-service. The calendar year is put back as it was at the end.
 */
class ReferenceDataThroughGatewayTest {

    private static final int YEAR = 2025;
    /** A Friday of 2025 that no other test counts on: the new day off. */
    private static final String NEW_DAY_OFF = "2025-10-10";

    private final String gateway = RunningPlatform.get().gatewayUrl();

    @Test
    void aBodyAndADayOffChangedByTheAdminAreAnsweredByEveryServiceHoldingThem() {
        String admin = RunningPlatform.userToken("admin");
        String hanoi = RunningPlatform.clientToken("province-hn");
        String code = "TTT-E2E-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));

        // ---- an inspection body: added, renamed, retired from today
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("name", "Thanh tra thử nghiệm E2E");
        body.put("level", "PROVINCIAL");
        body.put("provinceCode", "VN-HN");
        body.put("validFrom", "2025-07-01");
        body.put("reason", "Set up for the end-to-end test");
        admin(admin).header("Idempotency-Key", "e2e-add-" + code).body(body)
                .post(gateway + "/api/v1/reference/inspection-bodies").then().statusCode(201);
        given().auth().oauth2(hanoi).contentType(ContentType.JSON).body(body)
                .post(gateway + "/api/v1/reference/inspection-bodies").then().statusCode(403);
        admin(admin).body(Map.of("name", "Thanh tra thành phố E2E", "from", "2026-01-01", "reason", "Renamed"))
                .post(gateway + "/api/v1/reference/inspection-bodies/" + code + "/renaming").then().statusCode(200);
        admin(admin).body(Map.of("from", today.toString(), "reason", "Abolished by the city"))
                .post(gateway + "/api/v1/reference/inspection-bodies/" + code + "/retirement").then().statusCode(200)
                .body("validTo", equalTo(today.minusDays(1).toString()));
        given().auth().oauth2(hanoi).get(gateway + "/api/v1/reference/inspection-bodies/" + code).then()
                .statusCode(200).body("names[1].name", equalTo("Thanh tra thành phố E2E"));
        given().auth().oauth2(hanoi).contentType(ContentType.JSON).body(opening(code, today))
                .post(gateway + "/api/v1/inspections").then().statusCode(422)
                .body("type", equalTo("https://inspectorate.gov.vn/problems/body-not-in-force"));
        System.out.printf("[e2e] reference: body %s added, renamed from 2026-01-01 and retired from %s by admin; "
                + "inspection-service refuses an inspection it decides on %s (body-not-in-force)%n", code, today, today);

        // ---- the public calendar: a day off added to 2025, then the year put back
        JsonPath original = given().auth().oauth2(admin).get(gateway + "/api/v1/reference/calendar/" + YEAR).then()
                .statusCode(200).extract().jsonPath();
        List<Map<String, Object>> days = original.getList("days");
        String dueBefore = complaintAcceptanceDue(hanoi);
        String declarationDueBefore = firstTimeDeclarationDue(hanoi);
        assertThat(dueBefore).isEqualTo(NEW_DAY_OFF);
        assertThat(declarationDueBefore).isEqualTo(NEW_DAY_OFF);
        long loadedAt = System.nanoTime();
        try {
            List<Map<String, Object>> withNewDay = new ArrayList<>(days);
            withNewDay.add(Map.of("day", NEW_DAY_OFF, "kind", "DAY_OFF", "occasion", "A day off added in the e2e test"));
            admin(admin).body(year(withNewDay, original.getString("source"), "A day off decided late"))
                    .put(gateway + "/api/v1/reference/calendar/" + YEAR).then().statusCode(200)
                    .body("days.size()", equalTo(days.size() + 1));
            String due = Eventually.poll("complaints-service counting the new day off", Duration.ofSeconds(60),
                    () -> complaintAcceptanceDue(hanoi), "2025-10-13"::equals);
            assertThat(due).isEqualTo("2025-10-13");
            System.out.printf("[e2e] reference: complaints-service moved a complaint's acceptance deadline from %s "
                    + "(now a day off) to %s, %d ms after the calendar was loaded%n", dueBefore, due,
                    (System.nanoTime() - loadedAt) / 1_000_000);
            String declarationDue = Eventually.poll("asset-declaration-service counting the new day off",
                    Duration.ofSeconds(60), () -> firstTimeDeclarationDue(hanoi), "2025-10-13"::equals);
            assertThat(declarationDue).isEqualTo("2025-10-13");
            System.out.printf("[e2e] reference: asset-declaration-service moved a first-time declaration's deadline "
                    + "from %s to %s%n", declarationDueBefore, declarationDue);
        } finally {
            admin(admin).body(year(days, original.getString("source"), "The e2e test's day off withdrawn"))
                    .put(gateway + "/api/v1/reference/calendar/" + YEAR).then().statusCode(200);
        }
        Eventually.poll("complaints-service back on the original calendar", Duration.ofSeconds(60),
                () -> complaintAcceptanceDue(hanoi), NEW_DAY_OFF::equals);
        given().auth().oauth2(RunningPlatform.userToken("analyst")).queryParam("subject", "calendar-" + YEAR)
                .get(gateway + "/api/v1/reference/changes").then().statusCode(200)
                .body("[0].reason", equalTo("The e2e test's day off withdrawn"))
                .body("[1].reason", equalTo("A day off decided late"));
        System.out.println("[e2e] reference: the calendar of " + YEAR + " was put back; both loads are recorded "
                + "with their reasons");
    }

    private io.restassured.specification.RequestSpecification admin(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    private static Map<String, Object> year(List<Map<String, Object>> days, String source, String reason) {
        List<Map<String, Object>> off = new ArrayList<>();
        List<Map<String, Object>> worked = new ArrayList<>();
        for (Map<String, Object> day : days) {
            (("WORKING_DAY".equals(day.get("kind"))) ? worked : off).add(Map.of("day", day.get("day"),
                    "occasion", day.get("occasion")));
        }
        return Map.of("daysOff", off, "workingDays", worked, "source", source, "reason", reason);
    }

    /** A new complaint received on 30 September 2025: its 10-day acceptance limit ends on 10 October. */
    private String complaintAcceptanceDue(String token) {
        String reference = "e2e-ref-" + UUID.randomUUID();
        Map<String, Object> complaint = new LinkedHashMap<>();
        complaint.put("sourceSystem", "hn-portal");
        complaint.put("sourceReference", reference);
        complaint.put("provinceCode", "VN-HN");
        complaint.put("receivingBodyCode", "HN-INSPECTORATE");
        complaint.put("channel", "LETTER");
        complaint.put("kind", "COMPLAINT");
        complaint.put("receivedOn", "2025-09-30");
        complaint.put("subject", "Land recovery compensation decision " + reference);
        complaint.put("complainant", Map.of("fullName", "Tran Thi E2E", "idNumber", "001099000111",
                "address", "1 Trang Tien"));
        String id = given().auth().oauth2(token).contentType(ContentType.JSON).body(complaint)
                .post(gateway + "/api/v1/cases").then().statusCode(201).extract().path("id");
        return given().auth().oauth2(token).get(gateway + "/api/v1/cases/" + id).then().statusCode(200)
                .extract().path("deadlines.acceptanceDueOn");
    }

    /** A new official appointed on 30 September 2025: the first declaration is due 10 days later. */
    private String firstTimeDeclarationDue(String token) {
        Map<String, Object> official = new LinkedHashMap<>();
        official.put("agencyCode", "E2E-REF");
        official.put("provinceCode", "VN-HN");
        official.put("position", "Deputy director");
        official.put("rank", "Inspector");
        official.put("annualDeclarationRequired", true);
        official.put("appointedOn", "2025-09-30");
        official.put("fullName", "Nguyen Van Lich");
        official.put("citizenId", String.format("%012d", ThreadLocalRandom.current().nextLong(1_000_000_000_000L)));
        official.put("address", "3 Trang Thi");
        String declarant = given().auth().oauth2(token).contentType(ContentType.JSON).body(official)
                .post(gateway + "/api/v1/declarants").then().statusCode(201).extract().path("id");
        Map<String, Object> declaration = new LinkedHashMap<>();
        declaration.put("declarantId", declarant);
        declaration.put("kind", "FIRST_TIME");
        declaration.put("year", YEAR);
        declaration.put("declaredOn", "2025-10-08");
        declaration.put("items", List.of(Map.of("category", "SALARY", "valueVnd", 300_000_000L)));
        String id = given().auth().oauth2(token).contentType(ContentType.JSON).body(declaration)
                .post(gateway + "/api/v1/declarations").then().statusCode(201).extract().path("id");
        return given().auth().oauth2(token).post(gateway + "/api/v1/declarations/" + id + "/submission").then()
                .statusCode(200).extract().path("dueOn");
    }

    private static Map<String, Object> opening(String code, LocalDate decided) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("bodyCode", code);
        request.put("decisionNumber", "E2E-REF/QĐ");
        request.put("decisionDate", decided.toString());
        request.put("legalBasis", "Law on Inspection 11/2022, Art. 47");
        request.put("team", List.of(Map.of("name", "Team lead", "role", "LEAD"), Map.of("name", "Member",
                "role", "MEMBER")));
        request.put("type", "ADMINISTRATIVE");
        request.put("subject", "LAND");
        request.put("entity", Map.of("code", "E2E-REF-ENT", "kind", "ENTERPRISE", "name", "Entity E2E",
                "provinceCode", "VN-HN"));
        return request;
    }
}
