package vn.inspectorate.platform.problem;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

/** Problems are written in Vietnamese unless the request prefers English, and say which language they are in. */
@QuarkusTest
class ProblemLanguageTest {

    private static RequestSpecification in(String acceptLanguage) {
        RequestSpecification r = given();
        return acceptLanguage == null ? r : r.header("Accept-Language", acceptLanguage);
    }

    @Test
    void aProblemIsVietnameseByDefaultAndSaysSo() {
        in(null).contentType(ContentType.JSON).body("{\"name\": ").when().post("/probe").then().statusCode(400)
                .header("Content-Language", "vi").header("Vary", containsString("Accept-Language"))
                .body("title", equalTo("Nội dung yêu cầu sai định dạng"))
                .body("detail", containsString("không phải là JSON hợp lệ"));
    }

    @Test
    void englishWhenTheRequestPrefersIt() {
        in("vi;q=0.3, en-US;q=0.9").contentType(ContentType.JSON).body("{\"name\": ").when().post("/probe").then()
                .statusCode(400).header("Content-Language", "en")
                .body("title", equalTo("Malformed request body"))
                .body("detail", containsString("not valid JSON"));
    }

    @Test
    void constraintMessagesFollowTheRequestLanguage() {
        String body = "{\"name\":\"\",\"count\":1,\"color\":\"RED\"}";
        in("vi").contentType(ContentType.JSON).body(body).when().post("/probe").then().statusCode(400)
                .body("title", equalTo("Yêu cầu không hợp lệ"))
                .body("detail", equalTo("Yêu cầu có 1 trường không hợp lệ."))
                .body("errors[0].field", equalTo("name"))
                .body("errors[0].message", equalTo("không được để trống"));
        in("en").contentType(ContentType.JSON).body(body).when().post("/probe").then().statusCode(400)
                .body("title", equalTo("Invalid request"))
                .body("detail", equalTo("The request has 1 invalid field."))
                .body("errors[0].message", equalTo("must not be blank"));
    }

    @Test
    void fieldErrorsThePlatformWritesFollowTheRequestLanguage() {
        String body = "{\"name\":\"a\",\"count\":1,\"color\":\"RED\",\"colour\":\"blue\"}";
        in(null).contentType(ContentType.JSON).body(body).when().post("/probe").then().statusCode(400)
                .body("title", equalTo("Trường không xác định"))
                .body("errors[0].message", equalTo("trường không xác định"));
        in("en").contentType(ContentType.JSON).body(body).when().post("/probe").then().statusCode(400)
                .body("errors[0].message", equalTo("unknown field"));
    }

    @Test
    void aProblemWithLiteralTextGetsATitleByStatusAndKeepsItsDetail() {
        in(null).when().get("/probe/missing").then().statusCode(404)
                .body("title", equalTo("Không tìm thấy"))
                .body("detail", containsString("Probe 42"));
        in("en").when().get("/probe/missing").then().statusCode(404).body("title", equalTo("Not found"));
    }

    @Test
    void anOversizeBodyIsRefusedInTheRequestLanguage() {
        String big = "{\"name\":\"" + "x".repeat(70 * 1024) + "\",\"count\":1,\"color\":\"RED\"}";
        in(null).contentType(ContentType.JSON).body(big).when().post("/probe").then().statusCode(413)
                .header("Content-Language", "vi").body("title", equalTo("Nội dung yêu cầu quá lớn"));
        in("en").contentType(ContentType.JSON).body(big).when().post("/probe").then().statusCode(413)
                .body("title", equalTo("Payload too large"));
    }

    @Test
    void unknownRoutesAndMethodsAreLocalizedToo() {
        in(null).when().get("/nowhere").then().statusCode(404).body("title", equalTo("Không tìm thấy"))
                .body("detail", equalTo("Không có tài nguyên nào tại địa chỉ này."));
        in("en").when().delete("/probe").then().statusCode(405).body("title", equalTo("Method not allowed"));
    }
}
