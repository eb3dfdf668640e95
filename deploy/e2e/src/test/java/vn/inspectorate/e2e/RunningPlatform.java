package vn.inspectorate.e2e;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import vn.inspectorate.deploy.Platform;

/**
 * The real platform, started once for the whole test JVM by the same code as {@code ./platform}, on free ports in a
 * temporary folder, and stopped when the JVM exits.
 */
final class RunningPlatform {

    private static Platform platform;

    static synchronized Platform get() {
        if (platform == null) {
            Path root = Path.of(System.getProperty("platform.root", "../..")).toAbsolutePath().normalize();
            try {
                Path data = Files.createTempDirectory("inspectorate-e2e-");
                platform = Platform.start(Platform.Options.ephemeral(root, data, line -> System.out.println("[platform] " + line)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "stop-platform"));
        }
        return platform;
    }

    /** A token for one of the realm's demo confidential clients (local secrets follow one pattern). */
    static String clientToken(String clientId) {
        return token("grant_type", "client_credentials", "client_id", clientId, "client_secret", clientId + "-local-secret");
    }

    /** A token for one of the realm's demo users (their passwords equal their names). */
    static String userToken(String username) {
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
