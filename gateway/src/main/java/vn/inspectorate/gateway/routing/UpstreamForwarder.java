package vn.inspectorate.gateway.routing;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.MultiMap;
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
 * Streams an admitted request to an instance of the owning service and its answer back: picks an instance, moves on
 * to the next when one refuses the connection (and takes it out of the rotation), holds the body to the HTTP server's
 * size limit, and answers 502, 503 or 504 as problems when no instance answers. A singleton (no client proxy):
 * created with {@link ProxyHandler} at start, so its HTTP client is ready before the first request.
 */
@Singleton
class UpstreamForwarder {

    private static final Logger LOG = Logger.getLogger(UpstreamForwarder.class);
    /** Hop-by-hop headers (RFC 9110 7.6.1) are not forwarded either way. */
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade", "http2-settings", "host",
            "content-length");

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

    /** Forwards the (paused) request on {@code route}, trying its instances in turn. */
    void forward(RoutingContext ctx, RouteTable.Route route) {
        forward(ctx, route, new ArrayList<>(), System.nanoTime());
    }

    private void forward(RoutingContext ctx, RouteTable.Route route, List<UpstreamPool.Instance> tried, long started) {
        UpstreamPool pool = route.pool();
        var picked = pool.pick(tried);
        if (picked.isEmpty()) {
            if (tried.isEmpty()) {
                problems.write(ctx, Problem.keyed(503, "service-unavailable", "gateway.no-instance",
                        pool.service()),
                        Map.of("Retry-After", Long.toString(pool.secondsUntilRetry())));
            } else {
                problems.write(ctx, Problem.keyed(502, "bad-gateway", "gateway.unreachable", pool.service()));
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
        if (route.open(in.method().name())) {
            // a public read is the same for everyone: no caller's token goes along, so none can change the answer
            out.headers().remove(HttpHeaders.AUTHORIZATION);
        }
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
                    problems.write(ctx, Problem.keyed(413, "payload-too-large",
                            "problem.payload-too-large.detail"), Map.of("Connection", "close"));
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
            problems.write(ctx, Problem.keyed(504, "gateway-timeout", "gateway.timeout", service));
        } else {
            LOG.warnf("%s %s -> %s %s failed: %s", ctx.request().method(), ctx.normalizedPath(), service,
                    instance.base(), cause.toString());
            problems.write(ctx, Problem.keyed(502, "bad-gateway", "gateway.failed", service));
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
