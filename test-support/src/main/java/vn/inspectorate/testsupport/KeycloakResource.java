package vn.inspectorate.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Turns token checking on against the JVM's real Keycloak, for tests that use real tokens (see {@link Tokens}). */
public class KeycloakResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        String issuer = TestServers.keycloak().issuer();
        return Map.of(
                "quarkus.oidc.tenant-enabled", "true",
                "%test.quarkus.oidc.tenant-enabled", "true",
                "quarkus.oidc.auth-server-url", issuer,
                "%test.quarkus.oidc.auth-server-url", issuer);
    }

    @Override
    public void stop() {
        // Keycloak lives for the whole JVM: see TestServers
    }
}
