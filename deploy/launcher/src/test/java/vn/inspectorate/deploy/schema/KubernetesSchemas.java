package vn.inspectorate.deploy.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Kubernetes' own schemas, strictly: the API's OpenAPI definitions of one Kubernetes release and the CRD schemas of
 * the operators the manifests use (see {@code schemas/README.md} for their sources and versions), read from the test
 * class path, so nothing is fetched while testing.
 *
 * <p>The API server prunes or, with strict field validation, refuses a field its schema does not declare; JSON Schema
 * allows any field unless told otherwise. So every object that declares {@code properties} gets
 * {@code additionalProperties: false}, except where the schema says {@code x-kubernetes-preserve-unknown-fields}.
 * The API's own extensions become JSON Schema: {@code int-or-string} and {@code x-kubernetes-int-or-string} accept an
 * integer or a string, a quantity a string or a number, {@code nullable} a null. CEL rules
 * ({@code x-kubernetes-validations}) are not evaluated.
 */
public final class KubernetesSchemas {

    private static final String DEFINITIONS = "definitions";
    private static final String OBJECT_META = "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta";
    private static final List<String> CRDS = List.of(
            "strimzi/040-Crd-kafka.yaml", "strimzi/041-Crd-kafkaconnect.yaml", "strimzi/043-Crd-kafkatopic.yaml",
            "strimzi/044-Crd-kafkauser.yaml", "strimzi/045-Crd-kafkanodepool.yaml",
            "strimzi/047-Crd-kafkaconnector.yaml",
            "cloudnative-pg/postgresql.cnpg.io_clusters.yaml", "cloudnative-pg/postgresql.cnpg.io_databases.yaml",
            "keycloak/keycloaks.k8s.keycloak.org-v1.yml", "keycloak/keycloakrealmimports.k8s.keycloak.org-v1.yml");

