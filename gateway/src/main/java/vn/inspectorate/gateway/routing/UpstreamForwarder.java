package vn.inspectorate.gateway.routing;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
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
import vn.inspectorate.platform.problem.Problem;

/**
 * Sends an admitted request to an instance of the owning service and its answer back: picks an instance in turn, holds
 * the body to the HTTP server's size limit, and answers 502, 503 or 504 as problems (with {@code Retry-After}) when no
 * instance answers. An instance that refuses the connection, times out, breaks off or answers 503 is taken out of the
 * rotation for a while. A request that never left (the connection was refused) goes to the next instance whatever it
 * is; one that may have reached the service goes again only when sending it twice is safe ({@link #retryable}): a GET
 * or HEAD, a write with an {@code Idempotency-Key}, or one of the route's natural-keyed writes. The body of such a write
 * is read whole first so that it can be sent again; any other body streams through. A singleton (no client proxy):
 * created with {@link ProxyHandler} at start, so its HTTP client is ready before the first request.
 */
@Singleton
class UpstreamForwarder {

    private static final Logger LOG = Logger.getLogger(UpstreamForwarder.class);
    /** Hop-by-hop headers (RFC 9110 7.6.1) are not forwarded either way. */
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade", "http2-settings", "host",
            "content-length");
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final ProblemWriter problems;
    private final HttpClient client;
    private final long connectTimeoutMillis;
    private final long maxBodySize;
    private final PublicOrigin publicOrigin;

    /** The body limit is Quarkus' own setting, read where it is needed rather than mapped under its namespace. */
    UpstreamForwarder(ProblemWriter problems, Vertx vertx, GatewayConfig config, PublicOrigin publicOrigin,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> maxBodySize) {
        this.publicOrigin = publicOrigin;
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

    /** One request on its way: the instances tried, and the body when it is held for a retry. */
    private static final class Attempt {
        final RoutingContext ctx;
        final RouteTable.Route route;
        final boolean retryable;
        final long started = System.nanoTime();
        final List<UpstreamPool.Instance> tried = new ArrayList<>();
        /** Whether any instance took the request (a connection opened); if none did, the service is unavailable. */
        boolean reached;
        Buffer body;

        Attempt(RoutingContext ctx, RouteTable.Route route, boolean retryable) {
            this.ctx = ctx;
            this.route = route;
            this.retryable = retryable;
        }

        UpstreamPool pool() {
            return route.pool();
        }
    }

    /**
     * Whether the request may reach the service twice without doing anything twice: a read, a write the client made
     * idempotent with a key (the services keep its first answer), or a write the service keys naturally.
     */
    static boolean retryable(HttpServerRequest in, String path, RouteTable.Route route) {
        String method = in.method().name();
        if (method.equals("GET") || method.equals("HEAD")) {
            return true;
        }
        boolean keyable = method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
        String key = in.getHeader(IDEMPOTENCY_KEY);
        return keyable && ((key != null && !key.isBlank()) || route.naturalKeyed(method, path));
    }

    /** Forwards the (paused) request on {@code route}, trying its instances in turn. */
    void forward(RoutingContext ctx, RouteTable.Route route) {
        HttpServerRequest in = ctx.request();
        Attempt attempt = new Attempt(ctx, route, retryable(in, ctx.normalizedPath(), route));
        if (attempt.retryable && hasBody(in)) {
            Buffer whole = Buffer.buffer();
            LimitedBody body = new LimitedBody(in, maxBodySize, () -> problems.write(ctx,
                    Problem.keyed(413, "payload-too-large", "problem.payload-too-large.detail"),
                    Map.of("Connection", "close")));
            body.exceptionHandler(e -> LOG.debugf("request body broke off: %s", e.toString()));
            body.handler(whole::appendBuffer);
            body.endHandler(v -> {
                attempt.body = whole;
                next(attempt);
            });
            in.resume();
            return;
        }
        next(attempt);
    }

    /** Sends to the next instance in turn not tried yet; when none is left, answers for the whole service. */
    private void next(Attempt attempt) {
        UpstreamPool pool = attempt.pool();
        var picked = pool.pick(attempt.tried);
        if (picked.isEmpty()) {
            if (!attempt.reached) {
                problems.write(attempt.ctx, Problem.keyed(503, "service-unavailable", "gateway.no-instance",
                        pool.service()), retryAfter(pool));
            } else {
                problems.write(attempt.ctx, Problem.keyed(502, "bad-gateway", "gateway.unreachable", pool.service()),
                        retryAfter(pool));
            }
            return;
        }
        UpstreamPool.Instance instance = picked.get();
        attempt.tried.add(instance);
        RoutingContext ctx = attempt.ctx;
        HttpServerRequest in = ctx.request();
        URI base = instance.base();
        boolean tls = "https".equalsIgnoreCase(base.getScheme());
        int port = base.getPort() > 0 ? base.getPort() : (tls ? 443 : 80);
        String basePath = base.getRawPath() == null ? "" : base.getRawPath();
        String query = in.query();
        RequestOptions options = new RequestOptions().setMethod(in.method()).setHost(base.getHost()).setPort(port)
                .setSsl(tls).setURI(basePath + ctx.normalizedPath() + (query == null ? "" : "?" + query))
                .setConnectTimeout(connectTimeoutMillis).setIdleTimeout(attempt.route.timeout().toMillis());
        client.request(options).onComplete(opened -> {
            if (opened.failed()) {
                // nothing reached the service: any request may go to the next instance
                pool.ejectUnreachable(instance, "connection failed");
                LOG.warnf("%s instance %s refused (%s); taken out of rotation", pool.service(), base,
                        opened.cause().getMessage());
                next(attempt);
                return;
            }
            send(attempt, instance, opened.result());
        });
    }

    private void send(Attempt attempt, UpstreamPool.Instance instance, HttpClientRequest out) {
        attempt.reached = true;
        RoutingContext ctx = attempt.ctx;
        HttpServerRequest in = ctx.request();
        // failures reach the response future below; without a handler Vert.x would also log them as unhandled
        out.exceptionHandler(e -> LOG.debugf("request to %s failed: %s", instance.base(), e.toString()));
        copyHeaders(in.headers(), out.headers());
        if (attempt.route.open(in.method().name())) {
            // a public read is the same for everyone: no caller's token goes along, so none can change the answer
            out.headers().remove(HttpHeaders.AUTHORIZATION);
        }
        String contentLength = in.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (attempt.body != null) {
            out.putHeader(HttpHeaders.CONTENT_LENGTH, Integer.toString(attempt.body.length()));
        } else if (contentLength != null) {
            out.putHeader(HttpHeaders.CONTENT_LENGTH, contentLength);
        }
        publicOrigin.forwardedHeaders(in).forEach(out::putHeader);
        if (in.remoteAddress() != null) {
            out.putHeader("X-Forwarded-For", in.remoteAddress().hostAddress());
        }
        Future<HttpClientResponse> response;
        if (attempt.body != null) {
            response = out.send(attempt.body);
        } else if (hasBody(in)) {
            response = out.send(new LimitedBody(in, maxBodySize, () -> {
                // answer first: resetting the upstream request fails its response, which must not answer 502
                problems.write(ctx, Problem.keyed(413, "payload-too-large",
                        "problem.payload-too-large.detail"), Map.of("Connection", "close"));
                out.reset();
            }));
        } else {
            response = out.send();
            in.resume();
        }
        response.onComplete(answered -> {
            if (answered.failed()) {
                failed(attempt, instance, answered.cause());
                return;
            }
            HttpClientResponse upstream = answered.result();
            if (upstream.statusCode() == 503) {
                unavailable(attempt, instance, upstream);
                return;
            }
            relay(attempt, instance, upstream);
        });
    }

    /** A body comes when announced; HTTP/2 requests announce it by neither header, so a method that carries one. */
    private static boolean hasBody(HttpServerRequest in) {
        String contentLength = in.getHeader(HttpHeaders.CONTENT_LENGTH);
        String method = in.method().name();
        boolean bodyMethod = !(method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS"));
        return contentLength != null ? !"0".equals(contentLength.trim())
                : bodyMethod || in.headers().contains(HttpHeaders.TRANSFER_ENCODING);
    }

    private void relay(Attempt attempt, UpstreamPool.Instance instance, HttpClientResponse upstream) {
        RoutingContext ctx = attempt.ctx;
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
                LOG.warnf("%s %s: response from %s broke off (%s)", ctx.request().method(), ctx.normalizedPath(),
                        instance.base(), done.cause().getMessage());
                down.reset();
            }
        });
        if (LOG.isInfoEnabled()) {
            // joined, not printf-formatted: a line for every request the gateway forwards
            LOG.info(ctx.request().method() + " " + ctx.normalizedPath() + " -> " + attempt.pool().service() + " "
                    + instance.base() + " " + upstream.statusCode() + " ("
                    + (System.nanoTime() - attempt.started) / 1_000_000 + " ms)"
                    + (attempt.tried.size() > 1 ? " after " + (attempt.tried.size() - 1) + " other instance(s)" : ""));
        }
    }

    /**
     * An instance that answers 503 is draining or overloaded: out of the rotation, and a retryable request goes to
     * the next one. The last answer passes through when it is a problem (with a {@code Retry-After}); anything else
     * becomes the gateway's own 503 problem.
     */
    private void unavailable(Attempt attempt, UpstreamPool.Instance instance, HttpClientResponse upstream) {
        UpstreamPool pool = attempt.pool();
        pool.eject(instance, "answered 503");
        LOG.warnf("%s instance %s answered 503; taken out of rotation", pool.service(), instance.base());
        if (attempt.retryable && pool.pick(attempt.tried).isPresent()) {
            upstream.body(); // read and dropped, so the connection can serve another request
            next(attempt);
            return;
        }
        String type = upstream.getHeader(HttpHeaders.CONTENT_TYPE);
        if (type != null && type.startsWith(Problem.MEDIA_TYPE)) {
            if (upstream.getHeader("Retry-After") == null) {
                attempt.ctx.response().putHeader("Retry-After", retryAfter(pool).get("Retry-After"));
            }
            relay(attempt, instance, upstream);
            return;
        }
        upstream.body();
        problems.write(attempt.ctx, Problem.keyed(503, "service-unavailable", "gateway.unavailable", pool.service()),
                retryAfter(pool));
    }

    private void failed(Attempt attempt, UpstreamPool.Instance instance, Throwable cause) {
        RoutingContext ctx = attempt.ctx;
        UpstreamPool pool = attempt.pool();
        String service = pool.service();
        if (ctx.response().ended()) {
            return;
        }
        boolean timeout = cause instanceof TimeoutException
                || (cause.getMessage() != null && cause.getMessage().contains("timeout"));
        pool.eject(instance, timeout ? "timed out" : "connection failed");
        if (timeout) {
            LOG.warnf("%s %s -> %s %s timed out after %d ms; taken out of rotation", ctx.request().method(),
                    ctx.normalizedPath(), service, instance.base(), (System.nanoTime() - attempt.started) / 1_000_000);
        } else {
            LOG.warnf("%s %s -> %s %s failed: %s; taken out of rotation", ctx.request().method(), ctx.normalizedPath(),
                    service, instance.base(), cause.toString());
        }
        if (attempt.retryable && !ctx.response().headWritten() && pool.pick(attempt.tried).isPresent()) {
            next(attempt);
            return;
        }
        if (timeout) {
            problems.write(ctx, Problem.keyed(504, "gateway-timeout", "gateway.timeout", service), retryAfter(pool));
        } else {
            problems.write(ctx, Problem.keyed(502, "bad-gateway", "gateway.failed", service), retryAfter(pool));
        }
    }

    /** Seconds until an instance of the service is tried again: when to send a refused request once more. */
    private static Map<String, String> retryAfter(UpstreamPool pool) {
        return Map.of("Retry-After", Long.toString(pool.secondsUntilRetry()));
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
