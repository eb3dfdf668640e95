package vn.inspectorate.platform.openapi;

import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import vn.inspectorate.platform.paging.PageRequest;

/**
 * How a list pages, written once for every list: an operation that takes the {@code after} query parameter pages by
 * the platform's convention ({@link PageRequest}, {@code vn.inspectorate.platform.paging.PageLinks}), so its
 * {@code size} and {@code after} are described the same everywhere and its answer carries a {@code Link} header. A
 * page's schema is named after its items' ({@code PageWatchlistEntry}, not the generic {@code PageEntry}), so two
 * services' pages of different items never share a name in the gateway's merged document.
 */
final class PagingConventions {

    static final String AFTER = "The position to read on from: the `next` of the previous page (or the `after` of its"
            + " `Link: rel=\"next\"`), with the same filters and order. Absent: the first page. Any other value is a 400"
            + " naming `after`.";
    static final String SIZE = "How many items a page holds. Above the maximum is a 400 naming `size`, never a"
            + " shorter page.";
    static final String LINK = "RFC 8288 links under the address the request was made to (through the platform, the"
            + " gateway's): `rel=\"first\"`, and `rel=\"next\"` while more items follow.";

    private PagingConventions() {
    }

    private static final String SCHEMAS = "#/components/schemas/";

    /** Names each page schema after the schema of its items and points the operations at the new name. */
    static void namePages(OpenAPI api) {
        Components components = api.getComponents();
        if (components == null || components.getSchemas() == null) {
            return;
        }
        Map<String, String> renamed = new LinkedHashMap<>();
        for (Map.Entry<String, Schema> e : Map.copyOf(components.getSchemas()).entrySet()) {
            String itemsRef = itemsRef(e.getValue());
            if (e.getKey().startsWith("Page") && itemsRef != null && itemsRef.startsWith(SCHEMAS)) {
                String name = "Page" + itemsRef.substring(SCHEMAS.length());
                if (!name.equals(e.getKey()) && !components.getSchemas().containsKey(name)) {
                    components.removeSchema(e.getKey());
                    components.addSchema(name, e.getValue());
                    renamed.put(SCHEMAS + e.getKey(), SCHEMAS + name);
                }
            }
        }
        if (renamed.isEmpty() || api.getPaths() == null || api.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem path : api.getPaths().getPathItems().values()) {
            for (Operation op : path.getOperations().values()) {
                if (op.getResponses() == null || op.getResponses().getAPIResponses() == null) {
                    continue;
                }
                op.getResponses().getAPIResponses().values().stream()
                        .filter(r -> r.getContent() != null && r.getContent().getMediaTypes() != null)
                        .flatMap(r -> r.getContent().getMediaTypes().values().stream())
                        .filter(m -> m.getSchema() != null && renamed.containsKey(m.getSchema().getRef()))
                        .forEach(m -> m.getSchema().setRef(renamed.get(m.getSchema().getRef())));
            }
        }
    }

    /** The reference of a page schema's items: it has exactly items, size, next and total. */
    private static String itemsRef(Schema schema) {
        Map<String, Schema> properties = schema.getProperties();
        if (properties == null || !properties.keySet().equals(java.util.Set.of("items", "size", "next", "total"))
                || properties.get("items").getItems() == null) {
            return null;
        }
        return properties.get("items").getItems().getRef();
    }

    static void describe(Operation operation) {
        if (operation.getParameters() == null || operation.getParameters().stream()
                .noneMatch(p -> PageRequest.AFTER.equals(p.getName()) && p.getIn() == Parameter.In.QUERY)) {
            return;
        }
        for (Parameter p : operation.getParameters()) {
            if (p.getIn() != Parameter.In.QUERY || p.getDescription() != null) {
                continue;
            }
            if (PageRequest.AFTER.equals(p.getName())) {
                p.setDescription(AFTER);
            } else if (PageRequest.SIZE.equals(p.getName())) {
                p.setDescription(SIZE);
            }
        }
        APIResponse ok = operation.getResponses() == null ? null : operation.getResponses().getAPIResponse("200");
        if (ok != null && (ok.getHeaders() == null || !ok.getHeaders().containsKey("Link"))) {
            ok.addHeader("Link", OASFactory.createHeader().description(LINK)
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
        }
    }
}
