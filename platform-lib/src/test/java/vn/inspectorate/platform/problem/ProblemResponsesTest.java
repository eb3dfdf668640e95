package vn.inspectorate.platform.problem;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

/** Every failure the HTTP layer can produce is an RFC 9457 problem with the right status. */
@QuarkusTest
class ProblemResponsesTest {

    private static final String VALID = """
            {"name":"a","count":1,"color":"RED","on":"2024-01-31","items":[{"name":"x"}]}""";

    private static ValidatableResponse problem(ValidatableResponse r, int status) {
        return r.statusCode(status)
                .contentType(Problem.MEDIA_TYPE)
                .body("status", equalTo(status))
                .body("title", notNullValue())
                .body("type", matchesPattern("https://inspectorate\\.gov\\.vn/problems/.+"));
    }

    private static ValidatableResponse post(String body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/probe").then();
    }

    @Test
    void validRequestPasses() {
        post(VALID).statusCode(200).body("name", equalTo("a"));
    }

    @Test
    void malformedJsonIs400() {
        problem(post("{\"name\": \"a\", "), 400)
                .body("type", equalTo("https://inspectorate.gov.vn/problems/malformed-body"))
                .body("instance", equalTo("/probe"));
    }

    @Test
    void unknownFieldIs400NamingTheField() {
        problem(post("""
                {"name":"a","count":1,"color":"RED","colour":"blue"}"""), 400)
                .body("type", equalTo("https://inspectorate.gov.vn/problems/unknown-field"))
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo("colour"));
    }

    @Test
    void unknownFieldInNestedItemNamesItsPath() {
        problem(post("""
                {"name":"a","count":1,"color":"RED","items":[{"name":"x","extra":1}]}"""), 400)
                .body("errors[0].field", equalTo("items[0].extra"));
    }

    @Test
    void nulCharacterInTextIs400NamingTheFieldNotADatabaseFailure() {
        problem(post("""
                {"name":"a\\u0000b","count":1,"color":"RED"}"""), 400)
                .body("type", equalTo("https://inspectorate.gov.vn/problems/invalid-value"))
                .body("errors[0].field", equalTo("name"));
    }

    @Test
    void dateOutsideFourDigitYearsIs400NamingTheField() {
        for (String date : new String[] {"-999999999-01-01", "+10000-01-01", "0000-01-01"}) {
            problem(post("{\"name\":\"a\",\"count\":1,\"color\":\"RED\",\"on\":\"" + date + "\"}"), 400)
                    .body("errors[0].field", equalTo("on"));
        }
        problem(post("{\"name\":\"a\",\"count\":1,\"color\":\"RED\",\"on\":42}"), 400)
                .body("errors[0].field", equalTo("on"));
        post("{\"name\":\"a\",\"count\":1,\"color\":\"RED\",\"on\":\"9999-12-31\"}").statusCode(200);
    }

    @Test
    void unknownEnumValueIs400NamingFieldAndAllowedValues() {
        problem(post("""
                {"name":"a","count":1,"color":"PURPLE"}"""), 400)
                .body("errors[0].field", equalTo("color"))
                .body("errors[0].message", containsString("PURPLE"))
                .body("errors[0].message", containsString("RED"))
                .body("errors[0].message", containsString("GREEN"));
    }

    @Test
    void wrongTypeIs400() {
        problem(given().header("Accept-Language", "en").contentType(ContentType.JSON).body("""
                {"name":"a","count":"many","color":"RED"}""").when().post("/probe").then(), 400)
                .body("errors[0].field", equalTo("count"))
                .body("errors[0].message", containsString("number"));
    }

    @Test
    void objectWhereNumberExpectedIs400() {
        problem(post("""
                {"name":"a","count":{"n":1},"color":"RED"}"""), 400)
                .body("errors[0].field", equalTo("count"));
    }

    @Test
    void invalidDateIs400() {
        problem(post("""
                {"name":"a","count":1,"color":"RED","on":"31/01/2024"}"""), 400)
                .body("errors[0].field", equalTo("on"));
    }

    @Test
    void validationIs400WithEachFieldPath() {
        problem(post("""
                {"name":" ","count":0,"items":[{"name":"ok"},{"name":""},{"name":"c"}]}"""), 400)
                .body("type", equalTo("https://inspectorate.gov.vn/problems/invalid-request"))
                .body("errors.field", hasItem("name"))
                .body("errors.field", hasItem("count"))
                .body("errors.field", hasItem("color"))
                .body("errors.field", hasItem("items"))
                .body("errors.field", hasItem("items[1].name"))
                .body("errors", hasSize(5));
    }

    @Test
    void invalidQueryParameterIsNamedByItself() {
        problem(given().queryParam("size", 500).when().get("/probe/page").then(), 400)
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo("size"));
    }

    @Test
    void queryParameterNamingNoEnumValueIs400AndPathSegmentThatIsNoIdIs404() {
        problem(given().queryParam("color", "BLUE").when().get("/probe/colors").then(), 400)
                .body("type", equalTo("https://inspectorate.gov.vn/problems/invalid-parameter"));
        given().queryParam("color", "RED").when().get("/probe/colors").then().statusCode(200);
        problem(given().when().get("/probe/things/not-an-id").then(), 404);
    }

    @Test
    void missingBodyIs400() {
        problem(given().contentType(ContentType.JSON).when().post("/probe").then(), 400);
    }

    @Test
    void bodyThatIsNotUtf8Is400AndNotReadWithReplacementCharacters() {
        byte[] valid = VALID.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] broken = VALID.replace("\"name\":\"a\"", "\"name\":\"a?\"").getBytes(
                java.nio.charset.StandardCharsets.UTF_8);
        broken[VALID.indexOf("a\"") + 1] = (byte) 0xC3; // a lead byte with no continuation: never UTF-8
        problem(given().contentType(ContentType.JSON).body(broken).when().post("/probe").then(), 400)
                .body("type", equalTo("https://inspectorate.gov.vn/problems/malformed-body"))
                .body("detail", containsString("UTF-8"));
        byte[] overlong = VALID.replace("\"name\":\"a\"", "\"name\":\"a??\"").getBytes(
                java.nio.charset.StandardCharsets.UTF_8);
        int at = VALID.indexOf("a\"") + 1;
        overlong[at] = (byte) 0xC0; // an overlong slash: decodes to '/' in lax readers
        overlong[at + 1] = (byte) 0xAF;
        problem(given().contentType(ContentType.JSON).body(overlong).when().post("/probe").then(), 400)
                .body("detail", containsString("UTF-8"));
        given().contentType(ContentType.JSON).body(valid).when().post("/probe").then().statusCode(200);
    }

    @Test
    void aByteOrderMarkIsAllowedAndVietnameseTextReadsWhole() {
        byte[] text = VALID.replace("\"name\":\"a\"", "\"name\":\"Thanh tra tỉnh Ninh Bình\"")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] withBom = new byte[text.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withBom, 3, text.length);
        given().contentType(ContentType.JSON).body(withBom).when().post("/probe").then().statusCode(200)
                .body("name", equalTo("Thanh tra tỉnh Ninh Bình"));
    }

    @Test
    void aScalarOrNullWhereAnObjectIsDueIs400() {
        for (String body : new String[] {"42", "\"text\"", "null", "true", "[]", "  "}) {
            problem(post(body), 400).body("type", equalTo("https://inspectorate.gov.vn/problems/malformed-body"));
        }
    }

    @Test
    void wrongContentTypeIs415() {
        problem(given().contentType(ContentType.TEXT).body("hello").when().post("/probe").then(), 415);
    }

    @Test
    void unknownRouteIs404() {
        problem(given().accept(ContentType.JSON).when().get("/no-such-thing").then(), 404);
    }

    @Test
    void wrongMethodIs405() {
        problem(given().when().delete("/probe").then(), 405);
    }

    @Test
    void oversizeBodyIs413() {
        String big = "{\"name\":\"" + "x".repeat(70 * 1024) + "\",\"count\":1,\"color\":\"RED\"}";
        problem(post(big), 413).body("type", equalTo("https://inspectorate.gov.vn/problems/payload-too-large"));
    }

    @Test
    void oversizeStreamedBodyIs413() {
        byte[] big = ("{\"name\":\"" + "x".repeat(70 * 1024) + "\",\"count\":1,\"color\":\"RED\"}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        problem(given().contentType(ContentType.JSON).body(new java.io.ByteArrayInputStream(big)).when().post("/probe")
                .then(), 413);
    }

    @Test
    void problemExceptionKeepsItsStatus() {
        problem(given().when().get("/probe/missing").then(), 404)
                .body("type", equalTo("https://inspectorate.gov.vn/problems/not-found"))
                .body("detail", containsString("Probe 42"))
                .body("instance", equalTo("/probe/missing"));
    }

    @Test
    void unexpectedExceptionIs500WithErrorIdAndNoInternals() {
        String body = problem(given().when().get("/probe/boom").then(), 500)
                .body("errorId", matchesPattern("[0-9a-f-]{36}"))
                .extract().asString();
        assertThat(body).doesNotContain("IllegalStateException", "secret internal detail", "java.", "at vn.",
                "ProbeResource", "stack");
    }

    @Test
    void aTransactionLostToAConcurrentOneIs503WithRetryAfterNot500() {
        String body = problem(given().when().get("/probe/deadlock").then(), 503)
                .header("Retry-After", equalTo("1"))
                .body("type", containsString("concurrent-transaction"))
                .extract().asString();
        assertThat(body).doesNotContain("40P01", "deadlock detected", "SQLException");
        assertThat(ProblemMappers.lostToAConcurrentTransaction(new java.sql.SQLException("could not serialize",
                "40001"))).isTrue();
        assertThat(ProblemMappers.lostToAConcurrentTransaction(new java.sql.SQLException("unique violation",
                "23505"))).isFalse();
    }

    @Test
    void anUnreachableDatabaseIs503WithRetryAfter() {
        String body = problem(given().when().get("/probe/database-down").then(), 503)
                .header("Retry-After", equalTo("5"))
                .body("type", containsString("service-unavailable"))
                .extract().asString();
        assertThat(body).doesNotContain("5432", "SQLException", "08001");
        // an SQL failure that is not about reaching the database stays an internal error
        assertThat(ProblemMappers.databaseUnavailable(new java.sql.SQLException("syntax error", "42601"))).isFalse();
        assertThat(ProblemMappers.databaseUnavailable(new RuntimeException(
                new java.sql.SQLException("terminating connection due to administrator command", "57P01")))).isTrue();
        // a commit the database shut down under: the transaction manager's own failure carries the driver's reason as
        // suppressed, not as its cause
        var commitFailed = new jakarta.transaction.RollbackException("Could not commit transaction.");
        var xa = new javax.transaction.xa.XAException("Error trying to commit local transaction");
        xa.initCause(new java.sql.SQLException("FATAL: terminating connection due to administrator command", "57P01"));
        commitFailed.addSuppressed(xa);
        assertThat(ProblemMappers.databaseUnavailable(new RuntimeException("Error invoking subclass method",
                commitFailed))).isTrue();
    }

    @Test
    void noTokenIs401() {
        // RFC 6750: no token sent, a bare challenge; a refused token, invalid_token with a description
        problem(given().when().get("/probe/secured").then(), 401)
                .header("WWW-Authenticate", equalTo("Bearer"));
        problem(given().auth().oauth2("not-a-token").when().get("/probe/secured").then(), 401)
                .header("WWW-Authenticate", matchesPattern("Bearer error=\"invalid_token\", error_description=\"[^\"]+\""));
    }

    @Test
    @TestSecurity(user = "u", roles = "partner")
    void wrongRoleIs403() {
        problem(given().when().get("/probe/secured").then(), 403)
                .header("WWW-Authenticate", matchesPattern("Bearer error=\"insufficient_scope\", error_description=\"[^\"]+\""));
    }

    @Test
    @TestSecurity(user = "u", roles = "inspector")
    void rightRolePasses() {
        given().when().get("/probe/secured").then().statusCode(200).body(equalTo("ok"));
    }
}
