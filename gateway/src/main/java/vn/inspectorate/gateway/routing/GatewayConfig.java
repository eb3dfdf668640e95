package vn.inspectorate.gateway.routing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where the gateway sends each API prefix, who may call it, and how hard. */
@ConfigMapping(prefix = "inspectorate.gateway")
public interface GatewayConfig {

    /** Upstream services by name, each with one or more instance base URLs. */
    Map<String, Upstream> services();

    /** Routes by name; the longest matching prefix wins. */
    Map<String, Route> routes();

    /** Time to wait for an upstream's response head (and between body chunks) before answering 504. */
    @WithDefault("PT30S")
    Duration upstreamTimeout();

    @WithDefault("PT3S")
    Duration connectTimeout();

    /**
     * The gateway's address as clients know it (e.g. {@code https://api.thanhtra.gov.vn}); the services build
     * {@code Location} and other URLs from it. Unset: taken from each request the gateway receives.
     */
    Optional<URI> publicBaseUrl();

    /** How long an instance that refused a connection, timed out or answered 503 stays out of the rotation. */
    @WithDefault("PT10S")
    Duration ejectionTime();

    interface Upstream {
        List<String> urls();

        /** Overrides {@link GatewayConfig#upstreamTimeout()} for this service. */
        Optional<Duration> timeout();

        /**
         * Where the readiness check asks each instance whether it lives: a service's public liveness by default; a web
         * application's page that anyone may open.
         */
        @WithDefault("/q/health/live")
        String livenessPath();
    }

    interface Route {
        /** A path prefix such as {@code /api/v1/cases}; matches the prefix itself and anything below it. */
        String prefix();

        /** The name of the upstream service in {@link GatewayConfig#services()}. */
        String service();

        /** Roles allowed every method; none on a route that is only {@link #anonymous()}. */
        Optional<List<String>> roles();

        /**
         * GET and HEAD open to everyone without a token (a public view): the gateway neither asks for nor forwards a
         * token there, and limits callers by client address. Other methods still need one of {@link #roles()}.
         */
        @WithDefault("false")
        boolean anonymous();

        /** Roles allowed only GET and HEAD (e.g. partners on report aggregates). */
        Optional<List<String>> readRoles();

        /**
         * A web application for people (the dashboard): every method passes without a token or a gateway limit, as
         * the application signs its users in itself and calls the API with their tokens; its own security headers
         * (its content security policy) are kept. The gateway's {@code /} redirects to the first such route.
         */
        @WithDefault("false")
        boolean webApplication();

        /**
         * Writes on this route that the service keys naturally (a repeat answers the first record, or a 409
         * {@code natural-key-conflict}), so the gateway may send them again to another instance like a request with an
         * {@code Idempotency-Key}: entries {@code METHOD /path}, a {@code *} standing for one path segment, e.g.
         * {@code POST /api/v1/cases}.
         */
        Optional<List<String>> naturalKeyWrites();
    }
}
