package vn.inspectorate.gateway.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import vn.inspectorate.gateway.routing.RouteTable;
import vn.inspectorate.gateway.routing.UpstreamPool;

/**
 * The state of each instance of each upstream service, and of each service. An instance is {@code UP} when it answers
 * its liveness probe and is in the rotation, {@code EJECTED} when the gateway took it out of the rotation for a while
 * (it refused a connection, timed out or answered 503; the {@code detail} says which and for how long), {@code DOWN}
 * when it does not answer its probe. A service is {@code UP} while at least one of its instances is. The gateway stays
 * ready whatever the services' state: it still serves every other route and answers a down one with a 502/503 problem,
 * so taking it out of a load balancer would only make things worse.
 *
 * <p>Data: {@code "<service> <base URL>": UP|EJECTED|DOWN}, with {@code "<service> <base URL> detail"} for the latter
 * two, and {@code "<service>": UP|DOWN}.
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

    /** One instance's state and why. */
    record InstanceState(String state, String detail) {
    }

    @Override
    public HealthCheckResponse call() {
        Map<UpstreamPool.Instance, CompletableFuture<InstanceState>> probes = new LinkedHashMap<>();
        for (UpstreamPool pool : routes.pools().values()) {
            for (UpstreamPool.Instance instance : pool.instances()) {
                probes.put(instance, probe(instance.base(), pool.livenessPath()));
            }
        }
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("upstreams").up();
        for (UpstreamPool pool : routes.pools().values()) {
            boolean anyUp = false;
            for (UpstreamPool.Instance instance : pool.instances()) {
                InstanceState state = state(instance, probes.get(instance).join(), System.currentTimeMillis());
                String name = pool.service() + " " + instance.base();
                builder.withData(name, state.state());
                if (!state.detail().isEmpty()) {
                    builder.withData(name + " detail", state.detail());
                }
                anyUp |= state.state().equals("UP");
            }
            builder.withData(pool.service(), anyUp ? "UP" : "DOWN");
        }
        return builder.build();
    }

    /** A probe that fails is DOWN; one that answers but is out of the rotation is EJECTED; else UP. */
    static InstanceState state(UpstreamPool.Instance instance, InstanceState probed, long now) {
        if (!probed.state().equals("UP") || instance.availableAt(now)) {
            return probed;
        }
        long seconds = Math.max(1, (instance.ejectedUntil() - now + 999) / 1000);
        return new InstanceState("EJECTED", instance.ejectedFor() + "; back in the rotation in " + seconds + " s");
    }

    private CompletableFuture<InstanceState> probe(URI base, String livenessPath) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + livenessPath)).timeout(PROBE_TIMEOUT).GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .thenApply(r -> r.statusCode() == 200 ? new InstanceState("UP", "")
                        : new InstanceState("DOWN", "liveness answered HTTP " + r.statusCode()))
                .exceptionally(e -> new InstanceState("DOWN", (e.getCause() != null ? e.getCause() : e).getClass()
                        .getSimpleName()));
    }
}
