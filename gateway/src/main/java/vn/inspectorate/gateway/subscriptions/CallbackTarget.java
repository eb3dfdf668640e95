package vn.inspectorate.gateway.subscriptions;

import java.net.InetAddress;
import java.net.URI;

/**
 * A callback URL that passed {@link CallbackUrlGuard}, with the address its host resolved to when it was checked: the
 * delivery connects to exactly that address, and speaks to {@code host} (Host header, TLS server name and certificate).
 */
public record CallbackTarget(URI uri, String host, int port, boolean tls, InetAddress address) {

    /** The request target: the path and query as sent (an empty path is {@code /}). */
    public String pathAndQuery() {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }
}
