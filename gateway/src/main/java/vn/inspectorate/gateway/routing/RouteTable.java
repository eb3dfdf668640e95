package vn.inspectorate.gateway.routing;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The configured routes, longest prefix first, with their upstream pools. */
@ApplicationScoped
public class RouteTable {

    /** A resolved route. */
    public record Route(String name, String prefix, UpstreamPool pool, Set<String> roles, Set<String> readRoles,
            Duration timeout, boolean anonymous, boolean webApplication, List<NaturalKeyWrite> naturalKeyWrites) {

        /**
         * Whole segments only; {@code prefix:verb} is the collection's custom method (e.g. {@code /cases:batch}), its
         * colon often sent percent-encoded.
         */
        boolean matches(String path) {
            if (!path.startsWith(prefix)) {
                return false;
            }
            String rest = path.substring(prefix.length());
            return rest.isEmpty() || rest.startsWith("/") || rest.startsWith(":") || rest.regionMatches(true, 0, "%3A", 0, 3);
        }

        /** Whether {@code method} on {@code path} is one of the route's natural-keyed writes. */
        public boolean naturalKeyed(String method, String path) {
            return naturalKeyWrites.stream().anyMatch(w -> w.matches(method, path));
        }

        /** Whether this method needs no token here: a read of an anonymous route. */
        public boolean open(String method) {
            return webApplication || anonymous && ("GET".equals(method) || "HEAD".equals(method));
        }

        /** Whether the caller's roles allow this method here. */
        public boolean allows(SecurityIdentity identity, String method) {
            if (roles.stream().anyMatch(identity::hasRole)) {
                return true;
            }
            boolean read = "GET".equals(method) || "HEAD".equals(method);
            return read && readRoles.stream().anyMatch(identity::hasRole);
        }
    }

    private final List<Route> routes;
    private final Map<String, UpstreamPool> pools = new LinkedHashMap<>();

    RouteTable(GatewayConfig config) {
        config.services().forEach((name, upstream) ->
                pools.put(name, new UpstreamPool(name, upstream.urls(), config.ejectionTime().toMillis(),
                        upstream.livenessPath())));
        this.routes = config.routes().entrySet().stream().map(e -> {
            GatewayConfig.Route r = e.getValue();
            UpstreamPool pool = pools.get(r.service());
            if (pool == null) {
                throw new IllegalStateException("route " + e.getKey() + " names unknown service " + r.service());
            }
            String prefix = r.prefix().endsWith("/") ? r.prefix().substring(0, r.prefix().length() - 1) : r.prefix();
            Duration timeout = config.services().get(r.service()).timeout().orElse(config.upstreamTimeout());
            List<String> roles = r.roles().orElse(List.of());
            if (roles.isEmpty() && !r.anonymous() && !r.webApplication()) {
                throw new IllegalStateException("route " + e.getKey() + " names no roles and is not anonymous");
            }
            List<NaturalKeyWrite> naturalKeyWrites = r.naturalKeyWrites().orElse(List.of()).stream()
                    .map(w -> NaturalKeyWrite.parse(e.getKey(), w)).toList();
            return new Route(e.getKey(), prefix, pool, Set.copyOf(roles), Set.copyOf(r.readRoles().orElse(List.of())),
                    timeout, r.anonymous(), r.webApplication(), naturalKeyWrites);
        }).sorted(Comparator.comparingInt((Route r) -> r.prefix().length()).reversed()).toList();
    }

    public Optional<Route> match(String normalizedPath) {
        return routes.stream().filter(r -> r.matches(normalizedPath)).findFirst();
    }

    public Map<String, UpstreamPool> pools() {
        return pools;
    }

    /** The routes of web applications for people (the dashboard), in prefix order. */
    public List<Route> webApplications() {
        return routes.stream().filter(Route::webApplication).sorted(Comparator.comparing(Route::prefix)).toList();
    }

    public List<Route> routes() {
        return routes;
    }
}
