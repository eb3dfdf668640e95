package vn.inspectorate.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Test helper: the AsyncAPI document of this module, read as a JSON tree, with local {@code $ref} resolution. */
final class AsyncApiDocument {

    private static final JsonNode ROOT = load();

    private AsyncApiDocument() {
    }

    static JsonNode root() {
        return ROOT;
    }

    /** The node itself, or the node its local {@code $ref} ({@code #/a/b}) points to, followed transitively. */
    static JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; current.has("$ref"); hops++) {
            if (hops > 10) {
                throw new IllegalStateException("$ref cycle at " + node);
            }
            String ref = current.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                throw new IllegalStateException("only local $refs are supported, found " + ref);
            }
            JsonNode target = ROOT.at(ref.substring(1));
            if (target.isMissingNode()) {
                throw new IllegalStateException("dangling $ref " + ref);
            }
            current = target;
        }
        return current;
    }

    static JsonNode schemas() {
        return ROOT.path("components").path("schemas");
    }

    private static JsonNode load() {
        try (InputStream in = AsyncApiDocument.class.getResourceAsStream(EventCatalog.ASYNCAPI_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(EventCatalog.ASYNCAPI_RESOURCE + " is not on the classpath");
            }
            return new ObjectMapper(new YAMLFactory()).readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
