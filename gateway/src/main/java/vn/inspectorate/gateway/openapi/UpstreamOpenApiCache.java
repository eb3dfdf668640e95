package vn.inspectorate.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.logging.Logger;
import vn.inspectorate.gateway.routing.RouteTable;
import vn.inspectorate.gateway.routing.UpstreamPool;

/**
 * The services' OpenAPI documents, fetched from their {@code /q/openapi} on a short schedule and kept as parsed
 * JSON trees, so that serving the merged document never waits on a service. A service that does not answer keeps its
 * last good document. The map is replaced only when a document changed, so a merge can be kept until then.
 */
@ApplicationScoped
public class UpstreamOpenApiCache {

    private static final Logger LOG = Logger.getLogger(UpstreamOpenApiCache.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RouteTable routes;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private volatile Map<String, JsonNode> documents = Map.of();

    UpstreamOpenApiCache(RouteTable routes) {
        this.routes = routes;
    }

    /** The last good document of each service that has answered, by service name. */
    public Map<String, JsonNode> documents() {
        return documents;
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
                    JsonNode document = JSON.readTree(response.body());
                    if (!document.equals(documents.get(pool.service()))) {
                        Map<String, JsonNode> next = new TreeMap<>(documents);
                        next.put(pool.service(), document);
                        documents = Map.copyOf(next);
                    }
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
}
