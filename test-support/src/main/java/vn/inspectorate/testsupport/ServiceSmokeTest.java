package vn.inspectorate.testsupport;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.http.TestHTTPResource;
import java.net.URL;
import org.junit.jupiter.api.Test;

/**
 * What every service of the platform answers once it has started on real PostgreSQL and Kafka: on the public port,
 * its OpenAPI document, liveness and readiness as a bare status, no metrics, and a problem response for an unknown
 * route; on the management interface, the full readiness (database and outbox) and the metrics. A module runs it
 * with a {@code @QuarkusTest} subclass that names its OpenAPI title.
 */
public abstract class ServiceSmokeTest {

    @TestHTTPResource(value = "/", management = true)
    URL management;

    /** The title the service's OpenAPI document carries. */
    protected abstract String openApiTitle();

    /** The management interface's base address, without a path: {@code http://host:port}. */
    protected String managementUrl() {
        return management.getProtocol() + "://" + management.getHost() + ":" + management.getPort();
    }

    @Test
    void readyWithDatabaseAndOutboxOnTheManagementInterface() {
        given().when().get(managementUrl() + "/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("outbox", "Database connections health check"));
    }

    @Test
    void publicHealthIsTheStatusOnly() {
        for (String path : new String[] {"/q/health/ready", "/q/health/live"}) {
            given().when().get(path).then().statusCode(200).contentType("application/json")
                    .body("status", equalTo("UP")).body("$", aMapWithSize(1));
        }
        given().when().get(managementUrl() + "/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void servesItsOpenApiDocument() {
        given().accept("application/json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("openapi", startsWith("3."))
                .body("info.title", equalTo(openApiTitle()));
    }

    @Test
    void exposesMetricsOnTheManagementInterfaceOnly() {
        given().when().get(managementUrl() + "/q/metrics").then().statusCode(200)
                .body(containsString("inspectorate_outbox_sent"));
        given().when().get("/q/metrics").then().statusCode(404);
        given().when().get("/q/health").then().statusCode(404);
    }

    @Test
    void unknownRouteIsAProblem() {
        given().when().get("/api/v1/no-such-thing")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .header("Content-Language", "vi")
                .body("title", equalTo("Không tìm thấy"));
        // Vietnamese first; English when the request prefers it
        given().header("Accept-Language", "en").when().get("/api/v1/no-such-thing")
                .then().statusCode(404)
                .header("Content-Language", "en")
                .body("title", equalTo("Not found"));
    }
}
