package vn.inspectorate.platform.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/**
 * Applies the platform's API conventions ({@link PlatformConventions}) to every service's OpenAPI document when the
 * service is built, so the served document is fixed and can be compared with the committed one.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class PlatformOpenApiFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        PlatformConventions.apply(openAPI);
    }
}
