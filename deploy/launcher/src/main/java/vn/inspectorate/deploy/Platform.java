package vn.inspectorate.deploy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import vn.inspectorate.contracts.Topics;
import vn.inspectorate.infra.FreePorts;
import vn.inspectorate.infra.KafkaServer;
import vn.inspectorate.infra.KeycloakServer;
import vn.inspectorate.infra.PostgresServer;

/**
 * The whole platform on one machine: real PostgreSQL (one database per service), a real Kafka broker, a real Keycloak
 * with the {@code inspectorate} realm, and every service started from its built {@code quarkus-app} as a child
 * process. {@code ./platform} runs it on fixed ports with data kept between runs; end-to-end tests run it once per test
 * JVM on free ports in a temporary folder.
 */
public final class Platform implements AutoCloseable {

    /**
     * A service module, its database (null: none, e.g. the dashboard), its default HTTP port and its default management
     * port (metrics, full health checks; not for clients).
     */
    public record Service(String module, String database, int defaultPort, int defaultManagementPort) {
    }

    public static final List<Service> SERVICES = List.of(
            new Service("complaints-service", "complaints", 8081, 9081),
            new Service("inspection-service", "inspection", 8082, 9082),
            new Service("asset-declaration-service", "declarations", 8083, 9083),
            new Service("reporting-service", "reporting", 8084, 9084),
            new Service("dashboard", null, 8085, 9085),
            new Service("gateway", "gateway", 8080, 9080));

    /**
     * The keys each service takes from its environment (32 random bytes, base64). The platform generates them once per
     * data folder and keeps them there, so encrypted data stays readable across runs; nothing is committed.
     */
    private static final Map<String, List<String>> SECRET_KEYS = Map.of(
            "complaints-service", List.of("INSPECTORATE_IDENTITY_ENCRYPTION_KEY", "INSPECTORATE_IDENTITY_HASH_KEY"),
            "asset-declaration-service", List.of("INSPECTORATE_IDENTITY_KEY", "INSPECTORATE_IDENTITY_INDEX_KEY"),
            "gateway", List.of("INSPECTORATE_GATEWAY_WEBHOOKS_SECRET_KEY"));

    /** The gateway's configuration name for each upstream service. */
    private static final Map<String, String> GATEWAY_UPSTREAMS = Map.of(
            "complaints-service", "COMPLAINTS", "inspection-service", "INSPECTION",
            "asset-declaration-service", "DECLARATIONS", "reporting-service", "REPORTING", "dashboard", "DASHBOARD");

    public static final int TOPIC_PARTITIONS = 6;
    /** Seconds on an idle machine; generous for a loaded one (it only costs time when a service really fails). */
    private static final Duration SERVICE_START_TIMEOUT = Duration.ofSeconds(300);
    /** How often a starting service's readiness is asked: often enough that a start is not counted 0.3 s long. */
    public static final Duration READY_POLL = Duration.ofMillis(100);

    /**
     * Where the platform lives and listens. {@code root} is the repository (services are found under it); a port of 0
     * picks a free one. {@code progress} receives one line per step.
     */
    public record Options(Path root, Path dataDir, int postgresPort, int kafkaPort, int keycloakPort,
            Map<String, Integer> servicePorts, Map<String, Integer> managementPorts, Path keycloakDistribution,
            boolean durable, Map<String, Map<String, String>> serviceEnvironment, Consumer<String> progress) {

        /**
         * Fixed, well-known ports and durable data under {@code root/.platform}, as {@code ./platform} uses; Swagger
         * UI is switched on at the gateway.
         */
        public static Options local(Path root) {
            Map<String, Integer> ports = new LinkedHashMap<>();
            Map<String, Integer> management = new LinkedHashMap<>();
            SERVICES.forEach(s -> {
                ports.put(s.module(), Integer.getInteger(s.module() + ".port", s.defaultPort()));
                management.put(s.module(), Integer.getInteger(s.module() + ".management-port", s.defaultManagementPort()));
            });
            return new Options(root, root.resolve(".platform"), Integer.getInteger("postgres.port", 15432),
                    Integer.getInteger("kafka.port", 9092), Integer.getInteger("keycloak.port", 8180), ports, management,
                    defaultDistribution(root), true, Map.of(), System.out::println)
                    .withServiceEnvironment("gateway", Map.of("QUARKUS_SWAGGER_UI_ENABLED", "true"));
        }

        /** Free ports and a throw-away folder, for end-to-end tests. */
        public static Options ephemeral(Path root, Path dataDir, Consumer<String> progress) {
            Map<String, Integer> ports = new LinkedHashMap<>();
            Map<String, Integer> management = new LinkedHashMap<>();
            SERVICES.forEach(s -> {
                ports.put(s.module(), FreePorts.next());
                management.put(s.module(), FreePorts.next());
            });
            return new Options(root, dataDir, 0, 0, 0, ports, management, defaultDistribution(root), false, Map.of(),
                    progress);
        }

        /** The same options with extra settings for one service, e.g. a webhook allow-list for a test's receiver. */
        public Options withServiceEnvironment(String module, Map<String, String> env) {
            Map<String, Map<String, String>> all = new LinkedHashMap<>(serviceEnvironment);
            Map<String, String> merged = new LinkedHashMap<>(all.getOrDefault(module, Map.of()));
            merged.putAll(env);
            all.put(module, Map.copyOf(merged));
            return new Options(root, dataDir, postgresPort, kafkaPort, keycloakPort, servicePorts, managementPorts,
                    keycloakDistribution, durable, Map.copyOf(all), progress);
        }

        private static Path defaultDistribution(Path root) {
            return Path.of(System.getProperty("keycloak.distribution",
                    root.resolve("deploy/launcher/target/keycloak/keycloak-quarkus-dist.tar.gz").toString()));
        }
    }

