package vn.inspectorate.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.Arc;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.openapi.api.SmallRyeOpenAPI;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.jboss.logging.Logger;

/**
 * Serves one contract at the gateway's {@code /q/openapi}: the gateway's own operations plus every service's paths,
 * schemas, security schemes and tags from the cached documents, merged by {@link OpenApiMerge}. A clash is logged as
 * an error each time the documents change; the clashing schema is served under its service's name, never in place of
 * another's.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.RUNTIME_PER_REQUEST)
public class MergedOpenApiFilter implements OASFilter {

    private static final Logger LOG = Logger.getLogger(MergedOpenApiFilter.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Config EMPTY_CONFIG = new SmallRyeConfigBuilder().build();

    /** The gateway's own document, as built, and the last merge with the documents it was made from. */
    private static JsonNode own;
    private static Map<String, JsonNode> mergedFrom;
    private static OpenAPI merged;

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        var cache = Arc.container().instance(UpstreamOpenApiCache.class);
        if (!cache.isAvailable()) {
            return;
        }
        Map<String, JsonNode> documents = cache.get().documents();
        OpenAPI result;
        synchronized (MergedOpenApiFilter.class) {
            if (own == null) {
                own = toJson(openAPI);
            }
            if (documents != mergedFrom) {
                OpenApiMerge.Result merge = OpenApiMerge.merge(own, documents);
                if (!merge.clashes().isEmpty()) {
                    LOG.errorf("The services' OpenAPI documents clash; the merged document keeps each clashing schema"
                            + " under its service's name: %s", String.join("; ", merge.clashes()));
                }
                merged = parse(merge.document());
                mergedFrom = documents;
            }
            result = merged;
        }
        openAPI.setPaths(result.getPaths());
        openAPI.setComponents(result.getComponents());
        openAPI.setTags(result.getTags() == null ? null : List.copyOf(result.getTags()));
    }

    private static JsonNode toJson(OpenAPI model) {
        try {
            return JSON.readTree(SmallRyeOpenAPI.builder().withConfig(EMPTY_CONFIG).withInitialModel(model)
                    .enableModelReader(false).enableStandardStaticFiles(false).enableAnnotationScan(false)
                    .enableStandardFilter(false).build().toJSON());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A document as the OpenAPI model. */
    static OpenAPI parse(JsonNode document) {
        byte[] json = document.toString().getBytes(StandardCharsets.UTF_8);
        return SmallRyeOpenAPI.builder().withConfig(EMPTY_CONFIG).enableModelReader(false)
                .enableStandardStaticFiles(false).enableAnnotationScan(false).enableStandardFilter(false)
                .withCustomStaticFile(() -> new ByteArrayInputStream(json)).build().model();
    }
}
