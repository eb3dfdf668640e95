package vn.inspectorate.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Merges the services' OpenAPI documents into the gateway's own: their {@code /api/} paths, schemas, security schemes
 * and tags, and on every routed operation the answers the gateway itself can give (401 where a token is required,
 * 429, 502, 503, 504). A schema
 * name two documents define differently is a clash: the later service's schema is kept under
 * {@code <service>.<name>} with its references rewritten, so no operation shows another service's body.
 */
public final class OpenApiMerge {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String SCHEMAS = "#/components/schemas/";
    private static final String PROBLEM_MEDIA = "application/problem+json";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");

    /** The merged document, and every clash found (empty when the documents fit together). */
    public record Result(ObjectNode document, List<String> clashes) {
    }

    private OpenApiMerge() {
    }

    /** Merges {@code services} (by service name, merged in name order) into a copy of {@code gateway}. */
    public static Result merge(JsonNode gateway, Map<String, ? extends JsonNode> services) {
        ObjectNode out = gateway.deepCopy();
        ObjectNode paths = out.withObjectProperty("paths");
        ObjectNode components = out.withObjectProperty("components");
        ObjectNode schemas = components.withObjectProperty("schemas");
        ObjectNode securitySchemes = components.withObjectProperty("securitySchemes");
        Map<String, String> schemaOwner = new HashMap<>();
        schemas.fieldNames().forEachRemaining(name -> schemaOwner.put(name, "gateway"));
        Map<String, String> pathOwner = new HashMap<>();
        paths.fieldNames().forEachRemaining(path -> pathOwner.put(path, "gateway"));
        List<String> clashes = new ArrayList<>();

        for (Map.Entry<String, ? extends JsonNode> service : new TreeMap<String, JsonNode>(services).entrySet()) {
            String name = service.getKey();
            ObjectNode doc = service.getValue().deepCopy();
            Map<String, String> renames = new HashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = doc.path("components").path("schemas").fields();
                    it.hasNext(); ) {
                Map.Entry<String, JsonNode> schema = it.next();
                JsonNode existing = schemas.get(schema.getKey());
                if (existing != null && !existing.equals(schema.getValue())) {
                    clashes.add("schema " + schema.getKey() + " of " + name + " differs from the one of "
                            + schemaOwner.get(schema.getKey()));
                    renames.put(schema.getKey(), name + "." + schema.getKey());
                }
            }
            if (!renames.isEmpty()) {
                rewriteRefs(doc, renames);
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = doc.path("components").path("schemas").fields();
                    it.hasNext(); ) {
                Map.Entry<String, JsonNode> schema = it.next();
                String target = renames.getOrDefault(schema.getKey(), schema.getKey());
                if (!schemas.has(target)) {
                    schemas.set(target, schema.getValue());
                    schemaOwner.put(target, name);
                }
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = doc.path("components").path("securitySchemes").fields();
                    it.hasNext(); ) {
                Map.Entry<String, JsonNode> scheme = it.next();
                JsonNode existing = securitySchemes.get(scheme.getKey());
                if (existing == null) {
                    securitySchemes.set(scheme.getKey(), scheme.getValue());
                } else if (!existing.equals(scheme.getValue())) {
                    clashes.add("security scheme " + scheme.getKey() + " of " + name + " differs from another's");
                }
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = doc.path("paths").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> path = it.next();
                if (!path.getKey().startsWith("/api/")) {
                    continue;
                }
                if (pathOwner.containsKey(path.getKey())) {
                    clashes.add("path " + path.getKey() + " of " + name + " is also published by "
                            + pathOwner.get(path.getKey()));
                    continue;
                }
                ObjectNode item = (ObjectNode) path.getValue();
                addGatewayAnswers(item);
                paths.set(path.getKey(), item);
                pathOwner.put(path.getKey(), name);
            }
            ArrayNode tags = out.withArrayProperty("tags");
            for (JsonNode tag : doc.path("tags")) {
                boolean known = false;
                for (JsonNode t : tags) {
                    known |= t.path("name").equals(tag.path("name"));
                }
                if (!known) {
                    tags.add(tag);
                }
            }
        }
        if (securitySchemes.isEmpty()) {
            components.remove("securitySchemes");
        }
        return new Result(out, List.copyOf(clashes));
    }

    /** What the gateway answers on any routed operation before (or instead of) the service. */
    static void addGatewayAnswers(ObjectNode pathItem) {
        for (Iterator<Map.Entry<String, JsonNode>> it = pathItem.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> op = it.next();
            if (!METHODS.contains(op.getKey()) || !op.getValue().isObject()) {
                continue;
            }
            ObjectNode responses = ((ObjectNode) op.getValue()).withObjectProperty("responses");
            // an operation without a security requirement is public: the gateway asks no token there either
            if (!op.getValue().path("security").isEmpty()) {
                ObjectNode unauthorized = problem(responses, "401", "No valid bearer token (RFC 6750)");
                unauthorized.withObjectProperty("headers").set("WWW-Authenticate", header(
                        "Bearer, with error and error_description when a token was sent", "string"));
            }
            ObjectNode tooMany = problem(responses, "429", "The caller's rate limit is spent");
            ObjectNode limitHeaders = tooMany.withObjectProperty("headers");
            limitHeaders.set("Retry-After", header("Seconds until a request may succeed", "integer"));
            limitHeaders.set("RateLimit-Policy", header("The caller's quota policy (IETF httpapi RateLimit headers)",
                    "string"));
            limitHeaders.set("RateLimit", header("The caller's remaining quota and its reset (IETF httpapi RateLimit"
                    + " headers)", "string"));
            problem(responses, "502", "The owning service answered nothing usable");
            ObjectNode unavailable = problem(responses, "503", "The owning service is unavailable");
            unavailable.withObjectProperty("headers").set("Retry-After",
                    header("Seconds after which the same request may be sent again", "integer"));
            problem(responses, "504", "The owning service did not answer in time");
        }
    }

    /** The response for {@code status}, existing or new, as a problem. */
    private static ObjectNode problem(ObjectNode responses, String status, String description) {
        ObjectNode response = responses.withObjectProperty(status);
        if (!response.has("description")) {
            response.put("description", description);
        }
        ObjectNode media = NODES.objectNode();
        media.putObject("schema").put("$ref", SCHEMAS + "Problem");
        response.putObject("content").set(PROBLEM_MEDIA, media);
        return response;
    }

    private static ObjectNode header(String description, String type) {
        ObjectNode header = NODES.objectNode();
        header.put("description", description);
        header.putObject("schema").put("type", type);
        return header;
    }

    private static void rewriteRefs(JsonNode node, Map<String, String> renames) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().startsWith(SCHEMAS)) {
                String target = renames.get(ref.asText().substring(SCHEMAS.length()));
                if (target != null) {
                    object.put("$ref", SCHEMAS + target);
                }
            }
            object.elements().forEachRemaining(child -> rewriteRefs(child, renames));
        } else if (node.isArray()) {
            node.elements().forEachRemaining(child -> rewriteRefs(child, renames));
        }
    }
}
