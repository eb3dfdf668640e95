package vn.inspectorate.platform.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import vn.inspectorate.platform.paging.PageRequest;

/**
 * How a list pages, written once for every list: an operation that takes the {@code after} query parameter pages by
 * the platform's convention ({@link PageRequest}, {@code vn.inspectorate.platform.paging.PageLinks}), so its
 * {@code size} and {@code after} are described the same everywhere and its answer carries a {@code Link} header.
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
