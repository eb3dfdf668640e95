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
     * A service module, its database (null: none, e.g. the dashboard), its default HTTP port, its default management
     * port (metrics, full health checks; not for clients) and the JIT compilers its JVM runs (see {@link ServiceJvm}).
     */
    public record Service(String module, String database, int defaultPort, int defaultManagementPort,
            ServiceJvm.Jit jit) {
    }

    /**
     * One running copy of a service: {@code number} counts from 1. The first instance is named after its module (its
     * log, its ports' keys), later ones {@code module-2}, {@code module-3}.
     */
    public record Instance(String module, int number) {

        public String name() {
            return number == 1 ? module : module + "-" + number;
        }
    }

    /** Ports of later instances on fixed ports: HTTP 10 apart, management 100 apart (clear of Kafka's and Keycloak's). */
    private static final int REPLICA_PORT_STEP = 10;
    private static final int REPLICA_MANAGEMENT_PORT_STEP = 100;

    public static final List<Service> SERVICES = List.of(
            new Service("complaints-service", "complaints", 8081, 9081, ServiceJvm.Jit.TIERED),
            new Service("inspection-service", "inspection", 8082, 9082, ServiceJvm.Jit.C1),
            new Service("asset-declaration-service", "declarations", 8083, 9083, ServiceJvm.Jit.C1),
            new Service("reporting-service", "reporting", 8084, 9084, ServiceJvm.Jit.C1),
            new Service("dashboard", null, 8085, 9085, ServiceJvm.Jit.TIERED),
            new Service("gateway", "gateway", 8080, 9080, ServiceJvm.Jit.TIERED));

    /**
     * The keys each service takes from its environment (32 random bytes, base64). The platform generates them once per
     * data folder and keeps them there, so encrypted data stays readable across runs; nothing is committed.
     */
    private static final Map<String, List<String>> SECRET_KEYS = Map.of(
            "complaints-service", List.of("INSPECTORATE_IDENTITY_ENCRYPTION_KEY", "INSPECTORATE_IDENTITY_HASH_KEY"),
            "asset-declaration-service", List.of("INSPECTORATE_IDENTITY_KEY", "INSPECTORATE_IDENTITY_INDEX_KEY"),
            "gateway", List.of("INSPECTORATE_GATEWAY_WEBHOOKS_SECRET_KEY"),
            // the same in every instance, so a session or a form begun on one is good on the other
            "dashboard", List.of("INSPECTORATE_DASHBOARD_CSRF_KEY", "QUARKUS_OIDC_TOKEN_STATE_MANAGER_ENCRYPTION_SECRET",
                    "QUARKUS_OIDC_AUTHENTICATION_STATE_SECRET"));

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
     * picks a free one. Ports are keyed by {@link Instance#name()}; {@code replicas} instances of every service run.
     * {@code progress} receives one line per step.
     */
    public record Options(Path root, Path dataDir, int postgresPort, int kafkaPort, int keycloakPort,
            Map<String, Integer> servicePorts, Map<String, Integer> managementPorts, Path keycloakDistribution,
            boolean durable, Map<String, Map<String, String>> serviceEnvironment, Consumer<String> progress,
            int replicas) {

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
                    defaultDistribution(root), true, Map.of(), System.out::println, 1)
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
                    progress, 1);
        }

        /**
         * The same options with {@code count} instances of every service. Later instances listen on free ports, or,
         * on fixed ports ({@code ./platform}), 10 above the previous instance's HTTP port and 100 above its
         * management port.
         */
        public Options withReplicas(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("replicas must be at least 1, not " + count);
            }
            Map<String, Integer> ports = new LinkedHashMap<>();
            Map<String, Integer> management = new LinkedHashMap<>();
            for (Service s : SERVICES) {
                int first = servicePorts.get(s.module());
                int firstManagement = managementPorts.get(s.module());
                for (int n = 1; n <= count; n++) {
                    String name = new Instance(s.module(), n).name();
                    ports.put(name, n == 1 ? first : durable ? first + (n - 1) * REPLICA_PORT_STEP : FreePorts.next());
                    management.put(name, n == 1 ? firstManagement
                            : durable ? firstManagement + (n - 1) * REPLICA_MANAGEMENT_PORT_STEP : FreePorts.next());
                }
            }
            return new Options(root, dataDir, postgresPort, kafkaPort, keycloakPort, ports, management,
                    keycloakDistribution, durable, serviceEnvironment, progress, count);
        }

        /** The same options with extra settings for one service, e.g. a webhook allow-list for a test's receiver. */
        public Options withServiceEnvironment(String module, Map<String, String> env) {
            Map<String, Map<String, String>> all = new LinkedHashMap<>(serviceEnvironment);
            Map<String, String> merged = new LinkedHashMap<>(all.getOrDefault(module, Map.of()));
            merged.putAll(env);
            all.put(module, Map.copyOf(merged));
            return new Options(root, dataDir, postgresPort, kafkaPort, keycloakPort, servicePorts, managementPorts,
                    keycloakDistribution, durable, Map.copyOf(all), progress, replicas);
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
            for (Instance instance : instances(service.module())) {
                step(instance.name() + " on " + serviceUrl(instance.module(), instance.number()), () -> {
                    startInstance(service, instance, logs);
                    return null;
                });
            }
        }
        step("Keycloak on " + keycloak.baseUrl() + " (time waited after the services)", () -> {
            try {
                return keycloakReady.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        });
    }

    /** The instances of a service, first to last. */
    public List<Instance> instances(String module) {
        service(module);
        List<Instance> all = new ArrayList<>();
        for (int n = 1; n <= options.replicas(); n++) {
            all.add(new Instance(module, n));
        }
        return all;
    }

    private void startInstance(Service service, Instance instance, Path logs) throws IOException, InterruptedException {
        if (service.database() != null) {
            postgres.createDatabase(service.database());
        }
        Path app = options.root().resolve(service.module()).resolve("target/quarkus-app");
        if (!Files.exists(app.resolve("quarkus-run.jar"))) {
            throw new IllegalStateException(service.module() + " is not built: run ./mvnw install -DskipTests first");
        }
        Path log = logs.resolve(instance.name() + ".log");
        List<String> command = ServiceJvm.command(javaBinary(), app, service.jit(), ServiceJvm.extraOptions());
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().putAll(environment(service, instance));
        Process process = pb.start();
        processes.put(instance.name(), process);
        awaitReady(instance, process, log);
    }

    /**
     * What an application with the database {@code database} (null for none) is given of the infrastructure, as a
     * service is: the database and the broker (with a database only), and the realm.
     */
    public Map<String, String> infrastructureEnvironment(String database) {
        Map<String, String> env = new LinkedHashMap<>();
        if (database != null) {
            env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(database));
            env.put("QUARKUS_DATASOURCE_USERNAME", PostgresServer.SUPERUSER);
            env.put("QUARKUS_DATASOURCE_PASSWORD", "");
            env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        }
        env.put("QUARKUS_OIDC_AUTH_SERVER_URL", keycloak.issuer());
        return env;
    }

    /** The configuration an instance gets: its ports, its service's database, the broker and the realm. */
    private Map<String, String> environment(Service service, Instance instance) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port(instance.module(), instance.number())));
        env.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(managementPort(instance.module(), instance.number())));
        env.putAll(infrastructureEnvironment(service.database()));
        if (service.module().equals("dashboard")) {
            // it reads the API through the gateway, with each user's own token
            env.put("INSPECTORATE_DASHBOARD_GATEWAY_URL", gatewayUrl());
        }
        for (String key : SECRET_KEYS.getOrDefault(service.module(), List.of())) {
            env.put(key, secrets.get(key));
        }
        if (service.module().equals("gateway")) {
            // every instance of each upstream: the gateway balances across them and retries on another
            GATEWAY_UPSTREAMS.forEach((module, name) -> env.put("INSPECTORATE_GATEWAY_SERVICES_" + name + "_URLS",
                    String.join(",", instances(module).stream().map(i -> serviceUrl(module, i.number())).toList())));
        }
        env.putAll(options.serviceEnvironment().getOrDefault(service.module(), Map.of()));
        return env;
    }

    private void awaitReady(Instance instance, Process p, Path log) throws InterruptedException {
        String module = instance.name();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        // the full readiness, on the management interface: it is up only once the whole service is
        HttpRequest ready = HttpRequest.newBuilder(URI.create(managementUrl(instance.module(), instance.number())
                        + "/q/health/ready"))
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

    /** Kills every instance of a service as a crash would (SIGKILL: no shutdown hooks, no graceful drain). */
    public synchronized void kill(String module) throws InterruptedException {
        for (Instance instance : instances(module)) {
            kill(module, instance.number());
        }
    }

    /** Kills one instance of a service as a crash would (SIGKILL), for fault tests; the others keep running. */
    public synchronized void kill(String module, int number) throws InterruptedException {
        Process process = processes.remove(instance(module, number).name());
        if (process != null) {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    /**
     * Starts every instance of a service again, one after the other, with the configuration it had (stopping each first
     * if it still runs) and returns once all are ready.
     */
    public synchronized void restart(String module) {
        for (Instance instance : instances(module)) {
            restart(module, instance.number());
        }
    }

    /**
     * Stops one instance gracefully if it runs (SIGTERM: it drains and leaves its consumer groups), starts it again and
     * returns once it is ready. One instance after the other is a rolling restart.
     */
    public synchronized void restart(String module, int number) {
        Service service = service(module);
        Instance instance = instance(module, number);
        Process running = processes.remove(instance.name());
        if (running != null) {
            running.destroy();
            try {
                running.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PartFailedException(instance.name(), e);
            }
        }
        step(instance.name() + " restarted on " + serviceUrl(module, number), () -> {
            startInstance(service, instance, logs());
            return null;
        });
    }

    /**
     * The instances launched to train their AOT cache, still running: whatever they do until they stop (requests
     * included) is recorded in the cache they write then.
     */
    public synchronized List<Instance> training() {
        List<Instance> training = new ArrayList<>();
        for (Service service : SERVICES) {
            for (Instance instance : instances(service.module())) {
                Process process = processes.get(instance.name());
                if (process != null && ServiceJvm.isTraining(process.info())) {
                    training.add(instance);
                }
            }
        }
        return training;
    }

    /**
     * Restarts, one after the other, each instance launched to train its AOT cache: it writes the cache as it stops and
     * starts again with it. Answers their names. A training JVM records what it loads and compiles while it runs, so
     * it costs more than the JVMs that use the cache; a benchmark measures after this.
     */
    public synchronized List<String> finishTraining() {
        List<String> restarted = new ArrayList<>();
        for (Instance instance : training()) {
            restart(instance.module(), instance.number());
            restarted.add(instance.name());
        }
        return restarted;
    }

    /** Whether an instance's process is running (it may still be starting). */
    public synchronized boolean running(String module, int number) {
        Process process = processes.get(instance(module, number).name());
        return process != null && process.isAlive();
    }

    private Instance instance(String module, int number) {
        service(module);
        if (number < 1 || number > options.replicas()) {
            throw new IllegalArgumentException(module + " has " + options.replicas() + " instances, not " + number);
        }
        return new Instance(module, number);
    }

    /** The service of {@code module}; an unknown module is an error. */
    static Service service(String module) {
        return SERVICES.stream().filter(s -> s.module().equals(module)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no such service: " + module));
    }

    /** The HTTP port of a service's first instance. */
    public int port(String module) {
        return port(module, 1);
    }

    public int port(String module, int number) {
        Integer port = options.servicePorts().get(instance(module, number).name());
        if (port == null) {
            throw new IllegalArgumentException("no port for " + module + " instance " + number);
        }
        return port;
    }

    /** The URL of a service's first instance. */
    public String serviceUrl(String module) {
        return serviceUrl(module, 1);
    }

    public String serviceUrl(String module, int number) {
        return "http://localhost:" + port(module, number);
    }

    /** The management port of a service's first instance: metrics and the full health checks. */
    public int managementPort(String module) {
        return managementPort(module, 1);
    }

    public int managementPort(String module, int number) {
        Integer port = options.managementPorts().get(instance(module, number).name());
        if (port == null) {
            throw new IllegalArgumentException("no management port for " + module + " instance " + number);
        }
        return port;
    }

    public String managementUrl(String module) {
        return managementUrl(module, 1);
    }

    public String managementUrl(String module, int number) {
        return "http://localhost:" + managementPort(module, number);
    }

    /** How many instances of each service run. */
    public int replicas() {
        return options.replicas();
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
                // A training launch writes its AOT cache as it exits: cut short, the next launch trains again.
                if (!p.waitFor(ServiceJvm.isTraining(p.info()) ? 300 : 30, java.util.concurrent.TimeUnit.SECONDS)) {
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
