package vn.inspectorate.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import vn.inspectorate.testsupport.KafkaResource;
import vn.inspectorate.testsupport.KeycloakResource;
import vn.inspectorate.testsupport.PostgresResource;
import vn.inspectorate.testsupport.Tokens;

/** The edge with real Keycloak tokens against stub services: routing, token and id propagation, every refusal. */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KeycloakResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = StubServicesResource.class, scope = TestResourceScope.GLOBAL)
class EdgeRoutingTest {

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "inspectorate.gateway.ejection-time")
    java.time.Duration ejectionTime;

    @Test
    void routesToTheOwnerWithTheTokenAndTheRequestId() {
        String token = Tokens.clientCredentials("province-hn");
        Response r = given().auth().oauth2(token).header("X-Request-Id", "req-hn-0001")
                .get("/api/v1/cases/42/history?page=2");
        r.then().statusCode(200).header("X-Request-Id", "req-hn-0001");
        JsonPath echo = r.jsonPath();
        assertThat(echo.getString("instance")).startsWith("complaints-");
        assertThat(echo.getString("uri")).isEqualTo("/api/v1/cases/42/history?page=2");
        assertThat(echo.getString("authorization")).isEqualTo("Bearer " + token);
        assertThat(echo.getString("requestId")).isEqualTo("req-hn-0001");
        assertThat(echo.getString("forwardedFor")).isNotBlank();
    }

    @Test
    void createsARequestIdWhenNoneOrAnUnsafeOneIsGiven() {
        String token = Tokens.password("inspector-hn");
        for (String offered : new String[] {null, "bad id\nwith newline"}) {
            var request = given().auth().oauth2(token);
            if (offered != null) {
                request = request.header("X-Request-Id", offered);
            }
            Response r = request.get("/api/v1/inspections/7");
            r.then().statusCode(200);
            String id = r.header("X-Request-Id");
            assertThat(id).isNotBlank().isNotEqualTo(offered);
            assertThat(r.jsonPath().getString("requestId")).isEqualTo(id);
            assertThat(r.jsonPath().getString("instance")).isEqualTo("inspection");
        }
    }

    @Test
    void forwardsTheCallersTraceContextOrStartsATrace() {
        String token = Tokens.password("inspector-hn");
        String offered = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        assertThat(given().auth().oauth2(token).header("traceparent", offered).get("/api/v1/inspections/7").then()
                .statusCode(200).extract().jsonPath().getString("traceparent")).isEqualTo(offered);
        for (String invalid : new String[] {null, "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
                "not a trace"}) {
            var request = given().auth().oauth2(token);
            if (invalid != null) {
                request = request.header("traceparent", invalid);
            }
            String forwarded = request.get("/api/v1/inspections/7").then().statusCode(200).extract().jsonPath()
                    .getString("traceparent");
            assertThat(forwarded).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01").isNotEqualTo(invalid);
        }
    }

    @Test
    void everyPrefixReachesItsOwner() {
        String analyst = Tokens.password("analyst");
        assertThat(instanceAt(analyst, "/api/v1/inspection-plans/2026")).isEqualTo("inspection");
        assertThat(instanceAt(analyst, "/api/v1/reports/summary")).isEqualTo("reporting");
        assertThat(instanceAt(analyst, "/api/v1/cases")).startsWith("complaints-");
        // a collection's custom method (the batch intake's alias) goes where the collection goes
        assertThat(instanceAt(analyst, "/api/v1/cases:batch")).startsWith("complaints-");
        given().auth().oauth2(analyst).urlEncodingEnabled(false).get("/api/v1/cases%3Abatch").then().statusCode(200)
                .body("instance", org.hamcrest.Matchers.startsWith("complaints-"));
        // the declarations service is down in this setup: its prefix is routed there nonetheless (502/503, not 404)
        int status = given().auth().oauth2(Tokens.password("asset-controller")).get("/api/v1/declarants/1")
                .then().extract().statusCode();
        assertThat(status).isIn(502, 503);
    }

    @Test
    void balancesInstancesAndTakesADownOneOutOfRotation() {
        String token = Tokens.clientCredentials("province-nb");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 9; i++) {
            seen.add(instanceAt(token, "/api/v1/cases/" + i));
        }
        assertThat(seen).containsExactlyInAnyOrder("complaints-a", "complaints-b");
    }

    @Test
    void streamsRequestBodiesThrough() {
        String body = "{\"subject\":\"" + "x".repeat(20_000) + "\"}";
        given().auth().oauth2(Tokens.clientCredentials("province-hn")).contentType("application/json").body(body)
                .post("/api/v1/cases").then().statusCode(200)
                .body("method", equalTo("POST")).body("bodyLength", equalTo(body.length())).body("body", equalTo(body));
    }

    @Test
    void noOrInvalidTokenIs401Problem() {
        given().get("/api/v1/cases").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer").body("status", equalTo(401));
        String token = Tokens.clientCredentials("province-hn");
        String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
        given().auth().oauth2(tampered).get("/api/v1/cases").then().statusCode(401)
                .contentType("application/problem+json");
        given().auth().oauth2("not-a-token").get("/api/v1/reports").then().statusCode(401);
    }

    @Test
    void wrongRoleIs403Problem() {
        String partner = Tokens.clientCredentials("partner-demo");
        // the gateway's problems are Vietnamese unless the request prefers English
        given().auth().oauth2(partner).get("/api/v1/cases/1").then().statusCode(403)
                .contentType("application/problem+json").header("Content-Language", "vi")
                .body("title", equalTo("Không có quyền truy cập"))
                .body("detail", equalTo("Vai trò của bạn không được phép thực hiện yêu cầu này."));
        given().auth().oauth2(partner).header("Accept-Language", "en-US,vi;q=0.5").get("/api/v1/cases/1").then()
                .statusCode(403).header("Content-Language", "en").body("title", equalTo("Forbidden"));
        given().auth().oauth2(partner).get("/api/v1/inspections").then().statusCode(403);
        // partners read report aggregates but write nothing there
        assertThat(instanceAt(partner, "/api/v1/reports/public/summary")).isEqualTo("reporting");
        given().auth().oauth2(partner).contentType("application/json").body("{}").post("/api/v1/reports/exports")
                .then().statusCode(403);
        given().auth().oauth2(Tokens.password("asset-controller")).get("/api/v1/cases").then().statusCode(403);
        given().auth().oauth2(partner).get("/api/v1/declarations/1").then().statusCode(403);
    }

    @Test
    void aRefusedRequestWithABodyLeavesTheConnectionUsable() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest refused = HttpRequest.newBuilder(URI.create(gatewayUrl() + "/api/v1/cases"))
                .header("Authorization", "Bearer " + Tokens.clientCredentials("partner-demo"))
                .header("Content-Type", "application/json").timeout(java.time.Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString("{\"subject\":\"" + "y".repeat(30_000) + "\"}")).build();
        assertThat(client.send(refused, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
        HttpRequest next = HttpRequest.newBuilder(URI.create(gatewayUrl() + "/api/v1/cases/1"))
                .header("Authorization", "Bearer " + Tokens.clientCredentials("province-hn"))
                .timeout(java.time.Duration.ofSeconds(10)).GET().build();
        assertThat(client.send(next, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    }

    @Test
    void unknownRouteIs404ProblemEvenWithAToken() {
        String token = Tokens.password("analyst");
        given().auth().oauth2(token).get("/api/v1/nothing-here").then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
        // a prefix matches whole segments only
        given().auth().oauth2(token).get("/api/v1/casesx").then().statusCode(404);
        // dot segments cannot climb out of a route the caller may use into one they may not
        given().auth().oauth2(Tokens.clientCredentials("partner-demo")).get("/api/v1/reports/../cases/1")
                .then().statusCode(403);
    }

    @Test
    void slowServiceIs504ProblemNotAHang() {
        // the one instance answers after 10 s, past the route's timeout: a 504 (how soon is for the benchmarks to
        // measure), and the instance leaves the rotation (a service of its own, so no other test meets it ejected)
        Response timedOut = given().auth().oauth2(Tokens.clientCredentials("province-nb"))
                .get("/api/v1/timeout/things");
        timedOut.then().statusCode(504).contentType("application/problem+json").body("status", equalTo(504))
                .body("type", endsWith("/gateway-timeout"));
        assertThat(Long.parseLong(timedOut.header("Retry-After"))).isBetween(1L, ejectionTime.toSeconds());
    }

    @Test
    void aServiceNoInstanceOfWhichTakesTheRequestIs503WithRetryAfterAndIsAskedAgainEachTime() {
        // the one instance of this route is called by this test alone: every call finds the connection refused, the
        // first because nothing listens, the next because an instance ejected only for a refused connection is still
        // tried when no other is left (one restarted meanwhile would answer)
        String token = Tokens.clientCredentials("province-hn");
        for (int call = 1; call <= 2; call++) {
            Response unavailable = given().auth().oauth2(token).get("/api/v1/unreachable/things");
            unavailable.then().statusCode(503).contentType("application/problem+json")
                    .body("type", endsWith("/service-unavailable"));
            // until the instance is out of its ejection: at most the ejection time
            assertThat(Long.parseLong(unavailable.header("Retry-After"))).isBetween(1L, ejectionTime.toSeconds());
        }
    }

    @Test
    void serviceErrorsPassThroughUnchanged() {
        given().auth().oauth2(Tokens.password("inspector-hn")).get("/api/v1/inspections/fail").then().statusCode(500)
                .body("instance", equalTo("inspection"));
    }

    @Test
    void oversizeBodyIs413Problem() throws Exception {
        String token = Tokens.clientCredentials("province-nb");
        byte[] big = new byte[100 * 1024];
        given().auth().oauth2(token).contentType("application/json").body(big).post("/api/v1/cases").then()
                .statusCode(413).contentType("application/problem+json");
        // a chunked body without Content-Length is counted as it streams: sent over a raw socket up to just past the
        // limit (64K in the test profile), then the answer is read; nothing more is sent, so the connection is not
        // reset under an unread body and the answer cannot be lost
        try (java.net.Socket socket = new java.net.Socket("localhost", io.restassured.RestAssured.port)) {
            socket.setSoTimeout(15_000);
            var out = socket.getOutputStream();
            out.write(("POST /api/v1/cases HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                    + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            byte[] chunk = new byte[8 * 1024];
            java.util.Arrays.fill(chunk, (byte) ' ');
            for (int sent = 0; sent <= 64 * 1024; sent += chunk.length) {
                out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                out.write(chunk);
                out.write("\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            }
            out.flush();
            String head = readHead(socket.getInputStream());
            assertThat(head).startsWith("HTTP/1.1 413");
            assertThat(head.toLowerCase(java.util.Locale.ROOT)).contains("content-type: application/problem+json");
        }
    }

    /** The status line and headers of an HTTP/1.1 answer. */
    private static String readHead(java.io.InputStream in) throws java.io.IOException {
        StringBuilder head = new StringBuilder();
        int b;
        while ((b = in.read()) != -1) {
            head.append((char) b);
            if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
                break;
            }
        }
        return head.toString();
    }

    @Test
    void rateLimitPerClientIs429WithRetryAfterAndCounted() {
        // platform-admin is limited to 3 requests an hour in the test profile
        String token = Tokens.password("admin");
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(token).get("/api/v1/cases").then().statusCode(200);
        }
        Response limited = given().auth().oauth2(token).get("/api/v1/cases");
        limited.then().statusCode(429).contentType("application/problem+json").body("status", equalTo(429))
                .header("RateLimit-Policy", "\"platform-admin\";q=3;w=3600");
        assertThat(Long.parseLong(limited.header("Retry-After"))).isPositive();
        assertThat(limited.header("RateLimit")).matches("\"platform-admin\";r=0;t=[1-9]\\d*");
        // another client is not affected
        given().auth().oauth2(Tokens.password("analyst")).get("/api/v1/cases").then().statusCode(200);
        String metrics = given().get(managementUrl() + "/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).containsPattern("inspectorate_gateway_rate_limited_total\\{[^}]*role=\"platform-admin\"[^}]*} [1-9]");
    }

    @Test
    void theRequestIdIsInTheLogLinesOfTheRequest() {
        List<String> ids = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                try {
                    Object id = record.getClass().getMethod("getMdc", String.class).invoke(record, "requestId");
                    synchronized (ids) {
                        ids.add(record.getMessage() + " | " + id);
                    }
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger("vn.inspectorate.gateway.routing");
        logger.addHandler(capture);
        try {
            given().auth().oauth2(Tokens.password("inspector-hn")).header("X-Request-Id", "log-check-77")
                    .get("/api/v1/inspections/logged").then().statusCode(200);
        } finally {
            logger.removeHandler(capture);
        }
        synchronized (ids) {
            assertThat(ids).anySatisfy(line -> assertThat(line).contains("/api/v1/inspections/logged")
                    .endsWith("| log-check-77"));
            assertThat(ids).allSatisfy(line -> assertThat(line).endsWith("| log-check-77"));
        }
    }

    @Test
    void readinessNamesReachableAndDownServices() {
        given().get(managementUrl() + "/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'upstreams' }.data.complaints", equalTo("UP"))
                .body("checks.find { it.name == 'upstreams' }.data.reporting", equalTo("UP"))
                .body("checks.find { it.name == 'upstreams' }.data.declarations", equalTo("DOWN"));
    }

    @Test
    void servesOneOpenApiDocumentMergingTheServices() {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath doc = given().accept("application/json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
            assertThat(doc.getString("info.title")).isEqualTo("Inspectorate platform API");
            java.util.Map<String, Object> paths = doc.getMap("paths");
            assertThat(paths).containsKeys("/api/v1/cases", "/api/v1/inspections", "/api/v1/reports/summary",
                    "/api/v1/subscriptions");
            assertThat(doc.getMap("components.schemas")).containsKeys("CaseView", "InspectionView", "Summary");
        });
    }

    @Test
    void everyPathTheServicesPublishIsRoutedWithTheirRoles() {
        String analyst = Tokens.password("analyst");
        assertThat(instanceAt(analyst, "/api/v1/watchlist/without-progress")).startsWith("complaints-");
        assertThat(instanceAt(analyst, "/api/v1/overlaps")).isEqualTo("inspection");
        assertThat(instanceAt(Tokens.clientCredentials("province-hn"), "/api/v1/follow-ups/overdue"))
                .isEqualTo("inspection");
        assertThat(instanceAt(Tokens.clientCredentials("partner-demo"), "/api/v1/administrative-units"))
                .startsWith("complaints-");
        // the declarations service is down here: routed (502/503), not an unknown address (404) nor a refused role
        for (String path : List.of("/api/v1/access-log", "/api/v1/declarations/1/summary",
                "/api/v1/verification-plans/1")) {
            assertThat(given().auth().oauth2(analyst).get(path).then().extract().statusCode()).as(path).isIn(502, 503);
        }
        // the public view is routed without a token, for partners as for anyone
        assertThat(given().header("X-Forwarded-For", "198.51.100.20").get("/api/v1/public-declarations/1").then()
                .extract().statusCode()).isIn(502, 503);
        given().auth().oauth2(Tokens.clientCredentials("province-hn")).get("/api/v1/access-log").then().statusCode(403);
    }

    @Test
    void anAnonymousRouteAnswersReadsWithoutATokenAndForwardsNone() {
        String client = "198.51.100.10";
        given().header("X-Forwarded-For", client).get("/api/v1/open-stub/7").then().statusCode(200)
                .body("instance", equalTo("reporting")).body("uri", equalTo("/api/v1/open-stub/7"))
                .body("authorization", nullValue())
                .header("RateLimit-Policy", "\"anonymous\";q=3;w=3600");
        // a token sent along is neither checked nor forwarded: the answer is the same for everyone
        given().auth().oauth2("not-a-token").header("X-Forwarded-For", client).get("/api/v1/open-stub/7").then()
                .statusCode(200).body("authorization", nullValue());
        // writes on it still need a token, and every other route does
        given().header("X-Forwarded-For", client).contentType("application/json").body("{}")
                .post("/api/v1/open-stub/7").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer");
        given().get("/api/v1/reports/summary").then().statusCode(401).contentType("application/problem+json");
        given().get("/api/v1/declarants/1").then().statusCode(401);
    }

    @Test
    void anonymousCallersAreLimitedPerClientAddressAndRoute() {
        String client = "203.0.113.7";
        for (int i = 0; i < 3; i++) {
            given().header("X-Forwarded-For", client).get("/api/v1/open-stub/1").then().statusCode(200);
        }
        Response limited = given().header("X-Forwarded-For", client).get("/api/v1/open-stub/1");
        limited.then().statusCode(429).contentType("application/problem+json").body("status", equalTo(429))
                .body("type", endsWith("/rate-limited"))
                .header("RateLimit-Policy", "\"anonymous\";q=3;w=3600")
                .header("RateLimit", org.hamcrest.Matchers.matchesPattern("\"anonymous\";r=0;t=[1-9]\\d*"));
        assertThat(Long.parseLong(limited.header("Retry-After"))).isPositive();
        // naming another address before the trusted proxy's own entry does not escape: the last untrusted hop counts
        given().header("X-Forwarded-For", "192.0.2.99, " + client).get("/api/v1/open-stub/1").then().statusCode(429);
        // another address is not affected, nor is the same address on another public route
        given().header("X-Forwarded-For", "203.0.113.8").get("/api/v1/open-stub/1").then().statusCode(200);
        assertThat(given().header("X-Forwarded-For", client).get("/api/v1/public-declarations/1").then().extract()
                .statusCode()).isIn(502, 503);
    }

    private static String instanceAt(String token, String path) {
        return given().auth().oauth2(token).get(path).then().statusCode(200).extract().path("instance");
    }

    private String managementUrl() {
        return management.getProtocol() + "://" + management.getHost() + ":" + management.getPort();
    }

    private static String gatewayUrl() {
        return "http://localhost:" + io.restassured.RestAssured.port;
    }
}
