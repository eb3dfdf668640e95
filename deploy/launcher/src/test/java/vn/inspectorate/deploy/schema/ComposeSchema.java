package vn.inspectorate.deploy.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import java.util.List;

/**
 * The Compose specification's JSON schema (see {@code schemas/README.md}), as published: it already refuses unknown
 * fields outside {@code x-} extensions.
 */
public final class ComposeSchema {

    private final JsonSchema schema;

    private ComposeSchema(JsonSchema schema) {
        this.schema = schema;
    }

    public static ComposeSchema load() {
        ObjectNode spec = (ObjectNode) KubernetesSchemas.readTree(new ObjectMapper(), "compose/compose-spec.json");
        // the draft is given to the factory: its $schema and relative $id would otherwise be looked up on the network
        spec.remove(List.of("$schema", "$id"));
        return new ComposeSchema(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
                .getSchema(spec, SchemaValidatorsConfig.builder().pathType(PathType.JSON_PATH).build()));
    }

    /** Every way {@code compose} breaks the specification, each as "path: what is wrong"; none when it is valid. */
    public List<String> problems(JsonNode compose) {
        return schema.validate(compose).stream().map(m -> m.getMessage()).sorted().toList();
    }
}
