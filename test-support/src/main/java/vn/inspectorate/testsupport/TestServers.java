package vn.inspectorate.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import vn.inspectorate.infra.KeycloakServer;
import vn.inspectorate.infra.KafkaServer;
import vn.inspectorate.infra.PostgresServer;

/**
 * The real servers of one test JVM: each starts on first use and stops when the JVM exits, however many times
 * Quarkus restarts between test classes. Fault tests stop and start them through these handles.
 */
public final class TestServers {

    private static PostgresServer postgres;
    private static KafkaServer kafka;
    private static KeycloakServer keycloak;

    public static synchronized PostgresServer postgres() {
        if (postgres == null) {
            postgres = PostgresServer.temporary().start();
            Runtime.getRuntime().addShutdownHook(new Thread(postgres::stop, "stop-postgres"));
        }
        return postgres;
    }

    public static synchronized KafkaServer kafka() {
        if (kafka == null) {
            kafka = KafkaServer.temporary().start();
            Runtime.getRuntime().addShutdownHook(new Thread(kafka::stop, "stop-kafka"));
        }
        return kafka;
    }

    /**
     * A real Keycloak with the platform's realm, in a fresh folder so the realm is always the committed one. The module
     * copies the distribution with {@code maven-dependency-plugin} and names it, and the realm file, in the system
     * properties {@code keycloak.distribution} and {@code keycloak.realm-file} (see the gateway's pom).
     */
    public static synchronized KeycloakServer keycloak() {
        if (keycloak == null) {
            Path distribution = Path.of(required("keycloak.distribution"));
            Path realm = Path.of(required("keycloak.realm-file"));
            try {
                Path home = Files.createTempDirectory("inspectorate-keycloak-").resolve("server");
                keycloak = KeycloakServer.create(distribution, home, 0, realm, "inspectorate", List.of()).start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(keycloak::stop, "stop-keycloak"));
        }
        return keycloak;
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + property + " is not set: the module's pom must set it"
                    + " for surefire (see TestServers.keycloak)");
        }
        return value;
    }

    private TestServers() {
    }
}
