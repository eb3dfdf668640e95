package vn.inspectorate.testsupport;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

/**
 * What every service of the platform answers once it has started on real PostgreSQL and Kafka: readiness (database
 * and outbox), liveness, its OpenAPI document, metrics, and a problem response for an unknown route. A module runs it
 * with a {@code @QuarkusTest} subclass that names its OpenAPI title.
 */
public abstract class ServiceSmokeTest {

    /** The title the service's OpenAPI document carries. */
    protected abstract String openApiTitle();

    @Test
    void readyWithDatabaseAndOutbox() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("outbox", "Database connections health check"));
    }

    @Test
    void live() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void servesItsOpenApiDocument() {
        given().accept("application/json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("openapi", startsWith("3."))
                .body("info.title", equalTo(openApiTitle()));
    }

    @Test
    void exposesMetrics() {
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("inspectorate_outbox_sent"));
    }

    @Test
    void unknownRouteIsAProblem() {
        given().when().get("/api/v1/no-such-thing")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("title", equalTo("Not Found"));
    }
}
