package vn.inspectorate.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.inspectorate.contracts.inspections.InspectionConcluded;

/** (c) CloudEvents with payloads survive a JSON round trip, and their JSON has the documented shape. */
class CloudEventRoundTripTest {

    /** Dates as ISO strings; offsets kept as sent (Hanoi +07:00) instead of normalised to UTC. */
    private final ObjectMapper mapper = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);

    @Test
    void inspectionConcludedRoundTripsWithExactMoneyAndIsoTimes() throws Exception {
        UUID inspectionId = UUID.fromString("6f1c1a52-0b7e-4d55-9a59-1d3a0c1a9b10");
        InspectionConcluded payload = new InspectionConcluded(inspectionId, 7, SamplePayloads.HANOI_TIME, "VN-HN",
                "TTCP", "ENT-0101234567", "SPECIALIZED", "LAND", LocalDate.of(2025, 6, 30),
                9_007_199_254_740_993L, 125_400L, 1_234_567_890_123L, 0L, 4, 17, 2, 9,
                List.of(UUID.fromString("0d9c3c1e-5b1f-4b8e-8f33-5b2f3a8e4c21")));
        CloudEvent<InspectionConcluded> event = CloudEvent.of("/inspection-service", EventTypes.INSPECTION_CONCLUDED,
                inspectionId.toString(), SamplePayloads.HANOI_TIME, payload);

        String json = mapper.writeValueAsString(event);
        CloudEvent<InspectionConcluded> back = mapper.readValue(json,
                mapper.getTypeFactory().constructParametricType(CloudEvent.class, InspectionConcluded.class));

        assertThat(back).isEqualTo(event);
        JsonNode tree = mapper.readTree(json);
        assertThat(tree.path("specversion").asText()).isEqualTo("1.0");
        assertThat(tree.path("time").asText()).isEqualTo("2025-07-01T09:30:15.123+07:00");
        assertThat(tree.has("dataschema")).as("null envelope attributes are left out").isFalse();
        JsonNode data = tree.path("data");
        assertThat(data.path("violationsVnd").isIntegralNumber()).isTrue();
        assertThat(data.path("violationsVnd").asLong()).as("beyond 2^53: no floating point on the way")
                .isEqualTo(9_007_199_254_740_993L);
        assertThat(data.path("concludedOn").asText()).isEqualTo("2025-06-30");
        assertThat(data.path("inspectionId").asText()).isEqualTo(inspectionId.toString());
    }

    /** History is marked {@code backfilled: true}; a live event leaves the attribute out rather than writing false. */
    @Test
    void theBackfilledMarkIsWrittenOnlyOnHistoryAndReadBack() throws Exception {
        CloudEvent<JsonNode> live = CloudEvent.of("/inspection-service", EventTypes.INSPECTION_OPENED,
                UUID.randomUUID().toString(), SamplePayloads.HANOI_TIME, mapper.createObjectNode().put("version", 1));
        CloudEvent<JsonNode> history = live.withBackfilled(true);

        assertThat(mapper.readTree(mapper.writeValueAsString(live)).has("backfilled")).isFalse();
        assertThat(mapper.readTree(mapper.writeValueAsString(live.withBackfilled(false))).has("backfilled")).isFalse();
        JsonNode marked = mapper.readTree(mapper.writeValueAsString(history));
        assertThat(marked.path("backfilled").isBoolean()).isTrue();
        assertThat(marked.path("backfilled").asBoolean()).isTrue();
        CloudEvent<JsonNode> back = mapper.readValue(mapper.writeValueAsString(history),
                mapper.getTypeFactory().constructParametricType(CloudEvent.class, JsonNode.class));
        assertThat(back.backfilled()).isTrue();
        assertThat(back.withData(mapper.createObjectNode()).backfilled()).as("kept by withData").isTrue();
        assertThat(back.withTraceparent(null).backfilled()).as("kept by withTraceparent").isTrue();
    }

    static Stream<EventCatalog.Entry> catalog() {
        return EventCatalog.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalog")
    void everyRegisteredEventRoundTripsAndMatchesItsSchema(EventCatalog.Entry entry) throws Exception {
        Record payload = SamplePayloads.sample(entry.payloadType());
        CloudEvent<Record> event = CloudEvent.of("/test", entry.type(), UUID.randomUUID().toString(),
                SamplePayloads.HANOI_TIME, payload);

        String json = mapper.writeValueAsString(event);
        JavaType type = mapper.getTypeFactory().constructParametricType(CloudEvent.class, entry.payloadType());
        CloudEvent<?> back = mapper.readValue(json, type);
        assertThat(back).isEqualTo(event);

        JsonNode data = mapper.readTree(json).path("data");
        JsonNode schema = AsyncApiDocument.schemas().path(entry.payloadType().getSimpleName());
        List<String> problems = new ArrayList<>();
        checkAgainstSchema(data, schema, entry.payloadType().getSimpleName(), problems);
        assertThat(problems).as("JSON of " + entry.type() + " against its AsyncAPI schema").isEmpty();
    }

    /** A light structural check: field names, required fields and JSON types (enough to catch renames). */
    private static void checkAgainstSchema(JsonNode value, JsonNode schema, String where, List<String> problems) {
        JsonNode resolved = AsyncApiDocument.resolve(schema);
        String type = resolved.path("type").asText();
        switch (type) {
            case "object" -> {
                if (!value.isObject()) {
                    problems.add(where + " is not an object");
                    return;
                }
                Set<String> jsonFields = new TreeSet<>();
                value.fieldNames().forEachRemaining(jsonFields::add);
                Set<String> schemaFields = new TreeSet<>();
                resolved.path("properties").fieldNames().forEachRemaining(schemaFields::add);
                if (!jsonFields.equals(schemaFields)) {
                    problems.add(where + ": JSON fields " + jsonFields + " differ from schema properties "
                            + schemaFields);
                }
                resolved.path("required").forEach(r -> {
                    if (value.path(r.asText()).isMissingNode() || value.path(r.asText()).isNull()) {
                        problems.add(where + ": required " + r.asText() + " is missing");
                    }
                });
                resolved.path("properties").fields().forEachRemaining(p -> {
                    if (value.has(p.getKey())) {
                        checkAgainstSchema(value.get(p.getKey()), p.getValue(), where + "." + p.getKey(), problems);
                    }
                });
            }
            case "array" -> {
                if (!value.isArray()) {
                    problems.add(where + " is not an array");
                    return;
                }
                value.forEach(item -> checkAgainstSchema(item, resolved.path("items"), where + "[]", problems));
            }
            case "string" -> {
                if (!value.isTextual()) {
                    problems.add(where + " is not a string: " + value);
                }
            }
            case "integer" -> {
                if (!value.isIntegralNumber()) {
                    problems.add(where + " is not an integer: " + value);
                }
            }
            case "boolean" -> {
                if (!value.isBoolean()) {
                    problems.add(where + " is not a boolean: " + value);
                }
            }
            default -> problems.add(where + ": unexpected schema type '" + type + "'");
        }
    }
}
