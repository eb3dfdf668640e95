package vn.inspectorate.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import vn.inspectorate.testsupport.KafkaResource;
import vn.inspectorate.testsupport.KeycloakResource;
import vn.inspectorate.testsupport.PostgresResource;

/**
 * The dashboard's route: a web application for people on the platform's origin, passed every method without a token
 * (it signs its users in itself), its cookies both ways and its own content security policy kept.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KeycloakResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = StubServicesResource.class, scope = TestResourceScope.GLOBAL)
class WebApplicationRouteTest {

    @Test
    void thePlatformsAddressOpensTheDashboard() {
        given().redirects().follow(false).get("/").then().statusCode(302).header("Location", "/dashboard/");
    }

    @Test
    void aFormPostPassesWithoutATokenWithItsCookiesBothWays() {
        given().redirects().follow(false).cookie("q_session", "s0").contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", "t").post("/dashboard/sign-out")
                .then().statusCode(200)
                .header("X-Echo", containsString("POST /dashboard/sign-out cookie=q_session=s0"))
                .header("Set-Cookie", containsString("q_session=s1"))
                .header("Content-Security-Policy", equalTo("default-src 'self'; frame-ancestors 'none'"))
                .header("X-Frame-Options", "DENY")
                .header("X-Request-Id", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void noBearerTokenReachesTheWebApplicationAndThePublicAddressDoes() {
        given().header("Authorization", "Bearer not-for-the-dashboard").get("/dashboard/")
                .then().statusCode(200)
                .header("X-Echo", containsString("authorization=null"))
                .header("X-Echo", endsWith("host=localhost"));
    }

    @Test
    void theApiKeepsItsOwnPolicyBesideTheDashboard() {
        given().get("/api/v1/cases").then().statusCode(401)
                .header("Content-Security-Policy", equalTo("default-src 'none'; frame-ancestors 'none'"));
    }
}
