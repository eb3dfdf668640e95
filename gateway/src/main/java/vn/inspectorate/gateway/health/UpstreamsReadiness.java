package vn.inspectorate.gateway.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import vn.inspectorate.gateway.routing.RouteTable;
import vn.inspectorate.gateway.routing.UpstreamPool;

/**
 * Which upstream services answer their liveness probe. The gateway stays ready when a service is down: it still
 * serves every other route and answers the down one with a 502/503 problem, so taking it out of a load balancer would
 * only make things worse. The data names each service and instance with its state.
 */
@Readiness
@ApplicationScoped
public class UpstreamsReadiness implements HealthCheck {

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

    private final RouteTable routes;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(PROBE_TIMEOUT).build();

    UpstreamsReadiness(RouteTable routes) {
        this.routes = routes;
    }

    @Override
    public HealthCheckResponse call() {
        Map<String, CompletableFuture<String>> probes = new LinkedHashMap<>();
        for (UpstreamPool pool : routes.pools().values()) {
            for (UpstreamPool.Instance instance : pool.instances()) {
                probes.put(pool.service() + " " + instance.base(), probe(instance.base()));
            }
        }
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("upstreams").up();
        Map<String, List<String>> reachable = new LinkedHashMap<>();
        probes.forEach((name, probe) -> {
            String state = probe.join();
            builder.withData(name, state);
            String service = name.substring(0, name.indexOf(' '));
            reachable.computeIfAbsent(service, k -> new ArrayList<>());
            if (state.equals("UP")) {
                reachable.get(service).add(name);
            }
        });
        reachable.forEach((service, up) -> builder.withData(service, up.isEmpty() ? "DOWN" : "UP"));
        return builder.build();
    }

    private CompletableFuture<String> probe(URI base) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/q/health/live")).timeout(PROBE_TIMEOUT).GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .thenApply(r -> r.statusCode() == 200 ? "UP" : "DOWN (HTTP " + r.statusCode() + ")")
                .exceptionally(e -> "DOWN (" + (e.getCause() != null ? e.getCause().getClass().getSimpleName() : e.getClass().getSimpleName()) + ")");
    }
}
