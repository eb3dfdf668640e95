package vn.inspectorate.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import vn.inspectorate.contracts.Topics;

/**
 * Docker and Kubernetes cannot run here, so the compose file and the manifests are checked statically: they parse,
 * and every service, port, database, topic and role in them agrees with the services' own configuration.
 */
class DeployFilesTest {

    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    private static final Path DEPLOY = ROOT.resolve("deploy");
    private static final List<String> EVENT_TOPICS =
            List.of(Topics.CASES, Topics.INSPECTIONS, Topics.DECLARATIONS, Topics.REPORTS, Topics.REFERENCE,
                    Topics.PUBLIC);

    /** A service as its own application.properties describes it; {@code database} null for none (the dashboard). */
    record ServiceConfig(String module, String name, int port, String database, Set<String> requiredEnvironment) {
    }

    private static List<ServiceConfig> services;

    @BeforeAll
    static void readServiceConfiguration() throws IOException {
        services = new ArrayList<>();
        try (Stream<Path> modules = Files.list(ROOT)) {
            for (Path module : modules.sorted().toList()) {
                Path file = module.resolve("src/main/resources/application.properties");
                if (!Files.isRegularFile(file)) {
                    continue;
                }
                Properties p = new Properties();
                try (Reader r = Files.newBufferedReader(file)) {
                    p.load(r);
                }
                String url = p.getProperty("quarkus.datasource.jdbc.url");
                services.add(new ServiceConfig(module.getFileName().toString(), p.getProperty("quarkus.application.name"),
                        Integer.parseInt(p.getProperty("quarkus.http.port")),
                        url == null ? null : url.substring(url.lastIndexOf('/') + 1),
                        requiredEnvironment(p)));
            }
        }
        assertThat(services).extracting(ServiceConfig::module).contains("complaints-service", "inspection-service",
                "asset-declaration-service", "reporting-service", "gateway");
        assertThat(services).flatExtracting(ServiceConfig::requiredEnvironment)
                .contains("INSPECTORATE_IDENTITY_ENCRYPTION_KEY", "INSPECTORATE_GATEWAY_WEBHOOKS_SECRET_KEY");
    }

    /**
     * The JIT compilers the launcher gives the service ({@link Platform#SERVICES}), which the image's entry point takes
     * from {@code JAVA_JIT_OPTS}: Compose and Kubernetes must set the same.
     */
    private static ServiceJvm.Jit jit(ServiceConfig service) {
        return Platform.service(service.module()).jit();
    }

    private static List<String> jitOptions(Map<String, ?> environment) {
        Object options = environment.get("JAVA_JIT_OPTS");
        return options == null ? List.of() : ServiceJvm.split(String.valueOf(options));
    }

    /**
     * Compose and Kubernetes run {@code inspectorate/<module>:<version>}: Quarkus names an image group/application
     * name/version, so each service must have the extension, the shared group and an application name equal to its
     * module, and the shared Dockerfile must copy the layout the build produces.
     */
    @Test
    void everyServiceBuildsTheImageComposeAndKubernetesRun() throws IOException {
        Properties shared = new Properties();
        try (Reader r = Files.newBufferedReader(
                ROOT.resolve("platform-lib/src/main/resources/META-INF/microprofile-config.properties"))) {
            shared.load(r);
        }
        assertThat(shared.getProperty("quarkus.container-image.group")).isEqualTo("inspectorate");
        String dockerfilePath = shared.getProperty("quarkus.docker.dockerfile-jvm-path");
        for (ServiceConfig service : services) {
            Path module = ROOT.resolve(service.module());
            assertThat(Files.readString(module.resolve("pom.xml"))).as(service.module())
                    .contains("<artifactId>quarkus-container-image-docker</artifactId>");
            assertThat(service.name()).isEqualTo(service.module());
            Path dockerfile = module.resolve(dockerfilePath).normalize();
            assertThat(dockerfile).as(service.module()).isRegularFile();
            assertThat(Files.readString(dockerfile)).contains("COPY --chown=185 target/quarkus-app/lib/",
                    "/deployments/quarkus-run.jar");
        }
        assertThat(ROOT.resolve("pom.xml")).content().contains("<version>0.1.0-SNAPSHOT</version>");
    }

