package vn.inspectorate.gateway.openapi;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.openapi.api.SmallRyeOpenAPI;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.jboss.logging.Logger;
import vn.inspectorate.gateway.routing.RouteTable;
import vn.inspectorate.gateway.routing.UpstreamPool;

/**
 * The services' OpenAPI documents, fetched from their {@code /q/openapi} on a short schedule and kept as parsed
 * models, so that serving the merged document never waits on a service. A service that does not answer keeps its
 * last good document.
 */
@ApplicationScoped
public class UpstreamOpenApiCache {

    private static final Logger LOG = Logger.getLogger(UpstreamOpenApiCache.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final RouteTable routes;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final Config emptyConfig = new SmallRyeConfigBuilder().build();
    private final Map<String, OpenAPI> documents = new ConcurrentHashMap<>();

    UpstreamOpenApiCache(RouteTable routes) {
        this.routes = routes;
    }

    /** The last good document of each service that has answered, by service name. */
    public Map<String, OpenAPI> documents() {
        return Map.copyOf(documents);
    }

    @Scheduled(every = "${inspectorate.gateway.openapi.refresh:60s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        for (UpstreamPool pool : routes.pools().values()) {
            for (UpstreamPool.Instance instance : pool.instances()) {
                try {
                    HttpRequest request = HttpRequest.newBuilder(URI.create(instance.base() + "/q/openapi?format=json"))
                            .header("Accept", "application/json").timeout(TIMEOUT).GET().build();
                    HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                    if (response.statusCode() != 200) {
                        continue;
                    }
                    documents.put(pool.service(), parse(response.body()));
                    break;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (Exception e) {
                    LOG.debugf("OpenAPI of %s at %s unavailable: %s", pool.service(), instance.base(), e.toString());
                }
            }
        }
    }

    private OpenAPI parse(byte[] json) {
        return SmallRyeOpenAPI.builder().withConfig(emptyConfig).enableModelReader(false)
                .enableStandardStaticFiles(false).enableAnnotationScan(false).enableStandardFilter(false)
                .withCustomStaticFile(() -> new ByteArrayInputStream(json)).build().model();
    }
}
