package vn.inspectorate.complaints.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import vn.inspectorate.contracts.EventCatalog;

/**
 * The message schemas of the platform's AsyncAPI document (read from the contracts jar), each made a standalone
 * JSON Schema by inlining its local {@code $ref}s, keyed by the CloudEvents type the message carries.
 */
final class AsyncApiSchemas {

    private final JsonNode root;
    private final Map<String, JsonSchema> byType = new HashMap<>();

    AsyncApiSchemas() {
        try (InputStream in = EventCatalog.class.getResourceAsStream(EventCatalog.ASYNCAPI_RESOURCE)) {
            root = new ObjectMapper(new YAMLFactory()).readTree(in);
        } catch (Exception e) {
            throw new IllegalStateException("the AsyncAPI document cannot be read", e);
        }
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        Iterator<Map.Entry<String, JsonNode>> messages = root.path("components").path("messages").fields();
        while (messages.hasNext()) {
            JsonNode message = messages.next().getValue();
            byType.put(message.path("name").asText(), factory.getSchema(inline(message.path("payload")), config));
        }
    }

    Optional<JsonSchema> forType(String type) {
        return Optional.ofNullable(byType.get(type));
    }

    private JsonNode inline(JsonNode node) {
        if (node.isObject()) {
            if (node.has("$ref")) {
                String ref = node.get("$ref").asText();
                if (!ref.startsWith("#/")) {
                    throw new IllegalStateException("only local $refs are supported: " + ref);
                }
                return inline(root.at(ref.substring(1)));
            }
            ObjectNode copy = ((ObjectNode) node).objectNode();
            node.fields().forEachRemaining(e -> copy.set(e.getKey(), inline(e.getValue())));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = ((ArrayNode) node).arrayNode();
            node.forEach(n -> copy.add(inline(n)));
            return copy;
        }
        return node;
    }
}
