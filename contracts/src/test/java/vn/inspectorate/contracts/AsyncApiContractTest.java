package vn.inspectorate.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Holds the payload records and {@link EventCatalog} to the AsyncAPI document, in both directions. */
class AsyncApiContractTest {

    private static final String ENVELOPE_SCHEMA = CloudEvent.class.getSimpleName();
    private static final String SCHEMA_REF_PREFIX = "#/components/schemas/";

    @Test
    void documentIsAsyncApi3WithAKafkaServer() {
        JsonNode root = AsyncApiDocument.root();
        assertThat(root.path("asyncapi").asText()).isEqualTo("3.0.0");
        assertThat(root.path("info").path("title").asText()).isNotBlank();
        assertThat(root.path("info").path("version").asText()).isNotBlank();
        assertThat(root.path("info").path("description").asText())
                .as("the dead-letter topic pattern is documented")
                .contains("inspectorate.<service>.dlq");

        JsonNode kafka = root.path("servers").path("kafka");
        assertThat(kafka.path("protocol").asText()).isEqualTo("kafka");
        String host = kafka.path("host").asText();
        assertThat(host).startsWith("{").endsWith("}");
        String variable = host.substring(1, host.length() - 1);
        assertThat(kafka.path("variables").path(variable).path("default").asText()).isEqualTo("localhost:9092");
    }

    /** (a) every registered payload has a schema with exactly its component names, and every schema is registered. */
    @Test
    void schemasAndPayloadRecordsMatchInBothDirections() {
        JsonNode schemas = AsyncApiDocument.schemas();
        List<String> problems = new ArrayList<>();

        Map<String, Class<? extends Record>> recordsBySimpleName = new LinkedHashMap<>();
        for (EventCatalog.Entry entry : EventCatalog.all()) {
            Class<? extends Record> payload = entry.payloadType();
            Class<? extends Record> clash = recordsBySimpleName.put(payload.getSimpleName(), payload);
            if (clash != null) {
                problems.add("two payload records share the simple name " + payload.getSimpleName() + ": "
                        + clash.getName() + " and " + payload.getName());
            }
            JsonNode schema = schemas.path(payload.getSimpleName());
            if (schema.isMissingNode()) {
                problems.add("record " + payload.getName() + " (event " + entry.type()
                        + ") has no components/schemas/" + payload.getSimpleName() + " in the AsyncAPI document");
                continue;
            }
            compareRecordToSchema(payload, schema, "components/schemas/" + payload.getSimpleName(), problems);
        }

        for (String schemaName : fieldNames(schemas)) {
            if (!schemaName.equals(ENVELOPE_SCHEMA) && !recordsBySimpleName.containsKey(schemaName)) {
                problems.add("components/schemas/" + schemaName
                        + " is not the payload record of any event registered in EventCatalog");
            }
        }

        assertThat(problems).as("mismatches between payload records and AsyncAPI schemas").isEmpty();
    }

    @Test
    void envelopeSchemaMatchesTheCloudEventRecord() {
        JsonNode envelope = AsyncApiDocument.schemas().path(ENVELOPE_SCHEMA);
        assertThat(envelope.isMissingNode()).as("components/schemas/" + ENVELOPE_SCHEMA).isFalse();
        assertThat(fieldNames(envelope.path("properties")))
                .as("properties of components/schemas/" + ENVELOPE_SCHEMA)
                .containsExactlyInAnyOrderElementsOf(componentNames(CloudEvent.class));
        assertThat(envelope.path("properties").path("specversion").path("const").asText())
                .isEqualTo(CloudEvent.SPEC_VERSION);
        assertThat(texts(envelope.path("required"))).contains("specversion", "id", "source", "type", "data");
    }

    /** The Distributed Tracing extension attribute is documented with the W3C format the producers write. */
    @Test
    void envelopeDocumentsTraceparentInW3cFormat() {
        JsonNode traceparent = AsyncApiDocument.schemas().path(ENVELOPE_SCHEMA).path("properties").path("traceparent");
        assertThat(traceparent.path("type").asText()).isEqualTo("string");
        Pattern pattern = Pattern.compile(traceparent.path("pattern").asText());
        assertThat(pattern.matcher("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01").find()).isTrue();
        assertThat(pattern.matcher("00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01").find()).isFalse();
        assertThat(pattern.matcher("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7").find()).isFalse();
        assertThat(texts(AsyncApiDocument.schemas().path(ENVELOPE_SCHEMA).path("required")))
                .as("events written before trace context was carried have none").doesNotContain("traceparent");
    }

    /**
     * A coded field (a kind, status, outcome, ...) lists every value a producer writes as an {@code enum}; the
     * services' tests hold their Java enums to these lists. Free text is named here as such.
     */
    @Test
    void codedFieldsListTheirValues() {
        Set<String> coded = Set.of("kind", "status", "channel", "step", "closureReason", "conclusion", "ground",
                "inspectionType", "periodKind", "periodCalendar", "scope", "rule", "ruleId", "instance",
                "fromInstance", "toInstance");
        // written as the client sent them (free text or a rule set's code list that changes without a release)
        Set<String> free = Set.of("CaseResolved.outcome", "CaseTransferred.reasonCode");
        List<String> problems = new ArrayList<>();
        JsonNode schemas = AsyncApiDocument.schemas();
        for (String schemaName : fieldNames(schemas)) {
            checkCoded(schemaName, schemas.path(schemaName), coded, free, problems);
        }
        assertThat(problems).isEmpty();
    }

