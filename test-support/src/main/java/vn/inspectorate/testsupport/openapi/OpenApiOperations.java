package vn.inspectorate.testsupport.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** The operations of one OpenAPI 3.1 document: which one a request names, and its schemas as JSON Schema 2020-12. */
final class OpenApiOperations {

    static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    private final JsonNode document;
    private final List<Template> templates = new ArrayList<>();
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();

    /** A documented path, as a pattern, with the number of its literal segments (more literal wins a tie). */
    record Template(String path, Pattern pattern, List<String> parameterNames, int literalSegments) {
    }

    /** A request's operation: its document node, the path's template and the values of its path parameters. */
    record Match(String path, String method, JsonNode operation, Map<String, String> pathParameters) {
    }

    OpenApiOperations(JsonNode document) {
        this.document = document;
        for (Iterator<String> it = document.path("paths").fieldNames(); it.hasNext(); ) {
            String path = it.next();
            StringBuilder regex = new StringBuilder();
            List<String> names = new ArrayList<>();
            int literal = 0;
            for (String segment : path.substring(1).split("/", -1)) {
                regex.append('/');
                if (segment.startsWith("{") && segment.endsWith("}")) {
                    names.add(segment.substring(1, segment.length() - 1));
                    regex.append("([^/]+)");
                } else {
                    literal++;
                    regex.append(Pattern.quote(segment));
                }
            }
            templates.add(new Template(path, Pattern.compile(regex.toString()), names, literal));
        }
        templates.sort((a, b) -> Integer.compare(b.literalSegments(), a.literalSegments()));
    }

    JsonNode document() {
        return document;
    }

    /** The documented path a request path falls under, most literal first. */
    Optional<Template> template(String path) {
        return templates.stream().filter(t -> t.pattern().matcher(path).matches()).findFirst();
    }

    Optional<Match> match(String method, String path) {
        for (Template t : templates) {
            var m = t.pattern().matcher(path);
            if (!m.matches()) {
                continue;
            }
            JsonNode operation = document.path("paths").path(t.path()).path(method.toLowerCase());
            if (operation.isMissingNode()) {
                continue;
            }
            Map<String, String> values = new java.util.LinkedHashMap<>();
            for (int i = 0; i < t.parameterNames().size(); i++) {
                values.put(t.parameterNames().get(i), m.group(i + 1));
            }
            return Optional.of(new Match(t.path(), method.toLowerCase(), operation, values));
        }
        return Optional.empty();
    }

    /** The parameters of an operation, its path item's included, resolved. */
    List<JsonNode> parameters(Match match) {
        List<JsonNode> out = new ArrayList<>();
        document.path("paths").path(match.path()).path("parameters").forEach(p -> out.add(resolve(p)));
        match.operation().path("parameters").forEach(p -> out.add(resolve(p)));
        return out;
    }

    JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int depth = 0; depth < 10 && current.has("$ref") && current.size() == 1; depth++) {
            current = document.at(current.get("$ref").asText().substring(1));
        }
        return current;
    }

    /** A schema node of the document (by JSON pointer) as a validator that resolves the document's components. */
    JsonSchema schema(String pointer) {
        return schemas.computeIfAbsent(pointer, p -> {
            // the schema itself under allOf, beside the components its references point into
            ObjectNode root = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
            root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
            root.putArray("allOf").add(document.at(p));
            root.set("components", document.path("components"));
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(root, config);
        });
    }

    static String pointerEscape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
