package vn.inspectorate.platform.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.runtime.OidcIdentityProvider;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Verifies a bearer access token once for all of its requests: the first request goes through the OIDC provider's
 * full check (signature against the realm's keys, issuer, expiry, claims, roles), and its identity is kept in
 * {@link VerifiedTokens} until the token expires; a later request with the same token gets that identity, bound to
 * its own HTTP request. Every service still verifies every token it acts on, only not the same one twice. Runs before
 * the OIDC provider (a higher priority), and hands it every token it has not seen, so a wrong or changed token is
 * refused exactly as before. Code-flow sessions (ID tokens) are left to the OIDC provider.
 */
@ApplicationScoped
public class VerifiedTokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    /** Marks an identity served from the cache (for tests and logs; it carries nothing else). */
    public static final String FROM_CACHE = "inspectorate.token-verified-earlier";

    private final OidcIdentityProvider oidc;
    private final VerifiedTokens<SecurityIdentity> verified;
    private final boolean enabled;
    private final Counter hits;
    private final Counter misses;

    VerifiedTokenIdentityProvider(OidcIdentityProvider oidc, MeterRegistry registry,
            @ConfigProperty(name = "inspectorate.security.verified-tokens.enabled", defaultValue = "true")
            boolean enabled,
            @ConfigProperty(name = "inspectorate.security.verified-tokens.max-entries", defaultValue = "2000")
            int maxEntries,
            @ConfigProperty(name = "inspectorate.security.verified-tokens.max-age", defaultValue = "PT10M")
            Duration maxAge) {
        this.oidc = oidc;
        this.enabled = enabled;
        this.verified = new VerifiedTokens<>(maxEntries, maxAge, Clock.systemUTC());
        this.hits = Counter.builder("inspectorate.security.verified.tokens").tag("result", "reused")
                .description("Bearer tokens whose earlier verification was reused").register(registry);
        this.misses = Counter.builder("inspectorate.security.verified.tokens").tag("result", "verified")
                .description("Bearer tokens verified in full").register(registry);
    }

    /** Above the OIDC provider's (which keeps the default): asked first, it hands that provider what it has not seen. */
    @Override
    public int priority() {
        return SYSTEM_FIRST + 1000;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request,
            AuthenticationRequestContext context) {
        RoutingContext http = HttpSecurityUtils.getRoutingContextAttribute(request);
        if (!enabled || !(request.getToken() instanceof AccessTokenCredential) || http == null) {
            // not a bearer token of an HTTP request: the OIDC provider (next in line) decides
            return Uni.createFrom().nullItem();
        }
        String token = request.getToken().getToken();
        var earlier = verified.find(token);
        if (earlier.isPresent()) {
            hits.increment();
            return Uni.createFrom().item(boundTo(earlier.get(), http));
        }
        misses.increment();
        return oidc.authenticate(request, context).invoke(identity -> {
            if (identity != null && identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getExpirationTime() > 0) {
                verified.keep(token, Instant.ofEpochSecond(jwt.getExpirationTime()), identity);
            }
        });
    }

    /** The kept identity with this request's HTTP context in place of the first request's. */
    static SecurityIdentity boundTo(SecurityIdentity kept, RoutingContext http) {
        var identity = QuarkusSecurityIdentity.builder(kept)
                .addAttribute(RoutingContext.class.getName(), http)
                .addAttribute(FROM_CACHE, Boolean.TRUE);
        Object blocking = http.get(AuthenticationRequestContext.class.getName());
        if (blocking != null) {
            identity.addAttribute(AuthenticationRequestContext.class.getName(), blocking);
        }
        return identity.build();
    }
}
