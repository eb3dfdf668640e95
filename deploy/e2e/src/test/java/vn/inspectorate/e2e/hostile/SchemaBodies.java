package vn.inspectorate.e2e.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Iterator;
import java.util.Map;
import java.util.UUID;

/**
 * A body that satisfies a request schema as far as the schema can say: required fields, enum values, formats, lengths
 * and bounds. Business rules the schema cannot express (codes that must exist, dates in order) come from the seeds.
 */
final class SchemaBodies {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    static JsonNode valid(WriteOperations.Operation op, JsonNode schema, String marker, int depth) {
        JsonNode s = op.resolve(schema);
        if (s == null || depth > 12) {
            return NODES.nullNode();
        }
        for (String combinator : new String[] {"allOf", "oneOf", "anyOf"}) {
            if (s.has(combinator) && s.get(combinator).size() > 0) {
                if (combinator.equals("allOf")) {
                    ObjectNode merged = NODES.objectNode();
                    for (JsonNode part : s.get("allOf")) {
                        JsonNode value = valid(op, part, marker, depth + 1);
                        if (value instanceof ObjectNode o) {
                            merged.setAll(o);
                        } else if (s.get("allOf").size() == 1) {
                            return value;
                        }
                    }
                    return merged;
                }
                return valid(op, s.get(combinator).get(0), marker, depth + 1);
            }
        }
        if (s.has("enum") && s.get("enum").size() > 0) {
            return s.get("enum").get(0);
        }
        String type = typeOf(s);
        switch (type) {
            case "object": {
                ObjectNode o = NODES.objectNode();
                JsonNode props = s.path("properties");
                for (JsonNode required : s.path("required")) {
                    String name = required.asText();
                    if (props.has(name)) {
                        o.set(name, valid(op, props.get(name), marker, depth + 1));
                    }
                }
                return o;
            }
            case "array": {
                ArrayNode a = NODES.arrayNode();
                int min = Math.max(1, s.path("minItems").asInt(1));
                for (int i = 0; i < min; i++) {
                    a.add(valid(op, s.path("items"), marker, depth + 1));
                }
                return a;
            }
            case "integer":
                return NODES.numberNode(Math.max(1L, s.path("minimum").asLong(1)));
            case "number":
                return NODES.numberNode(Math.max(1L, s.path("minimum").asLong(1)));
            case "boolean":
                return NODES.booleanNode(false);
            default:
                return NODES.textNode(string(s, marker));
        }
    }

    private static String string(JsonNode s, String marker) {
        switch (s.path("format").asText("")) {
            case "date":
                return LocalDate.now(VIETNAM).toString();
            case "date-time":
                return OffsetDateTime.now(VIETNAM).toString();
            case "uuid":
                return UUID.randomUUID().toString();
            case "uri":
            case "url":
                return "https://partner.example.com/hooks/" + marker;
            default:
                break;
        }
        switch (s.path("pattern").asText("")) {
            case "VN-[0-9A-Z]{2}", "VN-[0-9A-Z]{2,3}", "VN-[A-Z0-9]{2,3}":
                return "VN-HN";
            case "[A-Z][A-Z0-9_]*":
                return "HOSTILE_E2E";
            case "\\d{4}-(0[1-9]|1[0-2])":
                return java.time.YearMonth.now(VIETNAM).toString();
            case "[A-Z0-9][A-Z0-9._-]{0,31}":
                return "HOSTILE-E2E";
            case "[0-9]{12}":
                return "0" + String.format("%011d", Math.floorMod(marker.hashCode(), 100_000_000_000L));
            default:
                break;
        }
        String value = marker;
        int min = s.path("minLength").asInt(0);
        while (value.length() < min) {
            value = value + "-" + marker;
        }
        if (s.has("maxLength") && value.length() > s.get("maxLength").asInt()) {
            value = value.substring(0, s.get("maxLength").asInt());
        }
        return value;
    }

    static String typeOf(JsonNode s) {
        JsonNode type = s.path("type");
        if (type.isTextual()) {
            return type.asText();
        }
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!t.asText().equals("null")) {
                    return t.asText();
                }
            }
        }
        if (s.has("properties")) {
            return "object";
        }
        if (s.has("items")) {
            return "array";
        }
        return "string";
    }

    /** Every (schema of a) property reachable in a body, by its JSON pointer into that body. */
    static void leaves(WriteOperations.Operation op, JsonNode schema, JsonNode body, String pointer,
            Map<String, JsonNode> out, int depth) {
        JsonNode s = op.resolve(schema);
        if (s == null || depth > 12) {
            return;
        }
        if (s.has("allOf") && s.get("allOf").size() == 1) {
            leaves(op, s.get("allOf").get(0), body, pointer, out, depth + 1);
            return;
        }
        if (!pointer.isEmpty()) {
            out.put(pointer, s);
        }
        if (body instanceof ObjectNode o) {
            JsonNode props = s.path("properties");
            for (Iterator<String> names = o.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (props.has(name)) {
                    leaves(op, props.get(name), o.get(name), pointer + "/" + name, out, depth + 1);
                }
            }
        } else if (body instanceof ArrayNode a && a.size() > 0) {
            leaves(op, s.path("items"), a.get(0), pointer + "/0", out, depth + 1);
        }
    }

    private SchemaBodies() {
    }
}
