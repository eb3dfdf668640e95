package vn.inspectorate.dashboard;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import org.junit.jupiter.api.Test;

/**
 * The identity form asks why before anything is read: no read without the session's CSRF token or without a purpose,
 * and no form at all for a role the service would refuse. (The read itself goes to the complaints service, which
 * decides and logs it; that is exercised on the real platform.)
 */
@QuarkusTest
class IdentityPagesTest {

    private static final String CASE = "/records/cases/0b480740-147a-4d13-8cde-7f9882097687/identity";

    @Test
    @TestSecurity(user = "inspector-nb", roles = "inspector")
    void anInspectorGetsAFormThatNeedsTheSessionsTokenAndAPurpose() {
        String page = given().get(CASE + "?lang=en").then().statusCode(200)
                .body(containsString("id=\"purpose\""), containsString("required"))
                .extract().asString();
        String token = page.replaceAll("(?s).*name=\"csrf-token\" value=\"([^\"]+)\".*", "$1");

        given().formParam("purpose", "handling the case").formParam("csrf-token", "forged")
                .post(CASE).then().statusCode(403).body(not(containsString("identity-logged")));
        given().formParam("purpose", "   ").formParam("csrf-token", token).queryParam("lang", "en")
                .post(CASE).then().statusCode(400)
                .body(containsString("purpose-error"), containsString("Enter why you need the identity"),
                        not(containsString("identity-logged")));
    }

    @Test
    @TestSecurity(user = "analyst", roles = "analyst")
    void anotherRoleGetsTheNotFoundPage() {
        given().get(CASE).then().statusCode(404).body(not(containsString("id=\"purpose\"")));
        given().formParam("purpose", "curiosity").post(CASE).then().statusCode(404);
    }
}
