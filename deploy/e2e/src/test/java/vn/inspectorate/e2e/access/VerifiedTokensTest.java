package vn.inspectorate.e2e.access;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import vn.inspectorate.deploy.Platform;
import vn.inspectorate.e2e.RunningPlatform;

/**
 * A token is verified in full once per process and its verification reused for its next requests, in the gateway and
 * in the service behind it; a token that differs in one character of its signature is still refused after the genuine
 * one was seen.
 */
class VerifiedTokensTest {

    private static final Pattern REUSED =
            Pattern.compile("inspectorate_security_verified_tokens_total\\{[^}]*result=\"reused\"[^}]*} ([0-9.E]+)");

    @Test
    void aTokenIsVerifiedOnceAndAChangedOneIsStillRefused() {
        Platform platform = RunningPlatform.get();
        String token = RunningPlatform.clientToken("province-hn");
        double gatewayBefore = reused(platform, "gateway");
        double complaintsBefore = reused(platform, "complaints-service");

        for (int i = 0; i < 5; i++) {
            given().auth().oauth2(token).get(platform.gatewayUrl() + "/api/v1/cases").then().statusCode(200);
        }

        // the first call may have verified it in full; the next four at least reused that verification
        assertThat(reused(platform, "gateway") - gatewayBefore).isGreaterThanOrEqualTo(4);
        assertThat(reused(platform, "complaints-service") - complaintsBefore).isGreaterThanOrEqualTo(4);

        String[] parts = token.split("\\.");
        char last = parts[2].charAt(parts[2].length() - 2);
        String changed = parts[0] + "." + parts[1] + "." + parts[2].substring(0, parts[2].length() - 2)
                + (last == 'A' ? 'B' : 'A') + parts[2].charAt(parts[2].length() - 1);
        given().auth().oauth2(changed).get(platform.gatewayUrl() + "/api/v1/cases").then().statusCode(401);
        given().auth().oauth2(changed).get(platform.serviceUrl("complaints-service") + "/api/v1/cases")
                .then().statusCode(401);
        given().auth().oauth2(token).get(platform.serviceUrl("complaints-service") + "/api/v1/cases")
                .then().statusCode(200);
    }

    private static double reused(Platform platform, String module) {
        String metrics = given().get(platform.managementUrl(module) + "/q/metrics").then().statusCode(200).extract()
                .asString();
        Matcher m = REUSED.matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
