package vn.inspectorate.gateway.ratelimit;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The address an anonymous caller is limited by. The connection's own address, read from the connection rather than
 * the request (which the HTTP layer rewrites from any {@code X-Forwarded-For}), unless the connection comes from a
 * configured trusted proxy: then the last address of {@code X-Forwarded-For} that is not a trusted proxy itself, so
 * that a client cannot choose its own bucket by sending the header.
 */
@ApplicationScoped
public class ClientAddress {

    private final Set<String> trustedProxies;

    ClientAddress(RateLimitConfig config) {
        this.trustedProxies = Set.copyOf(config.trustedProxies().orElse(List.of()));
    }

    public String of(HttpServerRequest request) {
        SocketAddress socket = request.connection() != null ? request.connection().remoteAddress()
                : request.remoteAddress();
        String peer = socket == null ? "unknown" : socket.hostAddress();
        if (!trustedProxies.contains(peer)) {
            return peer;
        }
        List<String> chain = new ArrayList<>();
        for (String header : request.headers().getAll("X-Forwarded-For")) {
            for (String hop : header.split(",")) {
                if (!hop.isBlank()) {
                    chain.add(hop.strip());
                }
            }
        }
        for (int i = chain.size() - 1; i >= 0; i--) {
            if (!trustedProxies.contains(chain.get(i))) {
                return chain.get(i);
            }
        }
        return peer;
    }
}
