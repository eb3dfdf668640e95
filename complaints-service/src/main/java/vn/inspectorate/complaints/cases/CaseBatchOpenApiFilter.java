package vn.inspectorate.complaints.cases;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * What the annotation scan cannot say about batches. {@code POST /api/v1/cases:batch}, which {@link BatchPathAlias}
 * serves as {@code /api/v1/cases/batch} outside JAX-RS, is the same operation under its own operationId, marked
 * {@code x-alias-of} the one it repeats. And a batch's items are checked one by one after the batch is accepted: an
 * item that is no valid case (even {@code null}) is answered {@code REJECTED} in the results, not with a 400.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class CaseBatchOpenApiFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Schema batch = openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null ? null
                : openAPI.getComponents().getSchemas().get("BatchSubmission");
        if (batch != null && batch.getProperties() != null && batch.getProperties().get("cases") != null) {
            Schema items = batch.getProperties().get("cases").getItems();
            batch.getProperties().get("cases").setItems(OASFactory.createSchema()
                    .description("A case as for fileCase; checked on its own, and answered REJECTED with its errors"
                            + " in the results when it is not a valid case")
                    .anyOf(List.of(items, OASFactory.createSchema())));
        }
        PathItem path = openAPI.getPaths() == null ? null : openAPI.getPaths().getPathItem("/api/v1/cases/batch");
        if (path == null || path.getPOST() == null) {
            return;
        }
        Operation original = path.getPOST();
        Operation alias = OASFactory.createOperation()
                .operationId(original.getOperationId() + "Alias")
                .summary(original.getSummary() + " (the same as POST /api/v1/cases/batch)")
                .tags(original.getTags())
                .parameters(original.getParameters())
                .requestBody(original.getRequestBody())
                .responses(original.getResponses())
                .security(original.getSecurity());
        alias.addExtension("x-alias-of", original.getOperationId());
        openAPI.getPaths().addPathItem(BatchPathAlias.COLON_PATH, OASFactory.createPathItem().POST(alias));
    }
}