    private final ObjectNode definitions;
    /** "apiVersion kind" to the name of its definition. */
    private final Map<String, String> kinds = new ConcurrentHashMap<>();
    private final Map<String, JsonSchema> compiled = new ConcurrentHashMap<>();
    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);
    private final SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().pathType(PathType.JSON_PATH).build();

    private KubernetesSchemas(ObjectNode definitions) {
        this.definitions = definitions;
    }

    /** The API of the Kubernetes release in {@code schemas/kubernetes} and every vendored CRD. */
    public static KubernetesSchemas load() {
        ObjectMapper json = new ObjectMapper();
        ObjectNode api = (ObjectNode) readTree(json, "kubernetes/swagger.json").get(DEFINITIONS);
        KubernetesSchemas schemas = new KubernetesSchemas(JsonNodeFactory.instance.objectNode());
        api.fields().forEachRemaining(d -> schemas.addApiDefinition(d.getKey(), (ObjectNode) d.getValue()));
        for (String crd : CRDS) {
            try (InputStream in = resource(crd)) {
                YamlDocuments.read(in).forEach(schemas::addCustomResourceDefinition);
            } catch (IOException e) {
                throw new UncheckedIOException(crd, e);
            }
        }
        return schemas;
    }

    /** Every way {@code document} breaks its kind's schema, each as "path: what is wrong"; none when it is valid. */
    public List<String> problems(JsonNode document) {
        String apiVersion = document.path("apiVersion").asText("");
        String kind = document.path("kind").asText("");
        String definition = kinds.get(apiVersion + " " + kind);
        if (definition == null) {
            return List.of("$: no schema for apiVersion '" + apiVersion + "' kind '" + kind + "'");
        }
        JsonSchema schema = compiled.computeIfAbsent(definition, this::compile);
        return schema.validate(document).stream().map(m -> m.getMessage()).sorted().toList();
    }

    private JsonSchema compile(String definition) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("$ref", "#/" + DEFINITIONS + "/" + definition);
        root.set(DEFINITIONS, definitions);
        return factory.getSchema(root, config);
    }

    private void addApiDefinition(String name, ObjectNode definition) {
        for (JsonNode gvk : definition.path("x-kubernetes-group-version-kind")) {
            String group = gvk.path("group").asText();
            String version = gvk.path("version").asText();
            kinds.putIfAbsent((group.isEmpty() ? version : group + "/" + version) + " " + gvk.path("kind").asText(),
                    name);
        }
        switch (name) {
            case "io.k8s.apimachinery.pkg.api.resource.Quantity" -> definitions.set(name, anyOf("string", "number"));
            case "io.k8s.apimachinery.pkg.util.intstr.IntOrString" -> definitions.set(name, anyOf("integer", "string"));
            default -> definitions.set(name, strict(definition, false));
        }
    }

    private void addCustomResourceDefinition(JsonNode crd) {
        if (!"CustomResourceDefinition".equals(crd.path("kind").asText())) {
            return;
        }
        String group = crd.path("spec").path("group").asText();
        String kind = crd.path("spec").path("names").path("kind").asText();
        for (JsonNode version : crd.path("spec").path("versions")) {
            if (!version.path("served").asBoolean()) {
                continue;
            }
            ObjectNode schema = (ObjectNode) version.path("schema").path("openAPIV3Schema").deepCopy();
            strict(schema, true);
            // a custom resource's type fields and metadata are the API server's: some CRDs leave them out, others
            // declare metadata an open object
            ObjectNode root = (ObjectNode) schema.get("properties");
            root.putIfAbsent("apiVersion", JsonNodeFactory.instance.objectNode().put("type", "string"));
            root.putIfAbsent("kind", JsonNodeFactory.instance.objectNode().put("type", "string"));
            root.set("metadata", JsonNodeFactory.instance.objectNode().put("$ref", "#/" + DEFINITIONS + "/" + OBJECT_META));
            String apiVersion = group + "/" + version.path("name").asText();
            String name = "crd." + apiVersion.replace('/', '.') + "." + kind;
            definitions.set(name, schema);
            kinds.put(apiVersion + " " + kind, name);
        }
    }

    /**
     * Rewrites one schema and the schemas inside it in place (see the class comment); returns it. In a CRD's
     * (structural) schema an object without properties keeps no field either, unless it says so; in the API's
     * definitions such an object is free-form (RawExtension, FieldsV1).
     */
    private static ObjectNode strict(ObjectNode schema, boolean structural) {
        if (schema.path("x-kubernetes-int-or-string").asBoolean() || "int-or-string".equals(schema.path("format").asText())) {
            schema.remove(List.of("type", "format"));
            schema.set("anyOf", anyOf("integer", "string").get("anyOf"));
        }
        if (schema.path("nullable").asBoolean() && schema.has("type")) {
            ArrayNode types = JsonNodeFactory.instance.arrayNode().add(schema.get("type").asText()).add("null");
            schema.set("type", types);
        }
        boolean open = schema.path("x-kubernetes-preserve-unknown-fields").asBoolean();
        boolean declared = schema.has("properties") || structural && "object".equals(schema.path("type").asText());
        if (declared && !schema.has("additionalProperties") && !open) {
            schema.put("additionalProperties", false);
        }
        // annotations and the API's extensions: not validation keywords, and unknown ones only make the validator warn
        schema.remove("description");
        schema.remove("nullable");
        for (Iterator<String> names = schema.fieldNames(); names.hasNext(); ) {
            if (names.next().startsWith("x-")) {
                names.remove();
            }
        }
        for (String map : List.of("properties", "patternProperties", DEFINITIONS)) {
            schema.path(map).forEach(s -> strict((ObjectNode) s, structural));
        }
        for (String one : List.of("additionalProperties", "items", "not")) {
            if (schema.get(one) instanceof ObjectNode s) {
                strict(s, structural);
            }
        }
        for (String list : List.of("allOf", "anyOf", "oneOf", "items")) {
            if (schema.get(list) instanceof ArrayNode schemas) {
                schemas.forEach(s -> strict((ObjectNode) s, structural));
            }
        }
        return schema;
    }

    private static ObjectNode anyOf(String... types) {
        ObjectNode schema = JsonNodeFactory.instance.objectNode();
        ArrayNode choices = schema.putArray("anyOf");
        for (String type : types) {
            choices.addObject().put("type", type);
        }
        return schema;
    }

    static JsonNode readTree(ObjectMapper json, String name) {
        try (InputStream in = resource(name)) {
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(name, e);
        }
    }

    static InputStream resource(String name) {
        InputStream in = KubernetesSchemas.class.getResourceAsStream("/schemas/" + name);
        if (in == null) {
            throw new IllegalStateException("schema not on the test class path: schemas/" + name);
        }
        return in;
    }
}
