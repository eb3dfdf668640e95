package vn.inspectorate.gateway.routing;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The address clients use to reach the platform, passed to the services as {@code X-Forwarded-Proto},
 * {@code X-Forwarded-Host} and {@code X-Forwarded-Port} so that a {@code Location} or any other URL they answer points
 * at the gateway, never at a service's own address. It is the configured
 * {@code inspectorate.gateway.public-base-url} when there is one, else the scheme, host and port of the request the
 * gateway received (which honours a trusted load balancer's own forwarded headers).
 */
@ApplicationScoped
public class PublicOrigin {

    private final Optional<URI> configured;

    PublicOrigin(GatewayConfig config) {
        this.configured = config.publicBaseUrl();
        configured.ifPresent(base -> {
            if (base.getHost() == null || !("http".equalsIgnoreCase(base.getScheme())
                    || "https".equalsIgnoreCase(base.getScheme()))) {
                throw new IllegalArgumentException("inspectorate.gateway.public-base-url must be an http(s) URL with a "
                        + "host, e.g. https://api.example.gov.vn; got " + base);
            }
        });
    }

    Map<String, String> forwardedHeaders(HttpServerRequest in) {
        String scheme;
        String host;
        int port;
        if (configured.isPresent()) {
            URI base = configured.get();
            scheme = base.getScheme().toLowerCase(Locale.ROOT);
            host = base.getHost();
            port = base.getPort();
        } else {
            scheme = in.scheme() == null ? "http" : in.scheme().toLowerCase(Locale.ROOT);
            HostAndPort authority = in.authority();
            host = authority == null ? "localhost" : authority.host();
            port = authority == null ? -1 : authority.port();
        }
        if (port <= 0) {
            port = "https".equals(scheme) ? 443 : 80;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Forwarded-Proto", scheme);
        headers.put("X-Forwarded-Host", host);
        headers.put("X-Forwarded-Port", Integer.toString(port));
        return headers;
    }

    /** Headers that describe the public address or the client; only the gateway's own versions are forwarded. */
    static boolean isForwardingHeader(String lowerCaseName) {
        return lowerCaseName.equals("forwarded") || lowerCaseName.startsWith("x-forwarded-");
    }
}
