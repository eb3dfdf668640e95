package vn.inspectorate.dashboard.web;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Browser protections on every answer: scripts and styles from this application only (no inline script), no framing,
 * forms posted here or to the sign-in server (logout goes on to Keycloak), pages never kept by shared caches; the
 * application's own scripts, styles and chart library cached a day.
 */
@ApplicationScoped
public class PageHeaders {

    private final String policy;

    PageHeaders(@ConfigProperty(name = "quarkus.oidc.auth-server-url") String authServer) {
        URI server = URI.create(authServer);
        String origin = server.getScheme() + "://" + server.getAuthority();
        this.policy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                + "connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'self' " + origin
                + "; frame-ancestors 'none'";
    }

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            ctx.addHeadersEndHandler(v -> {
                MultiMap headers = ctx.response().headers();
                headers.set("Content-Security-Policy", policy);
                headers.set("X-Content-Type-Options", "nosniff");
                headers.set("X-Frame-Options", "DENY");
                headers.set("Referrer-Policy", "same-origin");
                String path = ctx.normalizedPath();
                boolean asset = path.startsWith("/dashboard/assets/") || path.startsWith("/dashboard/webjars/");
                if (asset && ctx.response().getStatusCode() == 200) {
                    headers.set("Cache-Control", "public, max-age=86400");
                } else {
                    headers.set("Cache-Control", "no-store");
                }
            });
            ctx.next();
        });
    }
}