    private static void checkCoded(String where, JsonNode schema, Set<String> coded, Set<String> free,
            List<String> problems) {
        JsonNode properties = schema.path("properties");
        for (String name : fieldNames(properties)) {
            JsonNode property = AsyncApiDocument.resolve(properties.path(name));
            String path = where + "." + name;
            if ("array".equals(property.path("type").asText())) {
                checkCoded(path + "[]", AsyncApiDocument.resolve(property.path("items")), coded, free, problems);
                continue;
            }
            JsonNode values = property.path("enum");
            if (values.isMissingNode()) {
                if (coded.contains(name) && !free.contains(path)) {
                    problems.add(path + " is a coded field without an enum");
                }
                continue;
            }
            List<String> texts = new ArrayList<>();
            values.forEach(v -> texts.add(v.asText()));
            if (texts.isEmpty() || new LinkedHashSet<>(texts).size() != texts.size()) {
                problems.add(path + ": enum is empty or repeats a value");
            }
            String type = property.path("type").asText();
            values.forEach(v -> {
                if ("string".equals(type) ? !v.isTextual() : !v.isIntegralNumber()) {
                    problems.add(path + ": enum value " + v + " is not of type " + type);
                }
            });
        }
    }

    /** (b) every catalog event is a message on the channel of its topic, and every message is a catalog event. */
    @Test
    void messagesAndCatalogMatchInBothDirections() {
        Map<String, String> topicByTypeInDocument = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();

        JsonNode channels = AsyncApiDocument.root().path("channels");
        for (String channelName : fieldNames(channels)) {
            JsonNode channel = channels.get(channelName);
            String address = channel.path("address").asText();
            for (String messageKey : fieldNames(channel.path("messages"))) {
                JsonNode message = AsyncApiDocument.resolve(channel.path("messages").get(messageKey));
                String type = message.path("name").asText();
                String where = "message " + messageKey + " on channel " + channelName + " (" + address + ")";
                String previous = topicByTypeInDocument.put(type, address);
                if (previous != null) {
                    problems.add(where + ": event type " + type + " is also on " + previous);
                }
                if (EventCatalog.find(type).isEmpty()) {
                    problems.add(where + ": event type '" + type + "' is not registered in EventCatalog");
                    continue;
                }
                EventCatalog.Entry entry = EventCatalog.entry(type);
                if (!entry.topic().equals(address)) {
                    problems.add(where + ": EventCatalog publishes " + type + " on " + entry.topic());
                }
                checkMessage(entry, message, where, problems);
            }
        }

        for (EventCatalog.Entry entry : EventCatalog.all()) {
            if (!topicByTypeInDocument.containsKey(entry.type())) {
                problems.add("event " + entry.type() + " (topic " + entry.topic()
                        + ") has no message on any channel of the AsyncAPI document");
            }
        }

        assertThat(problems).as("mismatches between EventCatalog and AsyncAPI messages").isEmpty();
    }

    @Test
    void everyTopicHasOneChannelAndASendOperation() {
        JsonNode root = AsyncApiDocument.root();
        Map<String, String> channelByAddress = new LinkedHashMap<>();
        root.path("channels").fields().forEachRemaining(e -> channelByAddress.put(e.getValue().path("address").asText(),
                e.getKey()));
        Set<String> catalogTopics = EventCatalog.all().stream().map(EventCatalog.Entry::topic)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(channelByAddress.keySet()).as("channel addresses")
                .containsExactlyInAnyOrderElementsOf(catalogTopics);

        for (Map.Entry<String, String> channel : channelByAddress.entrySet()) {
            String channelRef = "#/channels/" + channel.getValue();
            List<JsonNode> sends = new ArrayList<>();
            root.path("operations").forEach(op -> {
                if (op.path("channel").path("$ref").asText().equals(channelRef)) {
                    sends.add(op);
                }
            });
            assertThat(sends).as("send operations on channel " + channel.getKey()).hasSize(1);
            JsonNode send = sends.get(0);
            assertThat(send.path("action").asText()).isEqualTo("send");
            Set<String> operationMessages = new TreeSet<>();
            send.path("messages").forEach(m -> operationMessages.add(m.path("$ref").asText()));
            Set<String> channelMessages = new TreeSet<>();
            root.path("channels").path(channel.getValue()).path("messages").fieldNames()
                    .forEachRemaining(key -> channelMessages.add(channelRef + "/messages/" + key));
            assertThat(operationMessages).as("messages sent on " + channel.getKey()).isEqualTo(channelMessages);
        }
    }

