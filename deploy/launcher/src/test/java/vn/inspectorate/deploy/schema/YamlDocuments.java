package vn.inspectorate.deploy.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The documents of a YAML file as JSON trees. SnakeYAML reads them, as it resolves anchors and merge keys
 * ({@code <<: *service}) the way Compose does; empty documents (a leading {@code ---}) are skipped.
 */
public final class YamlDocuments {

    private static final ObjectMapper JSON = new ObjectMapper();

    private YamlDocuments() {
    }

    public static List<JsonNode> read(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file)) {
            return trees(yaml().loadAll(r));
        }
    }

    public static List<JsonNode> read(InputStream in) {
        return trees(yaml().loadAll(in));
    }

    public static List<JsonNode> read(String yaml) {
        return trees(yaml().loadAll(yaml));
    }

    /** CRD schemas nest deeper than SnakeYAML's default limit of 50. */
    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setNestingDepthLimit(500);
        options.setCodePointLimit(16 * 1024 * 1024);
        return new Yaml(options);
    }

    private static List<JsonNode> trees(Iterable<Object> documents) {
        List<JsonNode> trees = new ArrayList<>();
        for (Object document : documents) {
            if (document != null) {
                trees.add(JSON.valueToTree(document));
            }
        }
        return trees;
    }
}
