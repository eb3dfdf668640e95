package vn.inspectorate.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

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
import org.junit.jupiter.api.Test;

/**
 * A province's backlog arrives as one batch through the gateway: each item is answered on its own, a retry creates
 * nothing, another province can neither write nor see it, and the national report counts exactly what was created.
 */
class BatchIntakeTest {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final int VALID = 120;

    private final String gateway = RunningPlatform.get().gatewayUrl();

    @Test
    void aBatchIsAnsweredItemByItemRetriedSafelyAndCountedExactly() {
        LocalDate today = LocalDate.now(VIETNAM);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        // a receiving body only this test uses, so the report's figures for it are this test's alone
        String body = "E2E-BATCH-" + suffix;
        String hanoi = RunningPlatform.clientToken("province-hn");
        String inspector = RunningPlatform.userToken("inspector-hn");
        String analyst = RunningPlatform.userToken("analyst");

        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < VALID; i++) {
            items.add(complaint(body, "e2e-batch-" + suffix + "-" + i, today.minusDays(i % 20)));
        }
        Map<String, Object> bad = complaint(body, "e2e-batch-" + suffix + "-bad", today);
        bad.put("subject", " ");
        items.add(bad);
        items.add(new LinkedHashMap<>(items.get(0)));

        JsonPath first = given().auth().oauth2(hanoi).contentType(ContentType.JSON).body(Map.of("cases", items))
                .post(gateway + "/api/v1/cases/batch").then().statusCode(200)
                .body("created", equalTo(VALID)).body("duplicates", equalTo(1)).body("rejected", equalTo(1))
                .body("results[" + VALID + "].errors.field", hasItem("cases[" + VALID + "].subject"))
                .body("results[" + (VALID + 1) + "].outcome", equalTo("DUPLICATE"))
                .extract().jsonPath();
        List<String> created = first.getList("results.findAll { it.outcome == 'CREATED' }.caseId", String.class);
        assertThat(created).hasSize(VALID).doesNotHaveDuplicates();

        // the whole batch again (a client that lost the answer): nothing new, each item names its original
        JsonPath retry = given().auth().oauth2(hanoi).contentType(ContentType.JSON).body(Map.of("cases", items))
                .post(gateway + "/api/v1/cases:batch").then().statusCode(200)
                .body("created", equalTo(0)).body("duplicates", equalTo(VALID + 1)).body("rejected", equalTo(1))
                .extract().jsonPath();
        assertThat(retry.getList("results.findAll { it.outcome == 'DUPLICATE' }.duplicateOf", String.class)
                .subList(0, VALID)).isEqualTo(created);

        // Ninh Binh's system may not file for Ha Noi (the item is refused on its own), nor see Ha Noi's cases
        given().auth().oauth2(RunningPlatform.clientToken("province-nb")).contentType(ContentType.JSON)
                .body(Map.of("cases", List.of(complaint(body, "e2e-batch-" + suffix + "-nb", today))))
                .post(gateway + "/api/v1/cases/batch").then().statusCode(200)
                .body("created", equalTo(0)).body("rejected", equalTo(1))
                .body("results[0].errors.field", hasItem("cases[0].provinceCode"));
        given().auth().oauth2(RunningPlatform.clientToken("province-nb")).get(gateway + "/api/v1/cases/" + created.get(0))
                .then().statusCode(404);

        // staff take the first two further
        for (String id : created.subList(0, 2)) {
            given().auth().oauth2(inspector).contentType(ContentType.JSON).body(Map.of("kind", "COMPLAINT"))
                    .post(gateway + "/api/v1/cases/" + id + "/classify").then().statusCode(200);
            given().auth().oauth2(inspector).contentType(ContentType.JSON).body(Map.of("acceptedOn", today.toString()))
                    .post(gateway + "/api/v1/cases/" + id + "/accept").then().statusCode(200)
                    .body("status", equalTo("ACCEPTED"));
        }
        long lastWrite = System.nanoTime();

        // the report for the last 20 days, scoped to this body: exactly what was created and accepted
        Map<String, String> scope = Map.of("from", today.minusDays(19).toString(), "to", today.toString(), "body", body);
        Map<String, Long> figures = Eventually.poll("the batch counted for " + body, Duration.ofSeconds(60),
                () -> ReportFigures.summary(analyst, scope),
                f -> f != null && f.getOrDefault("cases.received", 0L) == VALID
                        && f.getOrDefault("cases.accepted", 0L) == 2);
        System.out.printf("[e2e] last batch write -> %d cases counted in reporting: %d ms%n", VALID,
                (System.nanoTime() - lastWrite) / 1_000_000);
        assertThat(figures.get("cases.received")).isEqualTo(VALID);
        // the province's own view of the same scope agrees; Ninh Binh may not read Ha Noi's
        assertThat(ReportFigures.figure(hanoi, "cases.received", Map.of("from", scope.get("from"), "to", scope.get("to"),
                "body", body, "province", "VN-HN"))).isEqualTo(VALID);
        given().auth().oauth2(RunningPlatform.clientToken("province-nb")).queryParam("province", "VN-HN")
                .queryParam("period", today.getYear()).get(gateway + "/api/v1/reports/summary").then().statusCode(403);
    }

    private static Map<String, Object> complaint(String body, String reference, LocalDate receivedOn) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("sourceSystem", "hn-portal");
        c.put("sourceReference", reference);
        c.put("provinceCode", "VN-HN");
        c.put("receivingBodyCode", body);
        c.put("channel", "ONLINE");
        c.put("kind", "COMPLAINT");
        c.put("receivedOn", receivedOn.toString());
        c.put("subject", "Compensation for recovered land " + reference);
        c.put("complainant", Map.of("fullName", "Pham Thi Batch", "idNumber", "001077000333", "address",
                "9 Ly Thuong Kiet, Hoan Kiem"));
        return c;
    }
}
