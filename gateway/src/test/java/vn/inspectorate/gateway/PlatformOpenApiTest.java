package vn.inspectorate.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.inspectorate.gateway.openapi.OpenApiMerge;
import vn.inspectorate.testsupport.openapi.CommittedOpenApi;
import vn.inspectorate.testsupport.openapi.OpenApiContract;

/**
 * The platform's merged document ({@code platform.yaml}) is what the gateway makes of the committed service documents:
 * without a clash, with platform-unique operationIds, and with every operation's bodies exactly its service's.
 */
class PlatformOpenApiTest {

    /** The gateway's service names (as in its routes) and the modules whose documents they serve. */
    private static final Map<String, String> SERVICES = Map.of("complaints", "complaints-service",
            "inspection", "inspection-service", "declarations", "asset-declaration-service",
            "reporting", "reporting-service");

    private final Map<String, JsonNode> services = new LinkedHashMap<>();
    private final OpenApiMerge.Result merged;

    PlatformOpenApiTest() {
        SERVICES.forEach((service, module) -> services.put(service, CommittedOpenApi.read(module)
                .orElseThrow(() -> new AssertionError("no committed OpenAPI document " + module))));
        merged = OpenApiMerge.merge(CommittedOpenApi.read("gateway").orElseThrow(), services);
    }

    @Test
    void theServicesDocumentsMergeWithoutAClash() {
        assertThat(merged.clashes()).isEmpty();
    }

    @Test
    void theMergedDocumentIsTheCommittedOne() {
        OpenApiContract.assertMatchesCommitted("platform", merged.document());
    }

    @Test
    void everyOperationIdIsUniqueOnThePlatform() {
        assertThat(OpenApiContract.operationIdProblems(merged.document())).isEmpty();
    }

    @Test
    void everyOperationShowsItsOwnServicesBodies() {
        List<String> differences = new ArrayList<>();
        int operations = 0;
        for (Map.Entry<String, JsonNode> service : services.entrySet()) {
            JsonNode own = service.getValue();
            for (Iterator<Map.Entry<String, JsonNode>> paths = own.path("paths").fields(); paths.hasNext(); ) {
                Map.Entry<String, JsonNode> path = paths.next();
                for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                    Map.Entry<String, JsonNode> op = ops.next();
                    JsonNode mergedOp = merged.document().path("paths").path(path.getKey()).path(op.getKey());
                    String where = service.getKey() + " " + op.getKey().toUpperCase() + " " + path.getKey();
                    if (mergedOp.isMissingNode()) {
                        differences.add(where + " is missing from the merged document");
                        continue;
                    }
                    operations++;
                    compare(where + " request", op.getValue().path("requestBody"), own,
                            mergedOp.path("requestBody"), merged.document(), differences);
                    for (Iterator<Map.Entry<String, JsonNode>> rs = op.getValue().path("responses").fields();
                            rs.hasNext(); ) {
                        Map.Entry<String, JsonNode> response = rs.next();
                        compare(where + " " + response.getKey(), response.getValue().path("content"), own,
                                mergedOp.path("responses").path(response.getKey()).path("content"),
                                merged.document(), differences);
                    }
                }
            }
        }
        assertThat(operations).as("operations compared").isGreaterThan(50);
        assertThat(differences).isEmpty();
    }

    /** Compares two parts of two documents with every schema reference replaced by what it names. */
    private static void compare(String where, JsonNode expected, JsonNode expectedDoc, JsonNode actual,
            JsonNode actualDoc, List<String> differences) {
        JsonNode a = inline(expected, expectedDoc, new HashSet<>());
        JsonNode b = inline(actual, actualDoc, new HashSet<>());
        if (!a.equals(b)) {
            differences.add(where + ": " + OpenApiContract.differences(a, b));
        }
    }

    private static JsonNode inline(JsonNode node, JsonNode doc, Set<String> visiting) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().startsWith("#/")) {
                if (!visiting.add(ref.asText())) {
                    return JsonNodeFactory.instance.textNode("(recursive " + ref.asText().substring(
                            ref.asText().lastIndexOf('/') + 1) + ")");
                }
                JsonNode resolved = inline(doc.at(ref.asText().substring(1)), doc, visiting);
                visiting.remove(ref.asText());
                return resolved;
            }
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            node.fields().forEachRemaining(e -> out.set(e.getKey(), inline(e.getValue(), doc, visiting)));
            return out;
        }
        if (node.isArray()) {
            var out = JsonNodeFactory.instance.arrayNode();
            node.forEach(child -> out.add(inline(child, doc, visiting)));
            return out;
        }
        return node;
    }
}
