package vn.inspectorate.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.net.URL;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import vn.inspectorate.testsupport.KafkaResource;
import vn.inspectorate.testsupport.KeycloakResource;
import vn.inspectorate.testsupport.PostgresResource;
import vn.inspectorate.testsupport.Tokens;

/**
 * Retries on the other instance of a service (real HTTP stubs, see {@link StubServicesResource}): after a 503, a
 * timeout or a broken connection, a request that is safe to send twice reaches the working instance; any other write
 * gets a problem with {@code Retry-After}; the failing instance leaves the rotation and the readiness check says so.
 * Each failure has services of its own, as an ejection lasts the test profile's 30 s.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KeycloakResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = StubServicesResource.class, scope = TestResourceScope.GLOBAL)
class UpstreamRetryTest {

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @ConfigProperty(name = "gateway-test.retry-503-failing-url")
    String failing503;

    @Test
    void a503IsRetriedOnTheOtherInstanceForSafeRequestsAndTheInstanceIsEjected() {
        String token = Tokens.clientCredentials("province-hn");
        String body = "{\"sourceReference\":\"" + UUID.randomUUID() + "\",\"text\":\"" + "z".repeat(5_000) + "\"}";
        // the first request goes to the first instance (503): a natural-keyed write, its body sent again whole
        given().auth().oauth2(token).contentType("application/json").body(body).post("/api/v1/retry-503/natural")
                .then().statusCode(200).body("instance", equalTo("retry-503-b")).body("method", equalTo("POST"))
                .body("body", equalTo(body));
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(token).get("/api/v1/retry-503/things/" + i).then().statusCode(200)
                    .body("instance", equalTo("retry-503-b"));
        }
        // the failing instance is out of the rotation, the service still up
        given().get(managementUrl() + "/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.find { it.name == 'upstreams' }.data.retry-503", equalTo("UP"))
                .body("checks.find { it.name == 'upstreams' }.data['retry-503 " + failing503 + "']",
                        equalTo("EJECTED"))
                .body("checks.find { it.name == 'upstreams' }.data['retry-503 " + failing503 + " detail']",
                        org.hamcrest.Matchers.startsWith("answered 503"));
    }

    @Test
    void aWriteThatIsNotSafeToRepeatGetsA503ProblemWithRetryAfter() {
        String token = Tokens.clientCredentials("province-hn");
        // the one instance answers a plain-text 503: the gateway answers its own problem
        Response refused = given().auth().oauth2(token).contentType("application/json").body("{\"n\":1}")
                .post("/api/v1/only-503/things");
        refused.then().statusCode(503).contentType("application/problem+json").body("status", equalTo(503))
                .body("type", endsWith("/service-unavailable"));
        assertThat(Long.parseLong(refused.header("Retry-After"))).isPositive();
    }

    @Test
    void aTimeoutIsRetriedOnTheOtherInstanceForReadsOnly() {
        String token = Tokens.clientCredentials("province-hn");
        for (int i = 0; i < 2; i++) {
            given().auth().oauth2(token).get("/api/v1/retry-slow/things/" + i).then().statusCode(200)
                    .body("instance", equalTo("retry-slow-b"));
        }
        Response timedOut = given().auth().oauth2(token).contentType("application/json").body("{}")
                .post("/api/v1/only-slow/things");
        timedOut.then().statusCode(504).contentType("application/problem+json").body("type", endsWith("/gateway-timeout"));
        assertThat(Long.parseLong(timedOut.header("Retry-After"))).isPositive();
    }

    @Test
    void aConnectionClosedWithoutAnAnswerIsRetriedForSafeRequestsOnly() {
        String token = Tokens.clientCredentials("province-hn");
        // the first request goes to the dropping instance: a write made safe by its key, sent again whole
        given().auth().oauth2(token).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType("application/json").body("{\"n\":2}").post("/api/v1/retry-drop/things").then()
                .statusCode(200).body("instance", equalTo("retry-drop-b")).body("body", equalTo("{\"n\":2}"));
        given().auth().oauth2(token).get("/api/v1/retry-drop/things/1").then().statusCode(200)
                .body("instance", equalTo("retry-drop-b"));
        // a write without a key may have reached the service: not sent again, but a 502 problem
        Response broken = given().auth().oauth2(token).contentType("application/json").body("{\"n\":3}")
                .post("/api/v1/only-drop/things");
        broken.then().statusCode(502).contentType("application/problem+json").body("type", endsWith("/bad-gateway"));
        assertThat(Long.parseLong(broken.header("Retry-After"))).isPositive();
    }

    private String managementUrl() {
        return management.getProtocol() + "://" + management.getHost() + ":" + management.getPort();
    }
}
