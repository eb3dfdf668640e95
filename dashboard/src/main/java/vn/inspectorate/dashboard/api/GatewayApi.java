package vn.inspectorate.dashboard.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.UUID;
import org.jboss.logging.Logger;
import vn.inspectorate.dashboard.web.Lang;

/**
 * The platform's API through the gateway, called with the signed-in user's own access token, so every scope rule of
 * the services applies unchanged (a province's inspector reads that province only). Pages show what it answers: no
 * figure is computed here.
 */
@RequestScoped
public class GatewayApi {

    private static final Logger LOG = Logger.getLogger(GatewayApi.class);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(java.time.Duration.ofSeconds(3)).build();

    private final DashboardConfig config;
    private final SecurityIdentity identity;
    private final ObjectMapper json;
    private final Lang lang;

    GatewayApi(DashboardConfig config, SecurityIdentity identity, ObjectMapper json, Lang lang) {
        this.config = config;
        this.identity = identity;
        this.json = json;
        this.lang = lang;
    }

    /** A GET of {@code path} (under the gateway) with the non-blank {@code params}, answered as JSON. */
    public ApiAnswer get(String path, Map<String, String> params) {
        HttpRequest request = request(path, params, "application/json");
        String requestId = request.headers().firstValue("X-Request-Id").orElse("");
        try {
            HttpResponse<byte[]> response = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
            JsonNode body = response.body().length == 0 ? null : json.readTree(response.body());
            return new ApiAnswer(response.statusCode(), body,
                    response.headers().firstValue("X-Request-Id").orElse(requestId));
        } catch (IOException e) {
            LOG.warnf("GET %s failed: %s (request %s)", path, e.toString(), requestId);
            return new ApiAnswer(0, null, requestId);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ApiAnswer(0, null, requestId);
        }
    }

    /** A GET answered as bytes (a CSV or XLSX export), with its content type; a problem when not a 2xx. */
    public Download download(String path, Map<String, String> params, String accept) {
        HttpRequest request = request(path, params, accept + ", application/problem+json");
        String requestId = request.headers().firstValue("X-Request-Id").orElse("");
        try {
            HttpResponse<byte[]> response = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
            String id = response.headers().firstValue("X-Request-Id").orElse(requestId);
            if (response.statusCode() / 100 != 2) {
                JsonNode body = response.body().length == 0 ? null : json.readTree(response.body());
                return new Download(null, null, new ApiAnswer(response.statusCode(), body, id).problem());
            }
            return new Download(response.body(), response.headers().firstValue("Content-Type").orElse(accept),
                    Optional.empty());
        } catch (IOException e) {
            return new Download(null, null, new ApiAnswer(0, null, requestId).problem());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Download(null, null, new ApiAnswer(0, null, requestId).problem());
        }
    }

    /** An export's bytes, or the problem that stood in its way. */
    public record Download(byte[] bytes, String contentType, Optional<ApiProblem> problem) {
    }

    private HttpRequest request(String path, Map<String, String> params, String accept) {
        StringJoiner query = new StringJoiner("&");
        params.forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                query.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        });
        String base = config.gatewayUrl().toString().replaceAll("/+$", "");
        URI uri = URI.create(base + path + (query.length() == 0 ? "" : "?" + query));
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(config.apiTimeout()).GET()
                .header("Accept", accept)
                .header("Accept-Language", lang.code())
                // one id per call, so that the page and the services' logs name the same request
                .header("X-Request-Id", "dashboard-" + UUID.randomUUID());
        AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
        if (token != null) {
            builder.header("Authorization", "Bearer " + token.getToken());
        }
        return builder.build();
    }
}
