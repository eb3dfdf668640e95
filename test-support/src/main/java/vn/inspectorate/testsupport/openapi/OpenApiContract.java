package vn.inspectorate.testsupport.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Holds a served OpenAPI document to the committed one. Run with {@code -Dopenapi.write=true}, it rewrites the
 * committed file from the served document instead of comparing.
 */
public final class OpenApiContract {

    private static final int MAX_DIFFERENCES = 40;

    private OpenApiContract() {
    }

    /** Whether this run regenerates the committed documents rather than checking them. */
    public static boolean writing() {
        return Boolean.getBoolean("openapi.write");
    }

    /** Fails with a readable list of differences unless {@code served} equals the committed document {@code name}. */
    public static void assertMatchesCommitted(String name, JsonNode served) {
        if (writing()) {
            CommittedOpenApi.write(name, served);
            return;
        }
        JsonNode committed = CommittedOpenApi.read(name).orElseThrow(() -> new AssertionError(
                "no committed OpenAPI document " + name + ".yaml; generate it with -Dopenapi.write=true"));
        List<String> differences = differences(committed, served);
        if (!differences.isEmpty()) {
            throw new AssertionError("the served OpenAPI document differs from " + CommittedOpenApi.FOLDER + "/"
                    + name + ".yaml (regenerate it with -Dopenapi.write=true and review the change):\n  "
                    + String.join("\n  ", differences));
        }
    }

    /** Operations without an operationId, and operationIds used more than once; empty when all is well. */
    public static List<String> operationIdProblems(JsonNode document) {
        List<String> problems = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!OpenApiOperations.METHODS.contains(op.getKey())) {
                    continue;
                }
                String where = op.getKey().toUpperCase() + " " + path.getKey();
                String id = op.getValue().path("operationId").asText("");
                if (op.getValue().path("summary").asText("").isEmpty() || op.getValue().path("tags").isEmpty()) {
                    problems.add(where + " has no summary or no tag");
                }
                if (id.isEmpty()) {
                    problems.add(where + " has no operationId");
                } else if (seen.containsKey(id)) {
                    problems.add(where + " repeats the operationId " + id + " of " + seen.get(id));
                } else {
                    seen.put(id, where);
                }
            }
        }
        return problems;
    }

    /** The differences between two documents as JSON pointers with both values; object member order is ignored. */
    public static List<String> differences(JsonNode expected, JsonNode actual) {
        List<String> out = new ArrayList<>();
        diff("", expected, actual, out);
        if (out.size() > MAX_DIFFERENCES) {
            int more = out.size() - MAX_DIFFERENCES;
            out = new ArrayList<>(out.subList(0, MAX_DIFFERENCES));
            out.add("... and " + more + " more");
        }
        return out;
    }

    private static void diff(String pointer, JsonNode expected, JsonNode actual, List<String> out) {
        if (expected.isObject() && actual.isObject()) {
            TreeSet<String> names = new TreeSet<>();
            expected.fieldNames().forEachRemaining(names::add);
            actual.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                String child = pointer + "/" + name.replace("~", "~0").replace("/", "~1");
                if (!expected.has(name)) {
                    out.add(child + ": only served: " + brief(actual.get(name)));
                } else if (!actual.has(name)) {
                    out.add(child + ": only committed: " + brief(expected.get(name)));
                } else {
                    diff(child, expected.get(name), actual.get(name), out);
                }
            }
        } else if (expected.isArray() && actual.isArray() && expected.size() == actual.size()) {
            for (int i = 0; i < expected.size(); i++) {
                diff(pointer + "/" + i, expected.get(i), actual.get(i), out);
            }
        } else if (!sameValue(expected, actual)) {
            out.add((pointer.isEmpty() ? "/" : pointer) + ": committed " + brief(expected) + ", served " + brief(actual));
        }
    }

    /** YAML reads numbers and strings alike as text where JSON has a number; compare their text. */
    private static boolean sameValue(JsonNode a, JsonNode b) {
        if (a.isValueNode() && b.isValueNode()) {
            return a.asText().equals(b.asText()) && a.isBoolean() == b.isBoolean() && a.isNull() == b.isNull();
        }
        return a.equals(b);
    }

    private static String brief(JsonNode node) {
        String text = node.toString();
        return text.length() > 160 ? text.substring(0, 157) + "..." : text;
    }
}
