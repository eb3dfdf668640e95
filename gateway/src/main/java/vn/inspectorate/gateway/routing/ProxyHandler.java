package vn.inspectorate.gateway.routing;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import vn.inspectorate.gateway.ratelimit.ClientAddress;
import vn.inspectorate.gateway.ratelimit.RateLimitDecision;
import vn.inspectorate.gateway.ratelimit.ClientRateLimiter;
import vn.inspectorate.platform.problem.Problem;
import vn.inspectorate.platform.security.BearerChallenge;

/**
 * The edge: for a configured API prefix, checks the bearer token and the caller's role, applies the caller's rate
 * limit, and hands the request to {@link UpstreamForwarder}, which streams it to an instance of the owning service and
 * its answer back. A read of an anonymous route (a public view) needs no token and is limited by client address. The
 * token is forwarded unchanged, so the service checks it again; the public address goes along
 * ({@link PublicOrigin}) so that the service's URLs point at the gateway. Paths no route claims fall through to the
 * gateway's own resources (and their 404 problem).
 */
@ApplicationScoped
public class ProxyHandler {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(ProxyHandler.class);

    private final RouteTable routes;
    private final ClientRateLimiter limiter;
    private final ProblemWriter problems;
    private final UpstreamForwarder forwarder;
    private final ClientAddress clientAddress;

    ProxyHandler(RouteTable routes, ClientRateLimiter limiter, ProblemWriter problems, UpstreamForwarder forwarder,
            ClientAddress clientAddress) {
        this.clientAddress = clientAddress;
        this.routes = routes;
        this.limiter = limiter;
        this.problems = problems;
        this.forwarder = forwarder;
    }

    void register(@Observes Router router) {
        router.route("/api/v1/*").handler(this::handle);
        for (RouteTable.Route app : routes.webApplications()) {
            router.route(app.prefix()).handler(this::handle);
            router.route(app.prefix() + "/*").handler(this::handle);
        }
        // the platform's address opens the web application for people, where there is one
        routes.webApplications().stream().findFirst().ifPresent(app -> router.route("/").handler(ctx -> {
            if (!ctx.request().method().name().equals("GET") && !ctx.request().method().name().equals("HEAD")) {
                ctx.next();
                return;
            }
            ctx.response().setStatusCode(302).putHeader(HttpHeaders.LOCATION, app.prefix() + "/").end();
        }));
    }

    void handle(RoutingContext ctx) {
        var match = routes.match(ctx.normalizedPath());
        if (match.isEmpty()) {
            ctx.next();
            return;
        }
        RouteTable.Route route = match.get();
        // hold the body until the caller is known and an upstream connection is open
        ctx.request().pause();
        if (route.webApplication()) {
            // the application signs its users in; its API calls carry their tokens and meet the limits there
            forwarder.forward(ctx, route);
            return;
        }
        if (route.open(ctx.request().method().name())) {
            String address = clientAddress.of(ctx.request());
            limited(ctx, route, () -> limiter.tryConsumeAnonymous(route.name(), address));
            return;
        }
        Context context = Vertx.currentContext();
        QuarkusHttpUser.getSecurityIdentity(ctx, null).subscribe().with(
                identity -> context.runOnContext(v -> authorized(ctx, route, identity)),
                failure -> context.runOnContext(v -> unauthenticated(ctx, failure)));
    }

    private void authorized(RoutingContext ctx, RouteTable.Route route, SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            unauthenticated(ctx, null);
            return;
        }
        if (!route.allows(identity, ctx.request().method().name())) {
            String why = "Your role does not allow this request.";
            problems.write(ctx, Problem.keyed(403, "forbidden", "problem.forbidden.role"),
                    Map.of(BearerChallenge.HEADER, BearerChallenge.insufficientScope(why)));
            return;
        }
        limited(ctx, route, () -> limiter.tryConsume(identity));
    }

    /** Takes the caller's token on a worker thread (the shared buckets are a database round trip), then goes on. */
    private void limited(RoutingContext ctx, RouteTable.Route route, Supplier<Optional<RateLimitDecision>> consume) {
        Vertx.currentContext().executeBlocking(consume::get, false).onComplete(taken -> {
            if (taken.failed()) {
                // fails open, as the buckets themselves do when their database fails (see BucketStore)
                LOG.warnf("rate limit not taken (%s); request let through", taken.cause().toString());
                limited(ctx, route, Optional.empty());
                return;
            }
            limited(ctx, route, taken.result());
        });
    }

    private void limited(RoutingContext ctx, RouteTable.Route route, Optional<RateLimitDecision> decision) {
        // announced on every answer of a limited route: the service's, a refusal, or the gateway's own problem
        decision.ifPresent(d -> d.headers().forEach(ctx.response()::putHeader));
        if (decision.isPresent() && !decision.get().allowed()) {
            problems.write(ctx, Problem.keyed(429, "rate-limited", "gateway.rate-limited",
                    String.valueOf(decision.get().retryAfterSeconds())));
            return;
        }
        forwarder.forward(ctx, route);
    }

    /** 401 with the RFC 6750 challenge: bare when no token came, {@code invalid_token} when one was refused. */
    private void unauthenticated(RoutingContext ctx, Throwable failure) {
        String challenge = BearerChallenge.forUnauthenticated(ctx.request().getHeader(HttpHeaders.AUTHORIZATION),
                BearerChallenge.describe(failure));
        problems.write(ctx, Problem.keyed(401, "unauthenticated", "problem.unauthenticated.detail"),
                Map.of(BearerChallenge.HEADER, challenge));
    }
}
