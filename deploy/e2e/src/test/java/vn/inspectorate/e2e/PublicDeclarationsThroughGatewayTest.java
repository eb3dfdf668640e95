package vn.inspectorate.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * The public view of a published declaration through the gateway without a token, cacheable, and nothing personal in
 * it; reading a declarant's identity is logged with its purpose, for central review.
 */
class PublicDeclarationsThroughGatewayTest {

    private final String gateway = RunningPlatform.get().gatewayUrl();

    @Test
    void aPublishedDeclarationIsReadWithoutATokenAndAnIdentityReadIsLogged() {
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
        official.put("fullName", "Dinh Thi Cong Khai");
        official.put("citizenId", citizenId);
        official.put("address", "7 Trang Thi, Hoan Kiem");
        String declarant = given().auth().oauth2(hanoi).contentType(ContentType.JSON).body(official)
                .post(gateway + "/api/v1/declarants").then().statusCode(201).extract().path("id");
        String published = submit(hanoi, declarant, 2024, "2024-12-20");
        String unpublished = submit(hanoi, declarant, 2025, "2025-12-20");
        given().auth().oauth2(controller).contentType(ContentType.JSON).body(Map.of())
                .post(gateway + "/api/v1/declarations/" + published + "/publication").then().statusCode(200);

        // no token at all: the public view, cacheable, with nothing that names the person
        Response view = given().get(gateway + "/api/v1/public-declarations/" + published);
        view.then().statusCode(200).body("agencyCode", equalTo(agency)).body("year", equalTo(2024))
                .body("position", equalTo("Director of Department"))
                .header("Cache-Control", matchesPattern("public, max-age=[1-9][0-9]*"))
                .header("RateLimit-Policy", matchesPattern("\"anonymous\";q=\\d+;w=\\d+"));
        assertThat(view.asString()).doesNotContain(citizenId, "Dinh Thi Cong Khai", "Trang Thi", declarant);
        String etag = view.header("ETag");
        assertThat(etag).isNotBlank();
        given().header("If-None-Match", etag).get(gateway + "/api/v1/public-declarations/" + published).then()
                .statusCode(304).header("ETag", etag);
        given().get(gateway + "/api/v1/public-declarations/" + unpublished).then().statusCode(404)
                .contentType("application/problem+json");
        // the rest of the declarations API still needs a token
        given().get(gateway + "/api/v1/declarants/" + declarant).then().statusCode(401);
        given().get(gateway + "/api/v1/declarations/" + published + "/summary").then().statusCode(401);

        // the (central) controller reads the identity, stating why: one access-log row, reviewed centrally
        given().auth().oauth2(controller).get(gateway + "/api/v1/declarants/" + declarant).then().statusCode(200)
                .body("$", not(hasKey("citizenId")));
        given().auth().oauth2(controller).header("X-Access-Purpose", "appointment review")
                .get(gateway + "/api/v1/declarants/" + declarant).then().statusCode(200)
                .body("citizenId", equalTo(citizenId));
        List<Map<String, Object>> log = given().auth().oauth2(analyst).queryParam("declarantId", declarant)
                .get(gateway + "/api/v1/access-log").then().statusCode(200).extract().jsonPath().getList("items");
        assertThat(log).hasSize(1);
        assertThat(log.get(0)).containsEntry("declarantId", declarant).containsEntry("purpose", "appointment review")
                .containsEntry("role", "asset-controller (central)");
    }

    private String submit(String token, String declarant, int year, String declaredOn) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("declarantId", declarant);
        body.put("kind", "ANNUAL");
        body.put("year", year);
        body.put("declaredOn", declaredOn);
        body.put("items", List.of(item("LAND", 1_000_000_000L, "2015-03-01"), item("SALARY", 700_000_000L, null)));
        String id = given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post(gateway + "/api/v1/declarations").then().statusCode(201).extract().path("id");
        given().auth().oauth2(token).post(gateway + "/api/v1/declarations/" + id + "/submission").then()
                .statusCode(200);
        return id;
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
