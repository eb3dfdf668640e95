package vn.inspectorate.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.net.URL;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.inspectorate.testsupport.KafkaResource;
import vn.inspectorate.testsupport.KeycloakResource;
import vn.inspectorate.testsupport.PostgresResource;
import vn.inspectorate.testsupport.Tokens;

/**
 * What the gateway adds at the edge, with real Keycloak tokens against stub services: security headers on every
 * answer, CORS for the configured origin only, RFC 6750 challenges, rate-limit headers, the public address forwarded
 * to the services, and the machinery (metrics, full health) on the management interface only.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KeycloakResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = StubServicesResource.class, scope = TestResourceScope.GLOBAL)
class EdgeHeadersTest {

    /** Configured in the test profile. */
    private static final String DASHBOARD = "https://dashboard.example.gov.vn";
    private static final String FOREIGN = "https://evil.example.com";
    private static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Test
    void everyAnswerCarriesTheSecurityHeaders() {
        String token = Tokens.clientCredentials("province-hn");
        List<Response> answers = List.of(
                given().auth().oauth2(token).get("/api/v1/cases/1"),                    // proxied 200
                given().get("/api/v1/cases/1"),                                         // 401 of the gateway
                given().auth().oauth2(Tokens.clientCredentials("partner-demo")).get("/api/v1/cases/1"), // 403
                given().auth().oauth2(token).get("/api/v1/nothing-here"),               // 404 problem
                given().auth().oauth2(token).get("/api/v1/declarations/1"),             // 502/503 problem
                given().auth().oauth2(Tokens.password("inspector-hn")).get("/api/v1/inspections/fail"), // service's 500
                given().get("/q/health/ready"));                                        // public status
        for (Response r : answers) {
            assertThat(r.header("X-Content-Type-Options")).as(r.statusLine()).isEqualTo("nosniff");
            assertThat(r.header("X-Frame-Options")).as(r.statusLine()).isEqualTo("DENY");
            assertThat(r.header("Referrer-Policy")).as(r.statusLine()).isEqualTo("no-referrer");
            assertThat(r.header("Content-Security-Policy")).as(r.statusLine()).isEqualTo(API_POLICY);
            assertThat(r.header("Cache-Control")).as(r.statusLine()).isEqualTo("no-store");
            assertThat(r.headers().getValues("X-Content-Type-Options")).as(r.statusLine()).hasSize(1);
        }
        // the public OpenAPI document may be cached; it is still data, not a page
        Response doc = given().accept("application/json").get("/q/openapi");
        doc.then().statusCode(200).header("X-Content-Type-Options", "nosniff").header("Content-Security-Policy", API_POLICY);
        assertThat(doc.header("Cache-Control")).isNull();
    }

    @Test
    void swaggerUiIsOffByDefaultAndHasItsOwnPolicy() {
        given().get("/q/swagger-ui/").then().statusCode(404);
        assertThat(vn.inspectorate.gateway.edge.SecurityHeaders.policyFor("/q/swagger-ui/index.html"))
                .contains("script-src 'self'").contains("frame-ancestors 'none'");
        assertThat(vn.inspectorate.gateway.edge.SecurityHeaders.policyFor("/q/swagger-uix")).isEqualTo(API_POLICY);
    }

    @Test
    void aPreflightFromTheConfiguredOriginNeedsNoToken() {
        given().header("Origin", DASHBOARD).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization, content-type, idempotency-key")
                .options("/api/v1/cases").then().statusCode(204)
                .header("Access-Control-Allow-Origin", DASHBOARD)
                .header("Access-Control-Allow-Methods", matchesPattern(".*\\bPOST\\b.*"))
                .header("Access-Control-Allow-Headers", matchesPattern("(?i).*\\bAuthorization\\b.*\\bIdempotency-Key\\b.*"))
                .header("Access-Control-Max-Age", "600")
                .header("Vary", matchesPattern(".*Origin.*"));
        // and its actual request gets the origin and the headers a script may read
        given().header("Origin", DASHBOARD).auth().oauth2(Tokens.clientCredentials("province-hn"))
                .get("/api/v1/cases/1").then().statusCode(200)
                .header("Access-Control-Allow-Origin", DASHBOARD)
                .header("Access-Control-Expose-Headers", matchesPattern(".*\\bLocation\\b.*\\bRateLimit\\b.*"));
        // refusals too, so that the dashboard can read why
        given().header("Origin", DASHBOARD).get("/api/v1/cases/1").then().statusCode(401)
                .header("Access-Control-Allow-Origin", DASHBOARD);
    }

    @Test
    void aForeignOriginGetsNoCorsHeadersAtAll() {
        Response preflight = given().header("Origin", FOREIGN).header("Access-Control-Request-Method", "POST")
                .options("/api/v1/cases");
        preflight.then().statusCode(403).contentType("application/problem+json");
        assertNoCorsHeaders(preflight);
        Response actual = given().header("Origin", FOREIGN).auth().oauth2(Tokens.clientCredentials("province-hn"))
                .get("/api/v1/cases/1");
        actual.then().statusCode(200);
        assertNoCorsHeaders(actual);
        // nor does a service's own permissive header get through
        Response leaky = given().header("Origin", FOREIGN).auth().oauth2(Tokens.password("inspector-hn"))
                .get("/api/v1/inspections/cors-everywhere");
        leaky.then().statusCode(200);
        assertNoCorsHeaders(leaky);
        given().header("Origin", DASHBOARD).auth().oauth2(Tokens.password("inspector-hn"))
                .get("/api/v1/inspections/cors-everywhere").then().statusCode(200)
                .header("Access-Control-Allow-Origin", DASHBOARD);
    }

    @Test
    void challengesFollowRfc6750() {
        given().get("/api/v1/cases").then().statusCode(401).header("WWW-Authenticate", "Bearer");
        String token = Tokens.clientCredentials("province-hn");
        String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
        for (String bad : List.of(tampered, "not-a-token")) {
            given().auth().oauth2(bad).get("/api/v1/cases").then().statusCode(401)
                    .contentType("application/problem+json")
                    .header("WWW-Authenticate", matchesPattern("Bearer error=\"invalid_token\", error_description=\"[^\"]+\""));
        }
        given().auth().oauth2(Tokens.clientCredentials("partner-demo")).get("/api/v1/cases/1").then().statusCode(403)
                .header("WWW-Authenticate", matchesPattern("Bearer error=\"insufficient_scope\", error_description=\"[^\"]+\""));
        // the gateway's own resources answer the same way
        given().get("/api/v1/subscriptions").then().statusCode(401).header("WWW-Authenticate", "Bearer");
        given().auth().oauth2("not-a-token").get("/api/v1/subscriptions").then().statusCode(401)
                .header("WWW-Authenticate", matchesPattern("Bearer error=\"invalid_token\".*"));
        given().auth().oauth2(token).get("/api/v1/subscriptions").then().statusCode(403)
                .header("WWW-Authenticate", matchesPattern("Bearer error=\"insufficient_scope\".*"));
    }

    @Test
    void anExpiredTokenIsNamedSo() throws InterruptedException {
        String shortLived = Tokens.clientCredentials("province-hn-short");
        Thread.sleep(3_500);
        given().auth().oauth2(shortLived).get("/api/v1/cases").then().statusCode(401)
                .header("WWW-Authenticate", "Bearer error=\"invalid_token\", error_description=\"The access token has expired.\"");
    }

    @Test
    void limitedRoutesAnnounceTheLimit() {
        Response first = given().auth().oauth2(Tokens.clientCredentials("province-nb")).get("/api/v1/cases/1");
        first.then().statusCode(200).header("RateLimit-Policy", "\"provincial-system\";q=600;w=60");
        // the bucket refills 10 tokens a second, so what is left is below the capacity by no more than was taken
        assertThat(first.header("RateLimit")).matches("\"provincial-system\";r=\\d+;t=\\d+");
        assertThat(remaining(first.header("RateLimit"))).isBetween(0, 599);
        // the 429 itself (r=0, Retry-After) is checked where the test profile's small limit runs out: EdgeRoutingTest
        // partners' own routes at the gateway too
        given().auth().oauth2(Tokens.clientCredentials("partner-demo-2")).get("/api/v1/subscriptions").then()
                .statusCode(200).header("RateLimit-Policy", "\"partner\";q=600;w=60")
                .header("RateLimit", matchesPattern("\"partner\";r=\\d+;t=\\d+"));
    }

    @Test
    void servicesLearnThePublicAddress() {
        Response r = given().auth().oauth2(Tokens.clientCredentials("province-hn"))
                .header("X-Forwarded-Prefix", "/spoofed").header("Forwarded", "host=spoofed.example")
                .get("/api/v1/cases/1");
        r.then().statusCode(200)
                .body("forwardedProto", equalTo("http"))
                .body("forwardedHost", equalTo("localhost"))
                .body("forwardedPort", equalTo(Integer.toString(io.restassured.RestAssured.port)))
                .body("forwarded", nullValue());
    }

    @Test
    void machineryIsOnTheManagementInterfaceOnly() {
        given().get("/q/metrics").then().statusCode(404);
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP")).body("$", aMapWithSize(1));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP")).body("$", aMapWithSize(1));
        String base = management.getProtocol() + "://" + management.getHost() + ":" + management.getPort();
        given().get(base + "/q/metrics").then().statusCode(200);
        given().get(base + "/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'upstreams' }.data.complaints", equalTo("UP"));
        // the API is not served there
        given().get(base + "/api/v1/cases").then().statusCode(404);
    }

    private static void assertNoCorsHeaders(Response r) {
        assertThat(r.headers().asList()).as(r.statusLine())
                .noneMatch(h -> h.getName().toLowerCase().startsWith("access-control-"));
    }

    private static int remaining(String rateLimit) {
        return Integer.parseInt(rateLimit.replaceAll(".*;r=(\\d+);.*", "$1"));
    }
}
