package vn.inspectorate.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.inspectorate.contracts.Topics;
import vn.inspectorate.deploy.schema.YamlDocuments;

/**
 * What the Kubernetes manifests let through, read as Kubernetes would: which pods a policy selects, who may reach
 * them, what a partner's Kafka user may do, what survives a drain and where the public address leads. The schemas
 * ({@link DeploySchemaTest}) say the documents are well formed; this says they mean what deploy/README.md says.
 */
class KubernetesAccessTest {

    private static final Path K8S = Path.of("../..").toAbsolutePath().normalize().resolve("deploy/k8s");

    /** A pod of the platform's namespace that is none of its services: nothing should let it in anywhere. */
    private static final JsonNode STRANGER =
            json("{app.kubernetes.io/name: stranger, app.kubernetes.io/part-of: inspectorate}");

    private static List<JsonNode> all;
    private static List<JsonNode> deployments;
    private static JsonNode gateway;

    @BeforeAll
    static void readManifests() throws IOException {
        all = new ArrayList<>();
        try (Stream<Path> files = Files.list(K8S)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                all.addAll(YamlDocuments.read(file));
            }
        }
        deployments = kind("Deployment");
        gateway = named(deployments, "gateway");
        assertThat(deployments).extracting(d -> d.path("metadata").path("name").asText()).contains("complaints-service",
                "inspection-service", "asset-declaration-service", "reporting-service", "gateway");
    }

    @Test
    void everyDeploymentKeepsAPodThroughADrain() {
        List<JsonNode> budgets = kind("PodDisruptionBudget");
        for (JsonNode deployment : deployments) {
            JsonNode labels = podLabels(deployment);
            List<JsonNode> mine = budgets.stream().filter(b -> selects(b.path("spec").path("selector"), labels)).toList();
            assertThat(mine).as("PodDisruptionBudget of " + name(deployment)).hasSize(1);
            assertThat(mine.get(0).path("spec").path("maxUnavailable").asInt()).isEqualTo(1);
            assertThat(deployment.path("spec").path("replicas").asInt()).as(name(deployment)).isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void onlyTheGatewayReachesTheServicesAndTheDashboard() {
        JsonNode gatewayPods = podLabels(gateway);
        for (JsonNode deployment : deployments) {
            JsonNode labels = podLabels(deployment);
            List<JsonNode> policies = policiesSelecting(labels);
            assertThat(policies).as(name(deployment) + ": a policy with no rule denies by default")
                    .anySatisfy(p -> assertThat(p.path("spec").path("ingress").isEmpty()).isTrue());
            List<JsonNode> apiRules = rulesOnPort(policies, "http");
            assertThat(apiRules).as(name(deployment) + " is reachable on its API port").isNotEmpty();
            if (deployment == gateway) {
                assertThat(peers(apiRules)).anySatisfy(peer -> assertThat(
                        peer.path("namespaceSelector").path("matchLabels").path("kubernetes.io/metadata.name").asText())
                        .isEqualTo("ingress-nginx"));
                continue;
            }
            assertThat(peers(apiRules)).noneMatch(peer -> selects(peer.path("podSelector"), STRANGER));
            for (JsonNode peer : peers(apiRules)) {
                assertThat(peer.has("namespaceSelector") || peer.has("ipBlock")).as(name(deployment)).isFalse();
                assertThat(selects(peer.path("podSelector"), gatewayPods)).as(name(deployment) + " from " + peer).isTrue();
            }
        }
    }

    @Test
    void onlyTheServicesWithADatabaseKeycloakAndTheConnectorReachPostgresqlAndEachRoleOnlyItsDatabase() {
        JsonNode cluster = named(kind("Cluster"), "inspectorate-pg");
        JsonNode postgresPods = json("{\"cnpg.io/cluster\": \"inspectorate-pg\"}");
        List<JsonNode> rules = rulesOnPort(policiesSelecting(postgresPods), "5432");
        assertThat(rules).isNotEmpty();
        List<String> hba = StreamSupport.stream(cluster.path("spec").path("postgresql").path("pg_hba").spliterator(), false)
                .map(JsonNode::asText).toList();
        assertThat(peers(rules)).noneMatch(p -> !p.has("namespaceSelector") && selects(p.path("podSelector"), STRANGER));
        Set<String> databases = new HashSet<>();
        for (JsonNode deployment : deployments) {
            String database = database(deployment);
            boolean allowed = peers(rules).stream().anyMatch(p -> !p.has("namespaceSelector")
                    && selects(p.path("podSelector"), podLabels(deployment)));
            assertThat(allowed).as(name(deployment) + " reaches PostgreSQL").isEqualTo(database != null);
            if (database != null) {
                databases.add(database);
                assertThat(hba).as("pg_hba").contains("host " + database + " " + database + " all scram-sha-256");
            }
        }
        databases.add("keycloak");
        String reject = hba.get(hba.size() - 1);
        assertThat(reject).startsWith("host all ").endsWith(" all reject");
        assertThat(Set.of(reject.split(" ")[2].split(","))).containsExactlyInAnyOrderElementsOf(databases);
    }

    @Test
    void partnersReadOnlyThePublicTopicWithTheirOwnGroupsThroughTheAuthenticatedExternalListener() {
        JsonNode kafka = named(kind("Kafka"), "inspectorate").path("spec").path("kafka");
        assertThat(kafka.path("authorization").path("type").asText()).isEqualTo("simple");
        List<JsonNode> listeners = toList(kafka.path("listeners"));
        JsonNode external = listeners.stream().filter(l -> !"internal".equals(l.path("type").asText()))
                .findFirst().orElseThrow(() -> new AssertionError("no external listener"));
        assertThat(external.path("tls").asBoolean()).isTrue();
        String mechanism = external.path("authentication").path("type").asText();
        assertThat(mechanism).isIn("scram-sha-512", "tls");
        // a listener without authentication is anonymous, a super user: only the platform's pods may reach it
        for (JsonNode listener : listeners) {
            if (!listener.has("authentication")) {
                assertThat(listener.path("type").asText()).isEqualTo("internal");
                assertThat(toList(listener.path("networkPolicyPeers"))).isNotEmpty()
                        .allSatisfy(p -> assertThat(p.has("namespaceSelector") || p.has("ipBlock")).isFalse())
                        .noneMatch(p -> selects(p.path("podSelector"), STRANGER));
                deployments.stream().filter(d -> database(d) != null).forEach(d -> assertThat(
                        toList(listener.path("networkPolicyPeers")).stream().anyMatch(p -> selects(p.path("podSelector"),
                                podLabels(d)))).as(name(d) + " reaches Kafka").isTrue());
            }
        }

        List<JsonNode> partners = kind("KafkaUser").stream().filter(u -> name(u).startsWith("partner-")).toList();
        assertThat(partners).isNotEmpty();
        for (JsonNode partner : partners) {
            assertThat(partner.path("metadata").path("labels").path("strimzi.io/cluster").asText()).isEqualTo("inspectorate");
            assertThat(partner.path("spec").path("authentication").path("type").asText()).isEqualTo(mechanism);
            JsonNode authorization = partner.path("spec").path("authorization");
            assertThat(authorization.path("type").asText()).isEqualTo("simple");
            List<String> grants = toList(authorization.path("acls")).stream().map(acl -> {
                JsonNode resource = acl.path("resource");
                assertThat(toList(acl.path("operations"))).extracting(JsonNode::asText).isSubsetOf("Read", "Describe");
                assertThat(acl.has("type") && !"allow".equals(acl.path("type").asText())).isFalse();
                return resource.path("type").asText() + " " + resource.path("patternType").asText("literal") + " "
                        + resource.path("name").asText();
            }).toList();
            assertThat(grants).as(name(partner)).containsExactlyInAnyOrder("topic literal " + Topics.PUBLIC,
                    "group prefix partner." + name(partner) + ".");
        }
    }

    @Test
    void thePublicAddressLeadsToTheGatewayForTheApiAndTheDashboard() {
        JsonNode ingress = named(kind("Ingress"), "inspectorate");
        JsonNode config = named(kind("ConfigMap"), "inspectorate-platform");
        String host = URI.create(config.path("data").path("INSPECTORATE_GATEWAY_PUBLIC_BASE_URL").asText()).getHost();
        JsonNode rules = ingress.path("spec").path("rules");
        assertThat(rules).hasSize(1);
        assertThat(rules.get(0).path("host").asText()).isEqualTo(host);
        assertThat(toList(ingress.path("spec").path("tls"))).anySatisfy(tls -> assertThat(toList(tls.path("hosts")))
                .extracting(JsonNode::asText).contains(host));
        JsonNode gatewayService = named(kind("Service"), "gateway");
        List<String> routed = new ArrayList<>();
        for (JsonNode path : rules.get(0).path("http").path("paths")) {
            JsonNode backend = path.path("backend").path("service");
            assertThat(backend.path("name").asText()).isEqualTo("gateway");
            assertThat(toList(gatewayService.path("spec").path("ports")))
                    .anySatisfy(p -> assertThat(p.path("name").asText()).isEqualTo(backend.path("port").path("name").asText()));
            assertThat(path.path("pathType").asText()).isEqualTo("Prefix");
            routed.add(path.path("path").asText());
        }
        assertThat(routed).contains("/", "/dashboard");
    }

    // ---- reading manifests as Kubernetes does ----

    private static List<JsonNode> policiesSelecting(JsonNode podLabels) {
        return kind("NetworkPolicy").stream().filter(p -> selects(p.path("spec").path("podSelector"), podLabels))
                .toList();
    }

    /** Ingress rules that open {@code port} (by name or number; a rule without ports opens every port). */
    private static List<JsonNode> rulesOnPort(List<JsonNode> policies, String port) {
        return policies.stream().flatMap(p -> toList(p.path("spec").path("ingress")).stream())
                .filter(r -> r.path("ports").isEmpty()
                        || toList(r.path("ports")).stream().anyMatch(p -> port.equals(p.path("port").asText())))
                .toList();
    }

    private static List<JsonNode> peers(List<JsonNode> rules) {
        List<JsonNode> peers = new ArrayList<>();
        for (JsonNode rule : rules) {
            assertThat(rule.path("from").isEmpty()).as("a rule without peers admits everyone: " + rule).isFalse();
            peers.addAll(toList(rule.path("from")));
        }
        return peers;
    }

    /** A label selector: every matchLabels pair and every matchExpressions requirement holds (empty selects all). */
    static boolean selects(JsonNode selector, JsonNode labels) {
        for (Iterator<Map.Entry<String, JsonNode>> pairs = selector.path("matchLabels").fields(); pairs.hasNext(); ) {
            Map.Entry<String, JsonNode> pair = pairs.next();
            if (!pair.getValue().asText().equals(labels.path(pair.getKey()).asText(null))) {
                return false;
            }
        }
        for (JsonNode requirement : selector.path("matchExpressions")) {
            String value = labels.path(requirement.path("key").asText()).asText(null);
            Set<String> values = new HashSet<>();
            requirement.path("values").forEach(v -> values.add(v.asText()));
            boolean holds = switch (requirement.path("operator").asText()) {
                case "In" -> value != null && values.contains(value);
                case "NotIn" -> value == null || !values.contains(value);
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> throw new AssertionError("operator " + requirement);
            };
            if (!holds) {
                return false;
            }
        }
        return true;
    }

    private static String database(JsonNode deployment) {
        for (JsonNode env : deployment.path("spec").path("template").path("spec").path("containers").path(0).path("env")) {
            if ("QUARKUS_DATASOURCE_JDBC_URL".equals(env.path("name").asText())) {
                String url = env.path("value").asText();
                return url.substring(url.lastIndexOf('/') + 1);
            }
        }
        return null;
    }

    private static JsonNode podLabels(JsonNode deployment) {
        return deployment.path("spec").path("template").path("metadata").path("labels");
    }

    private static List<JsonNode> kind(String kind) {
        return all.stream().filter(d -> kind.equals(d.path("kind").asText())).toList();
    }

    private static JsonNode named(List<JsonNode> documents, String name) {
        return documents.stream().filter(d -> name.equals(name(d))).findFirst()
                .orElseThrow(() -> new AssertionError("no document named " + name));
    }

    private static String name(JsonNode document) {
        return document.path("metadata").path("name").asText();
    }

    private static List<JsonNode> toList(JsonNode array) {
        List<JsonNode> list = new ArrayList<>();
        array.forEach(list::add);
        return list;
    }

    private static JsonNode json(String text) {
        return YamlDocuments.read(text).get(0);
    }
}
