package vn.inspectorate.platform.security;

import io.quarkus.oidc.runtime.OidcJwtCallerPrincipal;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling and which province or agency the token binds them to. Provincial roles see and write only their
 * province; central roles see the nation. Services use this instead of reading claims themselves.
 */
@RequestScoped
public class CallerScope {

    public static final String PROVINCE_CLAIM = "province";
    public static final String AGENCY_CLAIM = "agency";

    private final SecurityIdentity identity;
    private final JsonWebToken token;

    CallerScope(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
    }

    /** The caller's subject: the user, or the service account of a client. */
    public String subject() {
        return identity.isAnonymous() ? "anonymous" : claim("sub").orElse(identity.getPrincipal().getName());
    }

    /** The client the token was issued to ({@code azp}), e.g. {@code province-hn}. */
    public Optional<String> clientId() {
        return claim("azp");
    }

    public Optional<String> province() {
        return claim(PROVINCE_CLAIM);
    }

    public Optional<String> agency() {
        return claim(AGENCY_CLAIM);
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    /** True for roles that see every province. */
    public boolean isCentral() {
        return identity.hasRole(Roles.CENTRAL_ANALYST) || identity.hasRole(Roles.PLATFORM_ADMIN);
    }

    /** True when the caller may see records of {@code provinceCode}. */
    public boolean maySee(String provinceCode) {
        return isCentral() || province().map(p -> p.equals(provinceCode)).orElse(false);
    }

    private Optional<String> claim(String name) {
        // the verified token's own claims: JsonWebToken.getClaim first looks a claim up among the standard ones and
        // learns that "province" is none by catching an exception, a walk of the request's whole stack each time
        Object value = identity.getPrincipal() instanceof OidcJwtCallerPrincipal jwt
                ? jwt.getClaims().getClaimValue(name)
                : token == null ? null : token.getClaim(name);
        return value == null ? Optional.empty() : Optional.of(value.toString().replace("\"", ""));
    }
}
