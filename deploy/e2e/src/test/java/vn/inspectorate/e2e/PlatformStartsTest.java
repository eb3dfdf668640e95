package vn.inspectorate.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;
import vn.inspectorate.deploy.Platform;

/**
 * The one-command platform comes up whole: every service ready against real PostgreSQL, Kafka and Keycloak, its
 * machinery (full health checks, metrics) on its management port and only the bare status on its public one.
 */
class PlatformStartsTest {

    @Test
    void everyServiceIsReadyWithItsDatabaseAndBroker() {
        Platform platform = RunningPlatform.get();
        for (Platform.Service service : Platform.SERVICES) {
            String body = given().get(platform.managementUrl(service.module()) + "/q/health/ready")
                    .then().statusCode(200).extract().asString();
            assertThat(body).as(service.module()).contains("\"status\": \"UP\"");
            if (service.database() != null) {
                // the services; the dashboard has no database and, so far, no metrics
                assertThat(body).as(service.module()).contains("Database connections health check");
                given().get(platform.managementUrl(service.module()) + "/q/metrics").then().statusCode(200);
            }
        }
    }

    @Test
    void thePublicPortsShowTheApiNotTheMachinery() {
        Platform platform = RunningPlatform.get();
        for (Platform.Service service : Platform.SERVICES) {
            String url = platform.serviceUrl(service.module());
            if (service.module().equals("dashboard")) {
                // a web application for people, with no API of its own: its open page answers, its machinery does not
                given().get(url + "/dashboard/signed-out").then().statusCode(200);
                given().get(url + "/q/metrics").then().statusCode(404);
                given().get(url + "/dashboard/q/metrics").then().statusCode(404);
                continue;
            }
            String ready = given().get(url + "/q/health/ready").then().statusCode(200).extract().asString();
            assertThat(ready).as(service.module()).isEqualTo("{\"status\":\"UP\"}");
            given().get(url + "/q/metrics").then().statusCode(404);
            given().accept("application/json").get(url + "/q/openapi").then().statusCode(200);
        }
    }

    @Test
    void swaggerUiSwitchedOnIsServedUnderItsOwnPolicy() {
        String gateway = RunningPlatform.get().gatewayUrl();
        given().get(gateway + "/q/swagger-ui/").then().statusCode(200)
                .contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"));
        // the API itself keeps the policy that allows nothing
        given().accept("application/json").get(gateway + "/q/openapi").then().statusCode(200)
                .header("Content-Security-Policy", startsWith("default-src 'none'"));
    }

    @Test
    void keycloakIssuesTokensWithTheProvinceClaim() {
        String token = RunningPlatform.clientToken("province-hn");
        String claims = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        assertThat(claims).contains("\"province\":\"VN-HN\"").contains("provincial-system");
        assertThat(RunningPlatform.userToken("inspector-nb")).isNotBlank();
    }
}
