package vn.inspectorate.gateway.subscriptions;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.Config;
import vn.inspectorate.gateway.routing.GatewayConfig;

/**
 * Server-side request forgery guard for partner callbacks: only http(s) URLs whose host resolves to public addresses
 * only, and never a host of the platform itself. Loopback, private (RFC 1918, IPv6 unique-local), link-local (cloud
 * metadata), carrier-grade NAT, multicast and reserved ranges are refused. Explicit {@code host:port} targets from
 * configuration are exempt (test receivers, a partner sandbox). The dispatcher checks again before each delivery, so a
 * host that later resolves to an internal address is not called; and it connects to the very address that was checked
 * ({@link #check}), so a host that answers a public address to the check and an internal one a moment later (DNS
 * rebinding) gets nothing past it: the name is looked up once per delivery.
 */
@ApplicationScoped
public class CallbackUrlGuard {

    private final Set<String> deniedHosts = new HashSet<>();
    private final Set<String> allowedTargets = new HashSet<>();
    private final HostResolver resolver;

    /** The outcome of a check: the target to connect to, or why the URL may not be called (a messages key). */
    public record Checked(Optional<CallbackTarget> target, Optional<String> refusal) {

        static Checked refused(String key) {
            return new Checked(Optional.empty(), Optional.of(key));
        }

        static Checked allowed(CallbackTarget target) {
            return new Checked(Optional.of(target), Optional.empty());
        }
    }

    /** For tests: the given denied hosts, exempt targets and name lookup, and nothing from configuration. */
    CallbackUrlGuard(Set<String> deniedHosts, Set<String> allowedTargets, HostResolver resolver) {
        this.deniedHosts.addAll(deniedHosts);
        this.allowedTargets.addAll(allowedTargets);
        this.resolver = resolver;
    }

    @jakarta.inject.Inject
    CallbackUrlGuard(WebhookConfig webhooks, GatewayConfig gateway, Config config, HostResolver resolver) {
        this.resolver = resolver;
        webhooks.deniedHosts().orElse(List.of()).forEach(h -> deniedHosts.add(h.trim().toLowerCase(Locale.ROOT)));
        webhooks.allowedTargets().orElse(List.of()).stream().map(String::trim).filter(t -> !t.isEmpty())
                .forEach(t -> allowedTargets.add(t.toLowerCase(Locale.ROOT)));
        // the platform's own services, identity provider and broker
        gateway.services().values().forEach(s -> s.urls().forEach(u -> hostOf(u).ifPresent(deniedHosts::add)));
        config.getOptionalValue("quarkus.oidc.auth-server-url", String.class).flatMap(CallbackUrlGuard::hostOf)
                .ifPresent(deniedHosts::add);
        config.getOptionalValue("kafka.bootstrap.servers", String.class).ifPresent(servers -> {
            for (String server : servers.split(",")) {
                int colon = server.lastIndexOf(':');
                deniedHosts.add((colon > 0 ? server.substring(0, colon) : server).trim().toLowerCase(Locale.ROOT));
            }
        });
    }

    /** Why {@code url} may not be called back (the key of the reason in the messages bundles), or empty when it may. */
    public Optional<String> refusal(String url) {
        return check(url).refusal();
    }

    /**
     * Checks {@code url} with one lookup of its host, and names the address to connect to: the first the lookup gave,
     * every one of which passed.
     */
    public Checked check(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Checked.refused("gateway.callback.invalid");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Checked.refused("gateway.callback.scheme");
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            return Checked.refused("gateway.callback.host");
        }
        if (uri.getRawUserInfo() != null) {
            return Checked.refused("gateway.callback.credentials");
        }
        if (uri.getRawFragment() != null) {
            return Checked.refused("gateway.callback.fragment");
        }
        host = stripBrackets(host.toLowerCase(Locale.ROOT));
        int port = uri.getPort() > 0 ? uri.getPort() : (scheme.equals("https") ? 443 : 80);
        boolean exempt = allowedTargets.contains(host + ":" + port);
        if (!exempt && (deniedHosts.contains(host) || host.endsWith(".internal") || host.endsWith(".local")
                || host.endsWith(".localhost") || host.endsWith(".svc") || host.contains(".svc."))) {
            return Checked.refused("gateway.callback.internal");
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            return Checked.refused("gateway.callback.unresolved");
        }
        if (addresses == null || addresses.length == 0) {
            return Checked.refused("gateway.callback.unresolved");
        }
        for (InetAddress address : exempt ? new InetAddress[0] : addresses) {
            if (deniedHosts.contains(address.getHostAddress())) {
                return Checked.refused("gateway.callback.internal");
            }
            if (!isPublic(address)) {
                return Checked.refused("gateway.callback.private-address");
            }
        }
        return Checked.allowed(new CallbackTarget(uri, host, port, scheme.equals("https"), addresses[0]));
    }

    static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return !(first == 0                                    // this network
                    || (first == 100 && second >= 64 && second < 128) // carrier-grade NAT
                    || (first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                    || (first == 198 && (second == 18 || second == 19))  // benchmarking
                    || first >= 240);                              // reserved and broadcast
        }
        if (address instanceof Inet6Address) {
            return (b[0] & 0xfe) != 0xfc                           // unique-local fc00::/7
                    && !((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8)
                    && !((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0xc0);  // documentation, site-local fec0::/10
        }
        return false;
    }

    private static Optional<String> hostOf(String url) {
        try {
            String host = new URI(url.trim()).getHost();
            return host == null ? Optional.empty() : Optional.of(stripBrackets(host.toLowerCase(Locale.ROOT)));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static String stripBrackets(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
