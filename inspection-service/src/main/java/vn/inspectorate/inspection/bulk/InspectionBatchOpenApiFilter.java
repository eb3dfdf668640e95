package vn.inspectorate.inspection.bulk;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * What the annotation scan cannot say about the batch: its records are checked one by one after the batch is accepted,
 * so a record that is no valid inspection record (even {@code null}) is answered {@code REJECTED} in the results, not
 * with a 400.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class InspectionBatchOpenApiFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Schema batch = openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null ? null
                : openAPI.getComponents().getSchemas().get("InspectionBatch");
        if (batch != null && batch.getProperties() != null && batch.getProperties().get("inspections") != null) {
            Schema items = batch.getProperties().get("inspections").getItems();
            batch.getProperties().get("inspections").setItems(OASFactory.createSchema()
                    .description("An inspection record; checked on its own, and answered REJECTED with its problem in "
                            + "the results when it is not a valid record")
                    .anyOf(List.of(items, OASFactory.createSchema())));
        }
    }
}
