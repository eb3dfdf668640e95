package vn.inspectorate.gateway.edge;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import vn.inspectorate.gateway.routing.RouteTable;
import vn.inspectorate.platform.problem.Problem;

/**
 * Browser-facing protections on every response of the gateway, proxied or its own (problems, 401/403/429/5xx, the
 * OpenAPI document): no content sniffing, no framing, no referrer, a content security policy that lets an API answer
 * load nothing, and {@code Cache-Control: no-store} on whatever answered a token or failed, so no shared cache keeps
 * one caller's data or a passing error. Set when the head is written, so they replace whatever a service sent.
 */
@ApplicationScoped
public class SecurityHeaders {

    /** An API answer is data, never a document that loads or frames anything. */
    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";
    /**
     * Swagger UI is a page: its own scripts and styles (and the inline start-up script and styles it ships with), its
     * icons as data URIs, and the OpenAPI document fetched from the same origin.
     */
    static final String SWAGGER_UI_POLICY = "default-src 'none'; script-src 'self' 'unsafe-inline'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
            + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    static final String SWAGGER_UI_PATH = "/q/swagger-ui";

    void register(@Observes @Priority(0) Router router, RouteTable routes) {
        // first of all routes, so that even a request another early handler answers gets the headers
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            ctx.addHeadersEndHandler(v -> apply(ctx, routes));
            ctx.next();
        });
    }

    private static void apply(RoutingContext ctx, RouteTable routes) {
        MultiMap headers = ctx.response().headers();
        String own = headers.get("Content-Security-Policy");
        if (own != null && routes.match(ctx.normalizedPath()).filter(RouteTable.Route::webApplication).isPresent()) {
            // a web application's pages load its own scripts and styles: its policy (no inline script, no framing)
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("X-Frame-Options", "DENY");
            if ("https".equalsIgnoreCase(ctx.request().scheme())) {
                headers.set("Strict-Transport-Security", "max-age=31536000");
            }
            return;
        }
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("Content-Security-Policy", policyFor(ctx.normalizedPath()));
        if ("https".equalsIgnoreCase(ctx.request().scheme())) {
            headers.set("Strict-Transport-Security", "max-age=31536000");
        }
        if (ctx.request().headers().contains(HttpHeaders.AUTHORIZATION) || ctx.response().getStatusCode() >= 400
                || isProblem(headers.get(HttpHeaders.CONTENT_TYPE))) {
            headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
        }
    }

    /** The content security policy of a response to {@code path}. */
    public static String policyFor(String path) {
        return path != null && (path.equals(SWAGGER_UI_PATH) || path.startsWith(SWAGGER_UI_PATH + "/"))
                ? SWAGGER_UI_POLICY : API_POLICY;
    }

    private static boolean isProblem(String contentType) {
        return contentType != null && contentType.startsWith(Problem.MEDIA_TYPE);
    }
}
