package vn.inspectorate.gateway.routing;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Context;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import vn.inspectorate.gateway.correlation.RequestIdHandler;
import vn.inspectorate.gateway.ratelimit.ClientRateLimiter;
import vn.inspectorate.platform.problem.Problem;
import vn.inspectorate.platform.security.BearerChallenge;

/**
 * The edge: for a configured API prefix, checks the bearer token and the caller's role, applies the caller's rate
 * limit, and streams the request to an instance of the owning service and its answer back. The token is forwarded
 * unchanged, so the service checks it again; the public address goes along ({@link PublicOrigin}) so that the
 * service's URLs point at the gateway. Paths no route claims fall through to the gateway's own resources (and
 * their 404 problem).
 */
@ApplicationScoped
public class ProxyHandler {

    private static final Logger LOG = Logger.getLogger(ProxyHandler.class);
    /** Hop-by-hop headers (RFC 9110 7.6.1) are not forwarded either way. */
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade", "http2-settings", "host",
            "content-length");

    private final RouteTable routes;
    private final ClientRateLimiter limiter;
    private final ProblemWriter problems;
    private final HttpClient client;
    private final long connectTimeoutMillis;
    private final long maxBodySize;
    private final PublicOrigin publicOrigin;

    ProxyHandler(RouteTable routes, ClientRateLimiter limiter, ProblemWriter problems, Vertx vertx, GatewayConfig config,
            PublicOrigin publicOrigin,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> maxBodySize) {
        this.routes = routes;
        this.publicOrigin = publicOrigin;
        this.limiter = limiter;
        this.problems = problems;
        this.connectTimeoutMillis = config.connectTimeout().toMillis();
        this.client = vertx.createHttpClient(new HttpClientOptions().setMaxPoolSize(200).setKeepAlive(true)
                .setConnectTimeout((int) connectTimeoutMillis));
        // the HTTP server's own limit: the proxy holds a streamed body to it too
        this.maxBodySize = maxBodySize.map(MemorySize::asLongValue).orElse(-1L);
    }

    @PreDestroy
    void close() {
        client.close();
    }

    void register(@Observes Router router) {
        router.route("/api/v1/*").handler(this::handle);
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
            problems.write(ctx, Problem.of(403, "forbidden", "Forbidden", why),
                    Map.of(BearerChallenge.HEADER, BearerChallenge.insufficientScope(why)));
            return;
        }
        var decision = limiter.tryConsume(identity);
        // announced on every answer of a limited route: the service's, a refusal, or the gateway's own problem
        decision.ifPresent(d -> d.headers().forEach(ctx.response()::putHeader));
        if (decision.isPresent() && !decision.get().allowed()) {
            problems.write(ctx, Problem.of(429, "rate-limited", "Too many requests", "The request rate of your client "
                    + "is over its limit; retry after " + decision.get().retryAfterSeconds() + " s."));
            return;
        }
        forward(ctx, route, new ArrayList<>(), System.nanoTime());
    }

    /** 401 with the RFC 6750 challenge: bare when no token came, {@code invalid_token} when one was refused. */
    private void unauthenticated(RoutingContext ctx, Throwable failure) {
        String challenge = BearerChallenge.forUnauthenticated(ctx.request().getHeader(HttpHeaders.AUTHORIZATION),
                BearerChallenge.describe(failure));
        problems.write(ctx, Problem.of(401, "unauthenticated", "Unauthenticated",
                "A valid bearer token from the inspectorate realm is required."),
                Map.of(BearerChallenge.HEADER, challenge));
    }

    private void forward(RoutingContext ctx, RouteTable.Route route, List<UpstreamPool.Instance> tried, long started) {
        UpstreamPool pool = route.pool();
        var picked = pool.pick(tried);
        if (picked.isEmpty()) {
            if (tried.isEmpty()) {
                problems.write(ctx, Problem.of(503, "service-unavailable", "Service unavailable", "The "
                        + pool.service() + " service has no reachable instance at the moment."),
                        Map.of("Retry-After", Long.toString(pool.secondsUntilRetry())));
            } else {
                problems.write(ctx, Problem.of(502, "bad-gateway", "Bad gateway", "The " + pool.service()
                        + " service could not be reached."));
            }
            return;
        }
        UpstreamPool.Instance instance = picked.get();
        tried.add(instance);
        HttpServerRequest in = ctx.request();
        URI base = instance.base();
        boolean tls = "https".equalsIgnoreCase(base.getScheme());
        int port = base.getPort() > 0 ? base.getPort() : (tls ? 443 : 80);
        String basePath = base.getRawPath() == null ? "" : base.getRawPath();
        String query = in.query();
        RequestOptions options = new RequestOptions().setMethod(in.method()).setHost(base.getHost()).setPort(port)
                .setSsl(tls).setURI(basePath + ctx.normalizedPath() + (query == null ? "" : "?" + query))
                .setConnectTimeout(connectTimeoutMillis).setIdleTimeout(route.timeout().toMillis());
        client.request(options).onComplete(opened -> {
            if (opened.failed()) {
                pool.eject(instance);
                LOG.warnf("%s instance %s refused (%s); taken out of rotation", pool.service(), base,
                        opened.cause().getMessage());
                forward(ctx, route, tried, started);
                return;
            }
            send(ctx, route, instance, opened.result(), started);
        });
    }

    private void send(RoutingContext ctx, RouteTable.Route route, UpstreamPool.Instance instance,
            HttpClientRequest out, long started) {
        HttpServerRequest in = ctx.request();
        // failures reach the response future below; without a handler Vert.x would also log them as unhandled
        out.exceptionHandler(e -> LOG.debugf("request to %s failed: %s", instance.base(), e.toString()));
        copyHeaders(in.headers(), out.headers());
        String contentLength = in.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (contentLength != null) {
            out.putHeader(HttpHeaders.CONTENT_LENGTH, contentLength);
        }
        publicOrigin.forwardedHeaders(in).forEach(out::putHeader);
        if (in.remoteAddress() != null) {
            out.putHeader("X-Forwarded-For", in.remoteAddress().hostAddress());
        }
        // HTTP/2 requests announce a body by neither header, so a method that carries one is always streamed
        String method = in.method().name();
        boolean bodyMethod = !(method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS"));
        boolean hasBody = contentLength != null ? !"0".equals(contentLength.trim())
                : bodyMethod || in.headers().contains(HttpHeaders.TRANSFER_ENCODING);
        var response = hasBody
                ? out.send(new LimitedBody(in, maxBodySize, () -> {
                    // answer first: resetting the upstream request fails its response, which must not answer 502
                    problems.write(ctx, Problem.of(413, "payload-too-large", "Payload too large",
                            "The request body is larger than this endpoint accepts."), Map.of("Connection", "close"));
                    out.reset();
                }))
                : out.send();
        if (!hasBody) {
            in.resume();
        }
        response.onComplete(answered -> {
            if (answered.failed()) {
                failed(ctx, route, instance, answered.cause(), started);
                return;
            }
            HttpClientResponse upstream = answered.result();
            var down = ctx.response();
            if (down.ended()) {
                return;
            }
            down.setStatusCode(upstream.statusCode());
            copyHeaders(upstream.headers(), down.headers());
            String length = upstream.getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null) {
                down.putHeader(HttpHeaders.CONTENT_LENGTH, length);
            }
            down.headers().set(RequestIdHandler.HEADER, (String) ctx.get(RequestIdHandler.CONTEXT_KEY));
            down.send(upstream).onComplete(done -> {
                if (done.failed()) {
                    LOG.warnf("%s %s: response from %s broke off (%s)", in.method(), ctx.normalizedPath(),
                            instance.base(), done.cause().getMessage());
                    down.reset();
                }
            });
            LOG.infof("%s %s -> %s %s %d (%d ms)", in.method(), ctx.normalizedPath(), route.pool().service(),
                    instance.base(), upstream.statusCode(), (System.nanoTime() - started) / 1_000_000);
        });
    }

    private void failed(RoutingContext ctx, RouteTable.Route route, UpstreamPool.Instance instance, Throwable cause,
            long started) {
        String service = route.pool().service();
        if (ctx.response().ended()) {
            return;
        }
        if (cause instanceof TimeoutException || (cause.getMessage() != null && cause.getMessage().contains("timeout"))) {
            LOG.warnf("%s %s -> %s %s timed out after %d ms", ctx.request().method(), ctx.normalizedPath(), service,
                    instance.base(), (System.nanoTime() - started) / 1_000_000);
            problems.write(ctx, Problem.of(504, "gateway-timeout", "Gateway timeout", "The " + service
                    + " service did not answer in time."));
        } else {
            LOG.warnf("%s %s -> %s %s failed: %s", ctx.request().method(), ctx.normalizedPath(), service,
                    instance.base(), cause.toString());
            problems.write(ctx, Problem.of(502, "bad-gateway", "Bad gateway", "The " + service
                    + " service failed to answer."));
        }
    }

    private static void copyHeaders(MultiMap from, MultiMap to) {
        for (var header : from) {
            String name = header.getKey().toLowerCase(java.util.Locale.ROOT);
            // what a client claims about the public address is replaced by what the gateway knows (PublicOrigin)
            if (!HOP_BY_HOP.contains(name) && !PublicOrigin.isForwardingHeader(name)) {
                to.add(header.getKey(), header.getValue());
            }
        }
    }
}
