package vn.inspectorate.dashboard.web;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;
import io.quarkus.oidc.IdToken;
import jakarta.inject.Inject;

/** Who is signed in: name, roles and, for a provincial user, the province the access token names. */
@RequestScoped
public class CurrentUser {

    @Inject
    SecurityIdentity identity;

    @Inject
    @IdToken
    JsonWebToken idToken;

    @Inject
    JsonWebToken accessToken;

    public String name() {
        String preferred = idToken == null ? null : idToken.getClaim("preferred_username");
        return preferred != null ? preferred : identity.getPrincipal().getName();
    }

    public boolean has(String role) {
        return identity.hasRole(role);
    }

    /** The province (e.g. {@code VN-18}) of a provincial user; empty for central staff, who may pick any. */
    public Optional<String> province() {
        Object claim = accessToken == null ? null : accessToken.getClaim("province");
        return claim == null || claim.toString().isBlank() ? Optional.empty() : Optional.of(claim.toString());
    }

    public boolean central() {
        return province().isEmpty();
    }

    /** Declarations pages are for asset controllers only. */
    public boolean assetController() {
        return has("asset-controller");
    }
}
