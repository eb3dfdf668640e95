package vn.inspectorate.testsupport;

import static io.restassured.RestAssured.given;

/** Real access tokens from the JVM's Keycloak, for the realm's demo clients and users (local secrets only). */
public final class Tokens {

    /** The demo confidential clients' secrets follow one pattern, e.g. {@code province-hn-local-secret}. */
    public static String clientCredentials(String clientId) {
        return token("grant_type", "client_credentials", "client_id", clientId, "client_secret", clientId + "-local-secret");
    }

    /** A demo user's token through the public dashboard client; demo passwords equal the user names. */
    public static String password(String username) {
        return token("grant_type", "password", "client_id", "inspectorate-dashboard", "username", username,
                "password", username);
    }

    private static String token(String... form) {
        var request = given().contentType("application/x-www-form-urlencoded");
        for (int i = 0; i < form.length; i += 2) {
            request = request.formParam(form[i], form[i + 1]);
        }
        return request.post(TestServers.keycloak().tokenUrl()).then().statusCode(200).extract().path("access_token");
    }

    private Tokens() {
    }
}
