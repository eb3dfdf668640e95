package vn.inspectorate.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.inspectorate.deploy.schema.ComposeSchema;
import vn.inspectorate.deploy.schema.KubernetesSchemas;
import vn.inspectorate.deploy.schema.YamlDocuments;

/**
 * Every Kubernetes manifest validates against the API schemas of the Kubernetes release and the operators' CRD
 * schemas vendored under {@code src/test/resources/schemas}, and the compose file against the Compose specification,
 * with unknown fields refused. A failure names the file, the document, the path and the schema's complaint.
 */
class DeploySchemaTest {

    private static final Path DEPLOY = Path.of("../..").toAbsolutePath().normalize().resolve("deploy");

    private static KubernetesSchemas kubernetes;
    private static ComposeSchema compose;

    @BeforeAll
    static void loadSchemas() {
        kubernetes = KubernetesSchemas.load();
        compose = ComposeSchema.load();
    }

    @Test
    void everyKubernetesManifestValidates() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(DEPLOY.resolve("k8s"))) {
            files = walk.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted().toList();
        }
        assertThat(files).extracting(f -> f.getFileName().toString())
                .contains("services.yaml", "platform.yaml", "kafka.yaml", "debezium.yaml");
        List<String> problems = new ArrayList<>();
        int documents = 0;
        for (Path file : files) {
            List<JsonNode> docs = YamlDocuments.read(file);
            for (int i = 0; i < docs.size(); i++) {
                problems.addAll(report(DEPLOY.relativize(file).toString(), i + 1, docs.get(i),
                        kubernetes.problems(docs.get(i))));
            }
            documents += docs.size();
        }
        assertThat(documents).isGreaterThan(30);
        assertThat(problems).withFailMessage(() -> "Kubernetes manifests break their schemas:\n  "
                + String.join("\n  ", problems)).isEmpty();
    }

    @Test
    void composeValidatesAgainstTheComposeSpecification() throws IOException {
        List<JsonNode> docs = YamlDocuments.read(DEPLOY.resolve("compose/docker-compose.yml"));
        assertThat(docs).hasSize(1);
        List<String> problems = report("compose/docker-compose.yml", 1, docs.get(0), compose.problems(docs.get(0)));
        assertThat(problems).withFailMessage(() -> "The compose file breaks the Compose specification:\n  "
                + String.join("\n  ", problems)).isEmpty();
    }

    @Test
    void anUnknownFieldAndAWrongTypeInAKubernetesResourceAreCaught() {
        JsonNode deployment = YamlDocuments.read("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: bad, namespace: inspectorate}
                spec:
                  replicas: two
                  selector: {matchLabels: {app: bad}}
                  template:
                    metadata: {labels: {app: bad}}
                    spec:
                      containers:
                        - name: bad
                          image: bad:1
                          imagePullPolicyy: Always
                """).get(0);

        List<String> problems = report("bad.yaml", 1, deployment, kubernetes.problems(deployment));

        assertThat(problems).hasSize(2);
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("bad.yaml, document 1 (Deployment bad): ")
                .contains("$.spec.template.spec.containers[0]", "imagePullPolicyy"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("$.spec.replicas", "string", "integer"));
    }

    @Test
    void anUnknownFieldAndAWrongTypeInACustomResourceAreCaught() {
        JsonNode user = YamlDocuments.read("""
                apiVersion: kafka.strimzi.io/v1beta2
                kind: KafkaUser
                metadata: {name: bad, labels: {strimzi.io/cluster: inspectorate}}
                spec:
                  authentication: {type: scram-sha-512, mechanism: plain}
                  authorization:
                    type: simple
                    acls:
                      - resource: {type: topic, name: inspectorate.public.v1}
                        operations: Read
                """).get(0);

        List<String> problems = kubernetes.problems(user);

        assertThat(problems).anySatisfy(p -> assertThat(p).contains("$.spec.authentication", "mechanism"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("$.spec.authorization.acls[0].operations",
                "string", "array"));
        // metadata is checked against the API's ObjectMeta, which the CRD leaves open
        JsonNode badMetadata = YamlDocuments.read("""
                apiVersion: kafka.strimzi.io/v1beta2
                kind: KafkaTopic
                metadata: {name: bad, label: {strimzi.io/cluster: inspectorate}}
                spec: {topicName: bad, partitions: 1, replicas: 1}
                """).get(0);
        assertThat(kubernetes.problems(badMetadata)).singleElement().asString().contains("$.metadata", "label");
    }

    @Test
    void aKindWithoutASchemaIsRefused() {
        JsonNode route = YamlDocuments.read("""
                apiVersion: gateway.networking.k8s.io/v1
                kind: HTTPRoute
                metadata: {name: bad}
                spec: {}
                """).get(0);

        assertThat(kubernetes.problems(route)).singleElement().asString()
                .contains("no schema", "gateway.networking.k8s.io/v1", "HTTPRoute");
    }

    @Test
    void anUnknownFieldAndAWrongTypeInComposeAreCaught() {
        JsonNode bad = YamlDocuments.read("""
                services:
                  gateway:
                    image: inspectorate/gateway:1
                    restartt: always
                    ports: "8080:8080"
                """).get(0);

        List<String> problems = compose.problems(bad);

        assertThat(problems).anySatisfy(p -> assertThat(p).contains("$.services.gateway", "restartt"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("$.services.gateway.ports", "string", "array"));
    }

    /** One line per problem, naming where it is: file, document (counted from 1, with its kind and name), path. */
    private static List<String> report(String file, int document, JsonNode doc, List<String> problems) {
        String kind = doc.path("kind").asText("");
        String name = doc.path("metadata").path("name").asText(doc.path("name").asText(""));
        String where = file + ", document " + document + (kind.isEmpty() && name.isEmpty() ? "" :
                " (" + (kind + " " + name).trim() + ")");
        return problems.stream().map(p -> where + ": " + p).toList();
    }
}
