package vn.inspectorate.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import vn.inspectorate.contracts.EventCatalog;

/**
 * The message schemas of the platform's AsyncAPI document (read from the contracts jar), by CloudEvents type, so a
 * test can hold every event it reads off a real topic to the published contract.
 */
public final class AsyncApiSchemas {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNode ROOT = load();
    private static final Map<String, JsonSchema> BY_TYPE = new ConcurrentHashMap<>();

    private AsyncApiSchemas() {
    }

    /** The validation messages of {@code event} against the schema of its type; empty when it is valid. */
    public static Set<ValidationMessage> validate(JsonNode event) {
        String type = event.path("type").asText();
        return forType(type).orElseThrow(() -> new IllegalArgumentException("no AsyncAPI message named " + type))
                .validate(event);
    }

    /** The schema of a whole CloudEvent of {@code type}, or empty when the document names no such message. */
    public static Optional<JsonSchema> forType(String type) {
        return Optional.ofNullable(BY_TYPE.computeIfAbsent(type, AsyncApiSchemas::schemaOf));
    }

    /**
     * The values the document lists as {@code enum} for a property of the payload schema {@code schema}, following
     * {@code path} through nested properties (an array steps into its items); empty when it lists none.
     */
    public static List<String> enumValues(String schema, String... path) {
        JsonNode node = resolve(ROOT.path("components").path("schemas").path(schema));
        for (String property : path) {
            if ("array".equals(node.path("type").asText())) {
                node = resolve(node.path("items"));
            }
            node = resolve(node.path("properties").path(property));
        }
        if (node.isMissingNode()) {
            throw new IllegalArgumentException("no property " + String.join(".", path) + " in schema " + schema);
        }
        List<String> values = new ArrayList<>();
        node.path("enum").forEach(v -> values.add(v.asText()));
        return values;
    }

    private static JsonNode resolve(JsonNode node) {
        String ref = node.path("$ref").asText("");
        return ref.startsWith("#/") ? ROOT.at(ref.substring(1)) : node;
    }

    private static JsonSchema schemaOf(String type) {
        JsonNode messages = ROOT.path("components").path("messages");
        for (Iterator<Map.Entry<String, JsonNode>> it = messages.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> message = it.next();
            if (type.equals(message.getValue().path("name").asText())) {
                ObjectNode schema = JSON.createObjectNode();
                schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
                schema.put("$ref", "#/components/messages/" + message.getKey() + "/payload");
                schema.set("components", ROOT.path("components"));
                SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
                return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema, config);
            }
        }
        return null;
    }

    private static JsonNode load() {
        try (InputStream in = EventCatalog.class.getResourceAsStream(EventCatalog.ASYNCAPI_RESOURCE)) {
            return new ObjectMapper(new YAMLFactory()).readTree(in);
        } catch (Exception e) {
            throw new IllegalStateException("AsyncAPI document unreadable", e);
        }
    }
}