    @Test
    @SuppressWarnings("unchecked")
    void composeRunsEveryServiceWithItsPortDatabaseAndDependencies() throws IOException {
        Map<String, Object> compose = yaml(DEPLOY.resolve("compose/docker-compose.yml")).get(0);
        Map<String, Map<String, Object>> composeServices = (Map<String, Map<String, Object>>) compose.get("services");
        assertThat(composeServices).containsKeys("postgres", "kafka", "keycloak");
        for (ServiceConfig service : services) {
            Map<String, Object> s = composeServices.get(service.name());
            assertThat(s).as(service.name()).isNotNull();
            assertThat((String) s.get("image")).isEqualTo("inspectorate/" + service.module() + ":0.1.0-SNAPSHOT");
            Map<String, Object> env = (Map<String, Object>) s.get("environment");
            assertThat(env).as(service.name()).containsKeys("QUARKUS_OIDC_AUTH_SERVER_URL");
            assertThat(String.valueOf(env.get("QUARKUS_HTTP_PORT"))).isEqualTo(String.valueOf(service.port()));
            assertThat(jitOptions(env)).as(service.name() + " JIT").isEqualTo(jit(service).options());
            assertThat((List<String>) s.get("ports")).containsExactly(service.port() + ":" + service.port());
            if (service.database() == null) {
                assertThat(((Map<String, Object>) s.get("depends_on")).keySet()).contains("keycloak");
                continue;
            }
            assertThat(env).as(service.name()).containsKeys("QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD",
                    "KAFKA_BOOTSTRAP_SERVERS");
            assertThat(String.valueOf(env.get("QUARKUS_HTTP_PORT"))).isEqualTo(String.valueOf(service.port()));
            assertThat(env.keySet()).as(service.name() + " keys without defaults")
                    .containsAll(service.requiredEnvironment());
            assertThat((String) env.get("QUARKUS_DATASOURCE_JDBC_URL")).endsWith("/" + service.database());
            assertThat(((Map<String, Object>) s.get("depends_on")).keySet()).contains("postgres", "kafka-topics", "keycloak");
        }
        List<String> hostPorts = composeServices.values().stream()
                .flatMap(s -> ((List<String>) s.getOrDefault("ports", List.of())).stream())
                .map(p -> p.substring(0, p.indexOf(':'))).toList();
        assertThat(hostPorts).doesNotHaveDuplicates();

        String databases = Files.readString(DEPLOY.resolve("compose/postgres-init.sql"));
        services.stream().filter(s -> s.database() != null)
                .forEach(s -> assertThat(databases).contains("CREATE DATABASE " + s.database() + ";"));
        String topicCommand = String.valueOf(composeServices.get("kafka-topics").get("command"));
        EVENT_TOPICS.forEach(t -> assertThat(topicCommand).contains(t));
        assertThat(String.valueOf(composeServices.get("keycloak").get("volumes")))
                .contains("../keycloak/inspectorate-realm.json");
    }

    @Test
    @SuppressWarnings("unchecked")
    void kubernetesDeploysEveryServiceWithProbesServiceAndAutoscaler() throws IOException {
        List<Map<String, Object>> docs = yaml(DEPLOY.resolve("k8s/services.yaml"));
        for (ServiceConfig service : services) {
            Map<String, Object> deployment = find(docs, "Deployment", service.name());
            Map<String, Object> container = ((List<Map<String, Object>>) path(deployment, "spec", "template", "spec",
                    "containers")).get(0);
            assertThat((String) container.get("image")).isEqualTo("inspectorate/" + service.module() + ":0.1.0-SNAPSHOT");
            List<Map<String, Object>> ports = (List<Map<String, Object>>) container.get("ports");
            assertThat(ports.get(0)).containsEntry("name", "http").containsEntry("containerPort", service.port());
            // metrics and the full health checks live on the management interface, which the probes use
            assertThat(ports).anySatisfy(p -> assertThat(p).containsEntry("name", "management")
                    .containsEntry("containerPort", 9000));
            for (String probe : List.of("readinessProbe", "livenessProbe", "startupProbe")) {
                assertThat(path(container, probe, "httpGet", "port")).as(service.name() + " " + probe)
                        .isEqualTo("management");
            }
            assertThat(path(container, "readinessProbe", "httpGet", "path")).isEqualTo("/q/health/ready");
            assertThat(path(container, "livenessProbe", "httpGet", "path")).isEqualTo("/q/health/live");
            assertThat(path(container, "resources", "requests")).isNotNull();
            assertThat(path(container, "resources", "limits")).isNotNull();
            Set<String> envNames = ((List<Map<String, Object>>) container.get("env")).stream()
                    .map(e -> (String) e.get("name")).collect(Collectors.toSet());
            assertThat(envNames).as(service.name() + " keys without defaults").containsAll(service.requiredEnvironment());
            Map<String, String> env = ((List<Map<String, Object>>) container.get("env")).stream()
                    .filter(e -> e.containsKey("value"))
                    .collect(Collectors.toMap(e -> (String) e.get("name"), e -> String.valueOf(e.get("value"))));
            assertThat(env).containsEntry("QUARKUS_HTTP_PORT", String.valueOf(service.port()));
            assertThat(jitOptions(env)).as(service.name() + " JIT").isEqualTo(jit(service).options());
            if (service.database() != null) {
                assertThat(env.get("QUARKUS_DATASOURCE_JDBC_URL")).endsWith("/" + service.database());
            }

            Map<String, Object> svc = find(docs, "Service", service.name());
            List<Map<String, Object>> svcPorts = (List<Map<String, Object>>) path(svc, "spec", "ports");
            assertThat(svcPorts).hasSize(1);
            assertThat(svcPorts.get(0)).containsEntry("port", service.port()).containsEntry("targetPort", "http");
            assertThat(path(svc, "spec", "selector")).isEqualTo(path(deployment, "spec", "selector", "matchLabels"));

            Map<String, Object> hpa = find(docs, "HorizontalPodAutoscaler", service.name());
            assertThat(path(hpa, "spec", "scaleTargetRef", "name")).isEqualTo(service.name());
        }
        Map<String, Object> config = find(yaml(DEPLOY.resolve("k8s/platform.yaml")), "ConfigMap", "inspectorate-platform");
        assertThat((Map<String, Object>) config.get("data")).containsKeys("KAFKA_BOOTSTRAP_SERVERS",
                "QUARKUS_OIDC_AUTH_SERVER_URL");
    }

