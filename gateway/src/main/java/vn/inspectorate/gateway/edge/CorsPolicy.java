package vn.inspectorate.gateway.edge;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import vn.inspectorate.gateway.routing.ProblemWriter;
import vn.inspectorate.platform.problem.Problem;

/**
 * Cross-origin access for the configured browser origins, ahead of token checks and routing: a preflight from such an
 * origin is answered here without a token; its actual requests get {@code Access-Control-Allow-Origin} naming it. Any
 * other origin gets no {@code Access-Control-*} header at all (a service's own are removed too), and its preflight a
 * 403 problem. Quarkus' CORS filter would cover the proxy route as well, but refuses an unknown origin's requests
 * with a plain-text 403 that is not a problem document, and cannot strip what a service sent.
 */
@ApplicationScoped
public class CorsPolicy {

    static final String ALLOWED_METHODS = "GET, HEAD, POST, PUT, PATCH, DELETE";
    static final String ALLOWED_HEADERS = "Authorization, Content-Type, Idempotency-Key, X-Request-Id";
    /** Headers a script may read beyond the CORS-safelisted ones. */
    static final String EXPOSED_HEADERS = "Location, Retry-After, RateLimit, RateLimit-Policy, WWW-Authenticate, "
            + "X-Request-Id";

    private final Set<String> origins;
    private final String maxAgeSeconds;
    private final ProblemWriter problems;

    CorsPolicy(CorsConfig config, ProblemWriter problems) {
        this.origins = config.origins().orElse(List.of()).stream().map(String::trim).filter(o -> !o.isEmpty())
                .map(CorsPolicy::normalized).collect(Collectors.toUnmodifiableSet());
        this.maxAgeSeconds = Long.toString(config.maxAge().toSeconds());
        this.problems = problems;
    }

    void register(@Observes @Priority(2) Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::handle);
    }

    void handle(RoutingContext ctx) {
        String origin = ctx.request().getHeader(HttpHeaders.ORIGIN);
        boolean allowed = origin != null && origins.contains(normalized(origin));
        boolean preflight = ctx.request().method() == HttpMethod.OPTIONS && origin != null
                && ctx.request().headers().contains(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD);
        boolean answeredHere = preflight && allowed;
        ctx.addHeadersEndHandler(v -> answerHeaders(ctx.response().headers(), allowed ? origin : null, answeredHere));
        if (!preflight) {
            ctx.next();
            return;
        }
        if (!allowed) {
            problems.write(ctx, Problem.keyed(403, "origin-not-allowed", "gateway.origin-not-allowed"));
            return;
        }
        ctx.response().setStatusCode(204)
                .putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, ALLOWED_METHODS)
                .putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, ALLOWED_HEADERS)
                .putHeader(HttpHeaders.ACCESS_CONTROL_MAX_AGE, maxAgeSeconds)
                .end();
    }

    /** Leaves exactly the gateway's own CORS headers: the allowed origin's, or none. */
    private void answerHeaders(MultiMap headers, String allowedOrigin, boolean preflightAnswer) {
        if (!preflightAnswer) {
            headers.names().stream().filter(n -> n.toLowerCase(Locale.ROOT).startsWith("access-control-")).toList()
                    .forEach(headers::remove);
        }
        if (!origins.isEmpty()) {
            headers.add(HttpHeaders.VARY, "Origin");
        }
        if (allowedOrigin != null) {
            headers.set(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, allowedOrigin);
            if (!preflightAnswer) {
                headers.set(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, EXPOSED_HEADERS);
            }
        }
    }

    /** Origins compare case-insensitively and without a trailing slash. */
    static String normalized(String origin) {
        String o = origin.trim().toLowerCase(Locale.ROOT);
        return o.endsWith("/") ? o.substring(0, o.length() - 1) : o;
    }
}
