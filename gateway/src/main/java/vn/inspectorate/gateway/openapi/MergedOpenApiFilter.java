package vn.inspectorate.gateway.openapi;

import io.quarkus.arc.Arc;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.tags.Tag;

/**
 * Serves one contract at the gateway's {@code /q/openapi}: the gateway's own operations plus every service's paths,
 * schemas, security schemes and tags from the cached documents. The gateway's own definitions win on a name clash.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.RUNTIME_PER_REQUEST)
public class MergedOpenApiFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        var cache = Arc.container().instance(UpstreamOpenApiCache.class);
        if (!cache.isAvailable()) {
            return;
        }
        // merging only adds what is missing; the lock keeps two first requests from adding at once
        synchronized (MergedOpenApiFilter.class) {
            for (Map.Entry<String, OpenAPI> upstream : cache.get().documents().entrySet()) {
                merge(openAPI, upstream.getValue());
            }
        }
    }

    private static void merge(OpenAPI target, OpenAPI source) {
        if (source.getPaths() != null && source.getPaths().getPathItems() != null) {
            if (target.getPaths() == null) {
                target.setPaths(OASFactory.createPaths());
            }
            source.getPaths().getPathItems().forEach((path, item) -> {
                if (path.startsWith("/api/") && !target.getPaths().hasPathItem(path)) {
                    target.getPaths().addPathItem(path, item);
                }
            });
        }
        Components from = source.getComponents();
        if (from != null) {
            if (target.getComponents() == null) {
                target.setComponents(OASFactory.createComponents());
            }
            Components to = target.getComponents();
            if (from.getSchemas() != null) {
                from.getSchemas().forEach((name, schema) -> {
                    if (to.getSchemas() == null || !to.getSchemas().containsKey(name)) {
                        to.addSchema(name, schema);
                    }
                });
            }
            if (from.getSecuritySchemes() != null) {
                from.getSecuritySchemes().forEach((name, scheme) -> {
                    if (to.getSecuritySchemes() == null || !to.getSecuritySchemes().containsKey(name)) {
                        to.addSecurityScheme(name, scheme);
                    }
                });
            }
        }
        if (source.getTags() != null) {
            for (Tag tag : source.getTags()) {
                boolean known = target.getTags() != null
                        && target.getTags().stream().anyMatch(t -> t.getName().equals(tag.getName()));
                if (!known) {
                    target.addTag(tag);
                }
            }
        }
    }
}
