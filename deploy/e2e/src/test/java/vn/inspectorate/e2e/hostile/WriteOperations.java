package vn.inspectorate.e2e.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Every write operation (POST, PUT, PATCH, DELETE) the services and the gateway publish in their OpenAPI documents. */
final class WriteOperations {

    private static final Set<String> WRITE_METHODS = Set.of("post", "put", "patch", "delete");
    private static final Pattern PATH_PARAM = Pattern.compile("\\{([^}]+)}");
    static final ObjectMapper JSON = new ObjectMapper();

    /** One write operation; {@code schema} is the JSON request body's schema with references left to {@link #resolve}. */
    record Operation(String source, String method, String path, JsonNode schema, List<String> mediaTypes,
            List<String> pathParams, JsonNode document) {

        String key() {
            return method + " " + path;
        }

        boolean hasBody() {
            return schema != null;
        }

        /** The schema a {@code $ref} points to, within this operation's own document. */
        JsonNode resolve(JsonNode node) {
            JsonNode current = node;
            for (int hops = 0; current != null && current.has("$ref") && hops < 20; hops++) {
                String ref = current.get("$ref").asText();
                current = document.at(ref.substring(1));
                if (current instanceof MissingNode) {
                    throw new IllegalStateException("unresolvable " + ref + " in " + key());
                }
            }
            return current;
        }
    }

    /**
     * The documents by their source name; every one must answer, or the suite would silently test less. The gateway's
     * merged document repeats the services' paths: the owning service's entry, fetched first, wins.
     */
    static List<Operation> fetch(HttpClient http, Map<String, String> documentUrls) {
        Map<String, Operation> byKey = new LinkedHashMap<>();
        documentUrls.forEach((source, url) -> parse(source, get(http, url)).forEach(op -> byKey.putIfAbsent(op.key(), op)));
        return List.copyOf(byKey.values());
    }

    /** The write operations of one document. */
    static List<Operation> parse(String source, JsonNode document) {
        List<Operation> operations = new ArrayList<>();
        {
            for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
                Map.Entry<String, JsonNode> path = paths.next();
                for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                    Map.Entry<String, JsonNode> op = ops.next();
                    // another address of a documented operation (x-alias-of) is exercised through that operation
                    if (!WRITE_METHODS.contains(op.getKey()) || op.getValue().has("x-alias-of")) {
                        continue;
                    }
                    JsonNode content = op.getValue().path("requestBody").path("content");
                    List<String> mediaTypes = new ArrayList<>();
                    content.fieldNames().forEachRemaining(mediaTypes::add);
                    JsonNode schema = content.path("application/json").path("schema");
                    List<String> params = new ArrayList<>();
                    Matcher m = PATH_PARAM.matcher(path.getKey());
                    while (m.find()) {
                        params.add(m.group(1));
                    }
                    Operation operation = new Operation(source, op.getKey().toUpperCase(java.util.Locale.ROOT),
                            path.getKey(), schema.isMissingNode() ? null : schema, mediaTypes, params, document);
                    operations.add(operation);
                }
            }
        }
        return operations;
    }

    private static JsonNode get(HttpClient http, String url) {
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(url + " answered " + response.statusCode());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private WriteOperations() {
    }
}