    @Test
    void kubernetesHasEveryTopicDatabaseAndOutboxConnector() throws IOException {
        Set<String> topics = yaml(DEPLOY.resolve("k8s/kafka.yaml")).stream().filter(d -> "KafkaTopic".equals(d.get("kind")))
                .map(d -> (String) path(d, "spec", "topicName")).collect(Collectors.toSet());
        assertThat(topics).containsAll(EVENT_TOPICS);
        services.stream().filter(s -> s.database() != null)
                .forEach(s -> assertThat(topics).contains(Topics.deadLetter(s.name())));

        List<Map<String, Object>> platform = yaml(DEPLOY.resolve("k8s/platform.yaml"));
        Set<String> databases = platform.stream().filter(d -> "Database".equals(d.get("kind")))
                .map(d -> (String) path(d, "spec", "name")).collect(Collectors.toSet());
        services.stream().filter(s -> s.database() != null).forEach(s -> assertThat(databases).contains(s.database()));

        // The Debezium router reads the outbox table's real column names.
        String outboxTable = Files.readString(ROOT.resolve("platform-lib/src/main/resources/db/platform/R__platform_outbox.sql"));
        for (Map<String, Object> connector : yaml(DEPLOY.resolve("k8s/debezium.yaml"))) {
            if (!"KafkaConnector".equals(connector.get("kind"))) {
                continue;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> cfg = (Map<String, Object>) path(connector, "spec", "config");
            assertThat(databases).contains((String) cfg.get("database.dbname"));
            for (String key : List.of("table.field.event.id", "table.field.event.key", "table.field.event.payload",
                    "route.by.field")) {
                assertThat(outboxTable).contains("    " + cfg.get("transforms.outbox." + key) + " ");
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void realmsDeclareTheSameRoles() throws IOException {
        JsonNode local = new ObjectMapper().readTree(DEPLOY.resolve("keycloak/inspectorate-realm.json").toFile());
        Set<String> localRoles = new TreeSet<>();
        local.path("roles").path("realm").forEach(r -> localRoles.add(r.path("name").asText()));
        assertThat(localRoles).containsExactlyInAnyOrder("provincial-system", "inspector", "central-analyst",
                "asset-controller", "partner", "platform-admin");

        Map<String, Object> realmImport = find(yaml(DEPLOY.resolve("k8s/platform.yaml")), "KeycloakRealmImport",
                "inspectorate-realm");
        Set<String> clusterRoles = new HashSet<>();
        ((List<Map<String, Object>>) path(realmImport, "spec", "realm", "roles", "realm"))
                .forEach(r -> clusterRoles.add((String) r.get("name")));
        assertThat(clusterRoles).isEqualTo(localRoles);
    }

    /**
     * The platform's keys that only tests define, deliberately without a production default: a deployment must supply
     * each one, as the environment variable SmallRye Config maps it from.
     */
    private static Set<String> requiredEnvironment(Properties p) {
        return p.stringPropertyNames().stream()
                .filter(k -> k.startsWith("%test.inspectorate."))
                .map(k -> k.substring("%test.".length()))
                .filter(k -> !p.containsKey(k) && k.endsWith("key"))
                .map(k -> k.replaceAll("[^A-Za-z0-9]", "_").toUpperCase())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static List<Map<String, Object>> yaml(Path file) throws IOException {
        List<Map<String, Object>> docs = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(file)) {
            for (Object doc : new Yaml().loadAll(r)) {
                if (doc != null) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> map = (Map<String, Object>) doc;
                    docs.add(map);
                }
            }
        }
        assertThat(docs).as(file.toString()).isNotEmpty();
        return docs;
    }

    private static Map<String, Object> find(List<Map<String, Object>> docs, String kind, String name) {
        return docs.stream().filter(d -> kind.equals(d.get("kind")) && name.equals(path(d, "metadata", "name")))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " named " + name));
    }

    @SuppressWarnings("unchecked")
    private static Object path(Map<String, Object> map, String... keys) {
        Object current = map;
        for (String key : keys) {
            if (!(current instanceof Map)) {
                return null;
            }
            current = ((Map<String, Object>) current).get(key);
        }
        return current;
    }
}
