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
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import vn.inspectorate.contracts.Topics;
import vn.inspectorate.infra.KafkaServer;
import vn.inspectorate.infra.KeycloakServer;
import vn.inspectorate.infra.PostgresServer;

/**
 * The whole platform on localhost: real PostgreSQL (one database per service), a real Kafka broker and a real Keycloak
 * with the {@code inspectorate} realm, with data kept under {@code .platform/} between runs, then each service from
 * its built {@code quarkus-app}. Ctrl-C stops it all. Ports come from system properties ({@code -Dpostgres.port=...})
 * or the defaults below.
 */
public final class LocalPlatform {

    /** A service module, its database and its HTTP port ({@code -D<module>.port=...} overrides the default). */
    private record Service(String module, String database, int defaultPort) {
        int port() {
            return Integer.getInteger(module + ".port", defaultPort);
        }
    }

    private static final List<Service> SERVICES = List.of(
            new Service("complaints-service", "complaints", 8081),
            new Service("inspection-service", "inspection", 8082),
            new Service("asset-declaration-service", "declarations", 8083),
            new Service("reporting-service", "reporting", 8084),
            new Service("gateway", "gateway", 8080));

    private static final List<Process> children = new ArrayList<>();
    /** Held so the levels stick: the console shows progress, the servers' own chatter stays at warnings. */
    private static final List<java.util.logging.Logger> QUIET = List.of(
            java.util.logging.Logger.getLogger("kafka"), java.util.logging.Logger.getLogger("org.apache.kafka"),
            java.util.logging.Logger.getLogger("state.change.logger"));

    public static void main(String[] args) throws Exception {
        QUIET.forEach(l -> l.setLevel(java.util.logging.Level.WARNING));
        Path root = Path.of(System.getProperty("platform.root", ".")).toAbsolutePath().normalize();
        Path data = root.resolve(".platform");
        Path logs = data.resolve("logs");
        Files.createDirectories(logs);
        int pgPort = Integer.getInteger("postgres.port", 15432);
        int kafkaPort = Integer.getInteger("kafka.port", 9092);
        int keycloakPort = Integer.getInteger("keycloak.port", 8180);
        Path keycloakDistribution = Path.of(System.getProperty("keycloak.distribution",
                root.resolve("deploy/launcher/target/keycloak/keycloak-quarkus-dist.tar.gz").toString()));
        Path realmFile = root.resolve("deploy/keycloak/inspectorate-realm.json");

        PostgresServer postgres = step("PostgreSQL on port " + pgPort,
                () -> PostgresServer.create(data.resolve("postgres/data"), pgPort, false).start());
        KafkaServer kafka = step("Kafka (KRaft) on port " + kafkaPort,
                () -> KafkaServer.create(data.resolve("kafka/logs"), kafkaPort, Map.of()).start());
        // Keycloak takes the longest to start; it comes up beside the services, which fetch its keys on first use.
        System.out.println("Starting Keycloak on port " + keycloakPort + " in the background (about a minute) ...");
        KeycloakServer keycloak = KeycloakServer.create(keycloakDistribution, data.resolve("keycloak/server"),
                keycloakPort, realmFile, "inspectorate", List.of());
        CompletableFuture<KeycloakServer> keycloakReady = CompletableFuture.supplyAsync(keycloak::start);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping the platform...");
            children.forEach(Process::destroy);
            children.forEach(p -> {
                try {
                    p.waitFor();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            keycloak.stop();
            kafka.stop();
            postgres.stop();
            System.out.println("Stopped. Data is kept in " + data);
        }, "stop-platform"));
        step("topics", () -> {
            kafka.createTopics(6, Topics.CASES, Topics.INSPECTIONS, Topics.DECLARATIONS, Topics.REPORTS, Topics.PUBLIC);
            return null;
        });

        for (Service service : SERVICES) {
            String module = service.module();
            String database = service.database();
            int port = service.port();
            postgres.createDatabase(database);
            Path jar = root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
            if (!Files.exists(jar)) {
                throw new IllegalStateException(module + " is not built: run ./mvnw install -DskipTests first");
            }
            Path log = logs.resolve(module + ".log");
            ProcessBuilder pb = new ProcessBuilder(javaBinary(), "-Xmx256m", "-jar", jar.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
            pb.environment().put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(database));
            pb.environment().put("QUARKUS_DATASOURCE_USERNAME", PostgresServer.SUPERUSER);
            pb.environment().put("QUARKUS_DATASOURCE_PASSWORD", "");
            pb.environment().put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
            pb.environment().put("QUARKUS_OIDC_AUTH_SERVER_URL", keycloak.issuer());
            step(module + " on http://localhost:" + port, () -> {
                Process p = pb.start();
                children.add(p);
                awaitReady(module, p, port, log);
                return null;
            });
        }

        step("Keycloak on " + keycloak.baseUrl() + " (log: " + keycloak.logFile() + ")", keycloakReady::join);

        System.out.println();
        System.out.println("The platform is up.");
        SERVICES.forEach(s -> System.out.printf("  %-27s http://localhost:%d  (OpenAPI: /q/openapi, health: /q/health)%n",
                s.module(), s.port()));
        System.out.println("  PostgreSQL                  " + postgres.jdbcUrl("<service>") + " (user postgres)");
        System.out.println("  Kafka                       " + kafka.bootstrapServers());
        System.out.println("  Keycloak                    " + keycloak.baseUrl() + "  (admin console: admin / admin)");
        System.out.println("  Logs                        " + logs);
        System.out.println();
        System.out.println("Demo clients and users (local secrets only; production takes them from the environment):");
        System.out.println("  clients (client credentials): province-hn (VN-HN), province-nb (VN-NB), partner-demo;"
                + " secret <client>-local-secret");
        System.out.println("  users (password = user name, client inspectorate-dashboard): inspector-hn, inspector-nb,"
                + " analyst, asset-controller, admin");
        System.out.println();
        System.out.println("A token for Ha Noi's provincial system:");
        System.out.println("  curl -s -d grant_type=client_credentials -d client_id=province-hn"
                + " -d client_secret=province-hn-local-secret " + keycloak.tokenUrl());
        System.out.println("Press Ctrl-C to stop.");
        new CountDownLatch(1).await();
    }

    private static void awaitReady(String module, Process p, int port, Path log) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/q/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
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
            Thread.sleep(500);
        }
        throw new IllegalStateException(module + " was not ready within 120 s; see " + log);
    }

    private interface Step<T> {
        T run() throws Exception;
    }

    private static <T> T step(String what, Step<T> step) {
        System.out.print("Starting " + what + " ... ");
        System.out.flush();
        long began = System.nanoTime();
        try {
            T result = step.run();
            System.out.printf("ready in %.1f s%n", (System.nanoTime() - began) / 1e9);
            return result;
        } catch (Exception e) {
            System.out.println("FAILED");
            System.err.println("The platform did not start: " + what + " failed: " + e.getMessage());
            System.exit(1);
            return null;
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
