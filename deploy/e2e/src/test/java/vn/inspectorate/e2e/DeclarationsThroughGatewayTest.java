package vn.inspectorate.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * Officials' declarations through the gateway: a province files two years for one official, the second with an
 * unexplained increase, which is flagged; only the asset controller reads the detail, stating a purpose; the report
 * counts the submissions and the flag for the official's agency.
 */
class DeclarationsThroughGatewayTest {

    private final String gateway = RunningPlatform.get().gatewayUrl();

    @Test
    void anUnexplainedIncreaseIsFlaggedReadOnlyWithAPurposeAndCounted() {
        // an agency only this test uses, so the report's figures for it are this test's alone
        String agency = "E2E-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String hanoi = RunningPlatform.clientToken("province-hn");
        String controller = RunningPlatform.userToken("asset-controller");
        String analyst = RunningPlatform.userToken("analyst");

        String citizenId = String.format("%012d", ThreadLocalRandom.current().nextLong(1_000_000_000_000L));
        Map<String, Object> official = new LinkedHashMap<>();
        official.put("agencyCode", agency);
        official.put("provinceCode", "VN-HN");
        official.put("position", "Director of Department");
        official.put("rank", "Senior inspector");
        official.put("annualDeclarationRequired", true);
        official.put("appointedOn", "2020-01-15");
        official.put("fullName", "Hoang Van Khai");
        official.put("citizenId", citizenId);
        official.put("address", "12 Hang Bai, Hoan Kiem");
        String declarant = given().auth().oauth2(hanoi).contentType(ContentType.JSON).body(official)
                .post(gateway + "/api/v1/declarants").then().statusCode(201).extract().path("id");
        // registering the same official again returns the first registration
        given().auth().oauth2(hanoi).contentType(ContentType.JSON).body(official)
                .post(gateway + "/api/v1/declarants").then().statusCode(200).body("id", equalTo(declarant));

        submit(hanoi, declarant, 2024, "2024-12-20", List.of(item("LAND", 1_000_000_000L, "2015-03-01"),
                item("HOUSE", 1_000_000_000L, "2016-03-01"), item("SALARY", 800_000_000L, null)));
        // +400 million in deposits, not explained: at or above the 300 million threshold in force in 2025
        JsonPath second = submit(hanoi, declarant, 2025, "2025-12-20", List.of(item("LAND", 1_000_000_000L, "2015-03-01"),
                item("HOUSE", 1_000_000_000L, "2016-03-01"), item("DEPOSIT", 400_000_000L, "2025-05-01"),
                item("SALARY", 800_000_000L, null)));
        assertThat(second.getLong("assetChangeVnd")).isEqualTo(400_000_000L);
        assertThat(second.getList("flags.ruleId", String.class)).containsExactly("UNEXPLAINED_INCREASE");
        String id = second.getString("id");
        long lastWrite = System.nanoTime();

        // the province files but never reads the detail; the controller reads it stating a purpose
        given().auth().oauth2(hanoi).header("X-Access-Purpose", "curiosity").get(gateway + "/api/v1/declarations/" + id)
                .then().statusCode(403);
        given().auth().oauth2(hanoi).get(gateway + "/api/v1/declarants/" + declarant).then().statusCode(200)
                .body("$", not(org.hamcrest.Matchers.hasKey("fullName")));
        given().auth().oauth2(controller).get(gateway + "/api/v1/declarations/" + id).then().statusCode(400);
        given().auth().oauth2(controller).header("X-Access-Purpose", "verification of the 2025 increase")
                .get(gateway + "/api/v1/declarations/" + id).then().statusCode(200)
                .body("summary.totalAssetsVnd", equalTo(2_400_000_000L)).body("items.size()", equalTo(4));
        given().auth().oauth2(RunningPlatform.clientToken("province-nb")).get(gateway + "/api/v1/declarations/" + id + "/summary")
                .then().statusCode(404);

        // submissions count on their declaration date, the flag on the day it was raised (today)
        Map<String, String> scope = Map.of("from", "2024-01-01",
                "to", java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toString(), "body", agency);
        Map<String, Long> figures = Eventually.poll("the declarations counted for " + agency, Duration.ofSeconds(60),
                () -> ReportFigures.summary(analyst, scope),
                f -> f != null && f.getOrDefault("declarations.submitted", 0L) == 2
                        && f.getOrDefault("declarations.flagged", 0L) == 1);
        System.out.printf("[e2e] last declaration write -> submissions and flag counted in reporting: %d ms%n",
                (System.nanoTime() - lastWrite) / 1_000_000);
        assertThat(figures.get("declarations.flagged_rule")).isEqualTo(1);
        List<String> flagged = given().auth().oauth2(analyst).queryParam("figure", "declarations.flagged")
                .queryParam("from", scope.get("from")).queryParam("to", scope.get("to")).queryParam("body", agency)
                .queryParam("calendar", "calendar").get(gateway + "/api/v1/reports/drill-down").then().statusCode(200)
                .extract().path("recordIds");
        assertThat(flagged).containsExactly(id);
    }

    private JsonPath submit(String token, String declarant, int year, String declaredOn, List<Map<String, Object>> items) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("declarantId", declarant);
        body.put("kind", "ANNUAL");
        body.put("year", year);
        body.put("declaredOn", declaredOn);
        body.put("items", items);
        String key = UUID.randomUUID().toString();
        String id = given().auth().oauth2(token).contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post(gateway + "/api/v1/declarations").then().statusCode(201).extract().path("id");
        // a retried draft with the same key is the same draft
        given().auth().oauth2(token).contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post(gateway + "/api/v1/declarations").then().body("id", equalTo(id));
        return given().auth().oauth2(token).post(gateway + "/api/v1/declarations/" + id + "/submission").then()
                .statusCode(200).body("status", equalTo("SUBMITTED")).extract().jsonPath();
    }

    private static Map<String, Object> item(String category, long value, String acquiredOn) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("category", category);
        item.put("valueVnd", value);
        if (acquiredOn != null) {
            item.put("acquiredOn", acquiredOn);
        }
        return item;
    }
}
