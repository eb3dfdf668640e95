package vn.inspectorate.e2e;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import io.restassured.RestAssured;
import vn.inspectorate.deploy.Platform;
import vn.inspectorate.infra.FreePorts;
import vn.inspectorate.testsupport.openapi.CommittedOpenApi;
import vn.inspectorate.testsupport.openapi.OpenApiValidationFilter;

/**
 * The real platform, started once for the whole test JVM by the same code as {@code ./platform}, on free ports in a
 * temporary folder, and stopped when the JVM exits.
 */
public final class RunningPlatform {

    /** Ports kept free for the tests' webhook receivers, which the gateway is told to allow (they are on loopback). */
    public static final List<Integer> RECEIVER_PORTS = List.of(FreePorts.next(), FreePorts.next(), FreePorts.next());

    private static Platform platform;
    /** A platform that did not start is not tried again by every test class: they all fail with the first cause. */
    private static RuntimeException failure;

    public static synchronized Platform get() {
        if (failure != null) {
            throw failure;
        }
        if (platform == null) {
            Path root = Path.of(System.getProperty("platform.root", "../..")).toAbsolutePath().normalize();
            try {
                Path data = Files.createTempDirectory("inspectorate-e2e-");
                // kept after the run: a failure's service logs are the first thing to read
                System.out.println("[platform] data and service logs in " + data.resolve("logs"));
                platform = Platform.start(Platform.Options
                        .ephemeral(root, data, line -> System.out.println("[platform] " + line))
                        .withServiceEnvironment("gateway", gatewayEnvironment())
                        // the scan of passed deadlines would add overdue notices to earlier tests' cases at a moment no
                        // test chooses, moving the figures tests compare; complaints-service tests cover the scan
                        .withServiceEnvironment("complaints-service",
                                Map.of("INSPECTORATE_COMPLAINTS_OVERDUE_SCAN_EVERY", "off")));
            } catch (IOException e) {
                failure = new UncheckedIOException(e);
                throw failure;
            } catch (RuntimeException e) {
                failure = e;
                throw e;
            }
            Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "stop-platform"));
            // every request and answer of the suite through the gateway is held to the committed merged contract
            RestAssured.filters(OpenApiValidationFilter.counting("platform", CommittedOpenApi.read("platform")
                    .orElseThrow(() -> new IllegalStateException("no committed platform.yaml")), true));
        }
        return platform;
    }

    /**
     * The receivers' addresses are allowed as webhook targets, and the per-role rate limits are raised: one test client
     * sends in minutes what a province's system sends in a day. The 429 itself is covered by the gateway's own tests.
     * Swagger UI is on, as in {@code ./platform}.
     */
    private static Map<String, String> gatewayEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("INSPECTORATE_GATEWAY_WEBHOOKS_ALLOWED_TARGETS", RECEIVER_PORTS.stream()
                .flatMap(p -> Stream.of("localhost:" + p, "127.0.0.1:" + p)).collect(Collectors.joining(",")));
        for (String role : List.of("PROVINCIAL_SYSTEM", "CENTRAL_ANALYST", "INSPECTOR", "ASSET_CONTROLLER",
                "PLATFORM_ADMIN", "PARTNER")) {
            env.put("INSPECTORATE_GATEWAY_RATE_LIMIT_ROLES_" + role + "_CAPACITY", "1000000");
        }
        env.put("INSPECTORATE_GATEWAY_RATE_LIMIT_FALLBACK_CAPACITY", "1000000");
        env.put("INSPECTORATE_GATEWAY_RATE_LIMIT_ANONYMOUS_CAPACITY", "1000000");
        // as ./platform switches it on (production leaves it off, the default the gateway's tests hold to)
        env.put("QUARKUS_SWAGGER_UI_ENABLED", "true");
        return env;
    }

    /** A token for one of the realm's demo confidential clients (local secrets follow one pattern). */
    public static String clientToken(String clientId) {
        return token("grant_type", "client_credentials", "client_id", clientId, "client_secret", clientId + "-local-secret");
    }

    /** A token for one of the realm's demo users (their passwords equal their names). */
    public static String userToken(String username) {
        return token("grant_type", "password", "client_id", "inspectorate-dashboard", "username", username,
                "password", username);
    }

    private static String token(String... form) {
        var request = given().contentType("application/x-www-form-urlencoded");
        for (int i = 0; i < form.length; i += 2) {
            request = request.formParam(form[i], form[i + 1]);
        }
        return request.post(get().keycloak().tokenUrl()).then().statusCode(200).extract().path("access_token");
    }

    private RunningPlatform() {
    }
}
