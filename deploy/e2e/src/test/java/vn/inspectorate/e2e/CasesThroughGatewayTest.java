package vn.inspectorate.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A provincial system's first steps, only through the gateway and with real Keycloak tokens: the gateway checks the
 * token, forwards it, and the complaints service checks it again and scopes the case to the token's province.
 */
class CasesThroughGatewayTest {

    private static Map<String, Object> complaint(String reference) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sourceSystem", "hn-portal");
        body.put("sourceReference", reference);
        body.put("provinceCode", "VN-HN");
        body.put("receivingBodyCode", "HN-INSPECTORATE");
        body.put("channel", "LETTER");
        body.put("kind", "COMPLAINT");
        body.put("receivedOn", LocalDate.now().minusDays(3).toString());
        body.put("subject", "Land recovery compensation decision " + reference);
        body.put("complainant", Map.of("fullName", "Tran Thi E2E", "idNumber", "001099000111", "address", "1 Trang Tien"));
        return body;
    }

    @Test
    void aProvincePostsAndRetriesACaseAndOnlyItsProvinceSeesIt() {
        String gateway = RunningPlatform.get().gatewayUrl();
        String hanoi = RunningPlatform.clientToken("province-hn");
        Map<String, Object> body = complaint("e2e-" + UUID.randomUUID());

        String id = given().auth().oauth2(hanoi).contentType(ContentType.JSON).body(body)
                .post(gateway + "/api/v1/cases").then().statusCode(201).extract().path("id");
        // A retry of the same source reference returns the original and creates nothing.
        given().auth().oauth2(hanoi).contentType(ContentType.JSON).body(body)
                .post(gateway + "/api/v1/cases").then().statusCode(200).body("id", equalTo(id));

        given().auth().oauth2(hanoi).get(gateway + "/api/v1/cases/" + id).then().statusCode(200)
                .body("provinceCode", equalTo("VN-HN"));
        given().auth().oauth2(RunningPlatform.clientToken("province-nb")).get(gateway + "/api/v1/cases/" + id)
                .then().statusCode(404);
        given().auth().oauth2(RunningPlatform.clientToken("partner-demo")).get(gateway + "/api/v1/cases/" + id)
                .then().statusCode(403);
        String unauthenticated = given().get(gateway + "/api/v1/cases/" + id).then().statusCode(401)
                .extract().contentType();
        assertThat(unauthenticated).startsWith("application/problem+json");
    }
}
