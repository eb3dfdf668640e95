package vn.inspectorate.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.inspectorate.deploy.Platform;

/** The one-command platform comes up whole: every service ready against real PostgreSQL, Kafka and Keycloak. */
class PlatformStartsTest {

    @Test
    void everyServiceIsReadyWithItsDatabaseAndBroker() {
        Platform platform = RunningPlatform.get();
        for (Platform.Service service : Platform.SERVICES) {
            String body = given().get(platform.serviceUrl(service.module()) + "/q/health/ready")
                    .then().statusCode(200).extract().asString();
            assertThat(body).as(service.module()).contains("\"status\": \"UP\"").contains("Database connections health check");
        }
    }

    @Test
    void keycloakIssuesTokensWithTheProvinceClaim() {
        String token = RunningPlatform.clientToken("province-hn");
        String claims = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        assertThat(claims).contains("\"province\":\"VN-HN\"").contains("provincial-system");
        assertThat(RunningPlatform.userToken("inspector-nb")).isNotBlank();
    }
}
