package vn.inspectorate.testsupport.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The OpenAPI documents committed under {@code contracts/src/main/resources/openapi/}, one per module plus the
 * gateway's merged {@code platform.yaml}. Tests read them from the source tree (so a regenerated file counts at once)
 * and, outside it, from the contracts jar.
 */
public final class CommittedOpenApi {

    static final String FOLDER = "contracts/src/main/resources/openapi";
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS));

    private CommittedOpenApi() {
    }

    /** The committed document of {@code name} (a module name, or {@code platform}), if there is one. */
    public static Optional<JsonNode> read(String name) {
        try {
            Optional<Path> file = file(name).filter(Files::exists);
            if (file.isPresent()) {
                return Optional.of(YAML.readTree(file.get().toFile()));
            }
            try (InputStream in = CommittedOpenApi.class.getResourceAsStream("/openapi/" + name + ".yaml")) {
                return in == null ? Optional.empty() : Optional.of(YAML.readTree(in));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("committed OpenAPI document " + name + " unreadable", e);
        }
    }

    /** Writes {@code document} as the committed document of {@code name}. */
    public static Path write(String name, JsonNode document) {
        Path target = file(name).orElseThrow(() -> new IllegalStateException(
                "no " + FOLDER + " above " + Path.of("").toAbsolutePath()));
        try {
            Files.createDirectories(target.getParent());
            Files.writeString(target, YAML.writeValueAsString(document));
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where the document lives in the source tree: the nearest {@code contracts} module above the working folder. */
    static Optional<Path> file(String name) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("contracts/src/main"))) {
                return Optional.of(dir.resolve(FOLDER).resolve(name + ".yaml"));
            }
        }
        return Optional.empty();
    }
}