    private static void checkMessage(EventCatalog.Entry entry, JsonNode message, String where, List<String> problems) {
        if (!"application/cloudevents+json".equals(message.path("contentType").asText())) {
            problems.add(where + ": contentType is '" + message.path("contentType").asText()
                    + "', expected application/cloudevents+json");
        }
        JsonNode key = message.path("bindings").path("kafka").path("key");
        if (!"string".equals(key.path("type").asText()) || !"uuid".equals(key.path("format").asText())) {
            problems.add(where + ": bindings.kafka.key must document the aggregate id (type string, format uuid)");
        }
        JsonNode allOf = message.path("payload").path("allOf");
        boolean envelope = false;
        String dataRef = null;
        String typeConst = null;
        for (JsonNode part : allOf) {
            envelope |= part.path("$ref").asText().equals(SCHEMA_REF_PREFIX + ENVELOPE_SCHEMA);
            if (part.path("properties").has("data")) {
                dataRef = part.path("properties").path("data").path("$ref").asText();
                typeConst = part.path("properties").path("type").path("const").asText(null);
            }
        }
        if (!envelope) {
            problems.add(where + ": payload is not the " + ENVELOPE_SCHEMA + " envelope (allOf $ref)");
        }
        String expectedRef = SCHEMA_REF_PREFIX + entry.payloadType().getSimpleName();
        if (!expectedRef.equals(dataRef)) {
            problems.add(where + ": data is " + dataRef + ", expected " + expectedRef);
        }
        if (!entry.type().equals(typeConst)) {
            problems.add(where + ": envelope type const is " + typeConst + ", expected " + entry.type());
        }
    }

    private static void compareRecordToSchema(Class<?> record, JsonNode schema, String where, List<String> problems) {
        if (!"object".equals(schema.path("type").asText())) {
            problems.add(where + ": type must be object");
        }
        Set<String> recordNames = new LinkedHashSet<>(componentNames(record));
        Set<String> schemaNames = new LinkedHashSet<>(fieldNames(schema.path("properties")));
        Set<String> missing = new TreeSet<>(recordNames);
        missing.removeAll(schemaNames);
        Set<String> extra = new TreeSet<>(schemaNames);
        extra.removeAll(recordNames);
        if (!missing.isEmpty()) {
            problems.add(where + ": lacks properties " + missing + " of record " + record.getName());
        }
        if (!extra.isEmpty()) {
            problems.add(where + ": has properties " + extra + " that record " + record.getName() + " does not have");
        }
        Set<String> required = new LinkedHashSet<>(texts(schema.path("required")));
        Set<String> unknownRequired = new TreeSet<>(required);
        unknownRequired.removeAll(schemaNames);
        if (!unknownRequired.isEmpty()) {
            problems.add(where + ": requires unknown properties " + unknownRequired);
        }
        for (RecordComponent component : record.getRecordComponents()) {
            JsonNode property = schema.path("properties").path(component.getName());
            if (property.isMissingNode()) {
                continue;
            }
            String propertyWhere = where + "." + component.getName();
            if (component.getType().isPrimitive() && !required.contains(component.getName())) {
                problems.add(propertyWhere + ": primitive " + component.getType() + " must be required");
            }
            compareType(component.getGenericType(), property, propertyWhere, problems);
        }
    }

    private static void compareType(Type javaType, JsonNode property, String where, List<String> problems) {
        if (javaType instanceof ParameterizedType parameterized
                && Collection.class.isAssignableFrom((Class<?>) parameterized.getRawType())) {
            expect(property, "array", null, where, problems);
            compareType(parameterized.getActualTypeArguments()[0], property.path("items"), where + "[]", problems);
            return;
        }
        Class<?> raw = (Class<?>) javaType;
        if (raw == UUID.class) {
            expect(property, "string", "uuid", where, problems);
        } else if (raw == OffsetDateTime.class) {
            expect(property, "string", "date-time", where, problems);
        } else if (raw == LocalDate.class) {
            expect(property, "string", "date", where, problems);
        } else if (raw == String.class) {
            expect(property, "string", null, where, problems);
        } else if (raw == long.class || raw == Long.class) {
            expect(property, "integer", "int64", where, problems);
        } else if (raw == int.class || raw == Integer.class) {
            expect(property, "integer", "int32", where, problems);
        } else if (raw == boolean.class || raw == Boolean.class) {
            expect(property, "boolean", null, where, problems);
        } else if (raw.isRecord()) {
            compareRecordToSchema(raw, AsyncApiDocument.resolve(property), where, problems);
        } else {
            problems.add(where + ": Java type " + raw.getName() + " has no JSON mapping in this contract"
                    + " (money is long VND; no floating point, no BigDecimal)");
        }
    }

    private static void expect(JsonNode property, String type, String format, String where, List<String> problems) {
        JsonNode resolved = AsyncApiDocument.resolve(property);
        if (!type.equals(resolved.path("type").asText())) {
            problems.add(where + ": JSON type is '" + resolved.path("type").asText() + "', expected " + type);
        }
        if (format != null && !format.equals(resolved.path("format").asText())) {
            problems.add(where + ": format is '" + resolved.path("format").asText() + "', expected " + format);
        }
    }

    static List<String> componentNames(Class<?> record) {
        return Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).toList();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