    private final Options options;
    private final Map<String, Process> processes = new LinkedHashMap<>();
    private Map<String, String> secrets;
    private PostgresServer postgres;
    private KafkaServer kafka;
    private KeycloakServer keycloak;

    private Platform(Options options) {
        this.options = options;
    }

    /** Starts every part, in order, and returns once each answers its health check; on failure stops what started. */
    public static Platform start(Options options) {
        Platform platform = new Platform(options);
        try {
            platform.startAll();
            return platform;
        } catch (RuntimeException e) {
            platform.close();
            throw e;
        }
    }

    private void startAll() {
        Path data = options.dataDir();
        Path logs = data.resolve("logs");
        try {
            Files.createDirectories(logs);
        } catch (IOException e) {
            throw new PartFailedException("data folder " + data, e);
        }
        secrets = LocalSecrets.load(data.resolve("secrets.properties"),
                SECRET_KEYS.values().stream().flatMap(List::stream).toList());
        postgres = step("PostgreSQL", () -> PostgresServer.create(data.resolve("postgres/data"), options.postgresPort(),
                !options.durable()).start());
        kafka = step("Kafka (KRaft)", () -> KafkaServer.create(data.resolve("kafka/logs"), options.kafkaPort(), Map.of())
                .start());
        step("topics", () -> {
            kafka.createTopics(TOPIC_PARTITIONS, Topics.CASES, Topics.INSPECTIONS, Topics.DECLARATIONS, Topics.REPORTS,
                    Topics.REFERENCE, Topics.PUBLIC);
            return null;
        });
        // Keycloak takes the longest to start; it comes up beside the services, which fetch its keys on first use.
        keycloak = KeycloakServer.create(options.keycloakDistribution(), data.resolve("keycloak/server"),
                options.keycloakPort(), options.root().resolve("deploy/keycloak/inspectorate-realm.json"), "inspectorate",
                List.of());
        options.progress().accept("Keycloak starting in the background (about a minute); log: " + keycloak.logFile());
        CompletableFuture<KeycloakServer> keycloakReady = CompletableFuture.supplyAsync(keycloak::start);
        for (Service service : SERVICES) {
            step(service.module() + " on " + serviceUrl(service.module()), () -> {
                startService(service, logs);
                return null;
            });
        }
        step("Keycloak on " + keycloak.baseUrl() + " (time waited after the services)", () -> {
            try {
                return keycloakReady.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        });
    }

    private void startService(Service service, Path logs) throws IOException, InterruptedException {
        if (service.database() != null) {
            postgres.createDatabase(service.database());
        }
        Path app = options.root().resolve(service.module()).resolve("target/quarkus-app");
        if (!Files.exists(app.resolve("quarkus-run.jar"))) {
            throw new IllegalStateException(service.module() + " is not built: run ./mvnw install -DskipTests first");
        }
        Path log = logs.resolve(service.module() + ".log");
        ProcessBuilder pb = new ProcessBuilder(ServiceJvm.command(javaBinary(), app, ServiceJvm.extraOptions()))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().putAll(environment(service));
        Process process = pb.start();
        processes.put(service.module(), process);
        awaitReady(service.module(), process, log);
    }

    /** The configuration a service gets: its ports, its database, the broker and the realm. */
    private Map<String, String> environment(Service service) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port(service.module())));
        env.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(managementPort(service.module())));
        if (service.database() != null) {
            env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(service.database()));
            env.put("QUARKUS_DATASOURCE_USERNAME", PostgresServer.SUPERUSER);
            env.put("QUARKUS_DATASOURCE_PASSWORD", "");
            env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        }
        env.put("QUARKUS_OIDC_AUTH_SERVER_URL", keycloak.issuer());
        if (service.module().equals("dashboard")) {
            // it reads the API through the gateway, with each user's own token
            env.put("INSPECTORATE_DASHBOARD_GATEWAY_URL", gatewayUrl());
        }
        for (String key : SECRET_KEYS.getOrDefault(service.module(), List.of())) {
            env.put(key, secrets.get(key));
        }
        if (service.module().equals("gateway")) {
            GATEWAY_UPSTREAMS.forEach((module, name) ->
                    env.put("INSPECTORATE_GATEWAY_SERVICES_" + name + "_URLS", serviceUrl(module)));
        }
        env.putAll(options.serviceEnvironment().getOrDefault(service.module(), Map.of()));
        return env;
    }

    private void awaitReady(String module, Process p, Path log) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        // the full readiness, on the management interface: it is up only once the whole service is
        HttpRequest ready = HttpRequest.newBuilder(URI.create(managementUrl(module) + "/q/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + SERVICE_START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IllegalStateException(module + " exited with " + p.exitValue() + "; see " + log);
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(READY_POLL);
        }
        throw new IllegalStateException(module + " was not ready within " + SERVICE_START_TIMEOUT.toSeconds()
                + " s; see " + log);
    }

    /** Kills a service as a crash would (SIGKILL: no shutdown hooks, no graceful drain), for fault tests. */
    public synchronized void kill(String module) throws InterruptedException {
        Process process = processes.remove(service(module).module());
        if (process != null) {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    /**
     * Starts a service again with the configuration it had (stopping it first if it still runs) and returns once it is
     * ready.
     */
    public synchronized void restart(String module) {
        Service service = service(module);
        Process running = processes.remove(module);
        if (running != null) {
            running.destroy();
            try {
                running.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PartFailedException(module, e);
            }
        }
        step(module + " restarted on " + serviceUrl(module), () -> {
            startService(service, logs());
            return null;
        });
    }

    private static Service service(String module) {
        return SERVICES.stream().filter(s -> s.module().equals(module)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no such service: " + module));
    }

    public int port(String module) {
        Integer port = options.servicePorts().get(module);
        if (port == null) {
            throw new IllegalArgumentException("no such service: " + module);
        }
        return port;
    }

    public String serviceUrl(String module) {
        return "http://localhost:" + port(module);
    }

    /** The management port of a service: metrics and the full health checks. */
    public int managementPort(String module) {
        Integer port = options.managementPorts().get(module);
        if (port == null) {
            throw new IllegalArgumentException("no such service: " + module);
        }
        return port;
    }

    public String managementUrl(String module) {
        return "http://localhost:" + managementPort(module);
    }

    public String gatewayUrl() {
        return serviceUrl("gateway");
    }

    public PostgresServer postgres() {
        return postgres;
    }

    public KafkaServer kafka() {
        return kafka;
    }

    public KeycloakServer keycloak() {
        return keycloak;
    }

    public Path logs() {
        return options.dataDir().resolve("logs");
    }

    /** Stops the services first (so nothing writes into a stopped server), then Keycloak, Kafka and PostgreSQL. */
    @Override
    public synchronized void close() {
        List<Process> running = new ArrayList<>(processes.values());
        running.forEach(Process::destroy);
        for (Process p : running) {
            try {
                if (!p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
            }
        }
        processes.clear();
        if (keycloak != null) {
            keycloak.close();
        }
        if (kafka != null) {
            kafka.stop();
        }
        if (postgres != null) {
            postgres.stop();
        }
    }

    private interface Step<T> {
        T run() throws Exception;
    }

    private <T> T step(String what, Step<T> step) {
        long began = System.nanoTime();
        try {
            T result = step.run();
            options.progress().accept(String.format("%-60s ready in %.1f s", what, (System.nanoTime() - began) / 1e9));
            return result;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PartFailedException(what, e);
        } catch (Exception e) {
            throw new PartFailedException(what, e);
        }
    }

    /** A part of the platform did not start; the message names it and, where there is one, its log. */
    public static final class PartFailedException extends RuntimeException {
        PartFailedException(String part, Throwable cause) {
            super(part + " failed: " + cause.getMessage(), cause);
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
