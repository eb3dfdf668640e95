package vn.inspectorate.bench.core;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import vn.inspectorate.bench.profile.PgStatements;
import vn.inspectorate.deploy.Platform;
import vn.inspectorate.deploy.ServiceJvm;

/**
 * The real platform as {@code ./platform} starts it, on free ports in a throw-away folder, with the gateway's per-role
 * rate limits lifted (a benchmark client sends in seconds what a province sends in a month), plus what the scenarios
 * need from it: tokens, database connections, and the services' process ids.
 */
public final class BenchPlatform implements AutoCloseable {

    /** Quarkus prints each step of a start with its time: a line and a clock read a step. */
    public static final String TIME_EACH_START_STEP = "-Dquarkus.debug.print-startup-times=true";

    private static final List<String> ROLES = List.of("PROVINCIAL_SYSTEM", "CENTRAL_ANALYST", "INSPECTOR",
            "ASSET_CONTROLLER", "PLATFORM_ADMIN", "PARTNER");

    private final Platform platform;
    private final Path root;
    private final Path work;
    private final Map<String, String> startupLines;
    private final HttpClient http = HttpClient.newHttpClient();

    /**
     * Has every JVM the launcher starts from now on (the services, and the footprint scenario's yardsticks) print
     * Quarkus's time for each step of its start, after any extra options already given. A system property changes
     * nothing in what the AOT cache holds or accepts.
     */
    private static void timeEachStartStep() {
        String extra = ServiceJvm.extraOptions();
        if (!extra.contains(TIME_EACH_START_STEP)) {
            System.setProperty(ServiceJvm.PROPERTY, (extra.isBlank() ? "" : extra + " ") + TIME_EACH_START_STEP);
        }
    }

    private BenchPlatform(Platform platform, Path root, Path work, Map<String, String> startupLines) {
        this.platform = platform;
        this.root = root;
        this.work = work;
        this.startupLines = startupLines;
    }

    /**
     * Starts the platform. Services launched to train their AOT cache (the first start after a build, see
     * {@code deploy/README.md}) first serve each of {@code trainers}' training load, so that the cache holds what the
     * load makes them load and the method profiles it gathers (with which the JIT compiles the hot methods sooner);
     * then they are restarted with their new caches, so that no training JVM is measured.
     */
    public static BenchPlatform start(Path root, Path work, Collection<Scenario> trainers) {
        timeEachStartStep();
        Path data = work.resolve("platform");
        try {
            refuseIfInUse(data);
            deleteTree(data);
            Files.createDirectories(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // A profiled run's PostgreSQL preloads pg_stat_statements (set in the data folder before the platform starts).
        if (Profiling.requested() && !PgStatements.preload(data.resolve("postgres/data"))) {
            System.out.println("[bench] the embedded PostgreSQL has no pg_stat_statements: no statement profile");
        }
        Map<String, String> env = new LinkedHashMap<>();
        for (String role : ROLES) {
            env.put("INSPECTORATE_GATEWAY_RATE_LIMIT_ROLES_" + role + "_CAPACITY", "100000000");
        }
        env.put("INSPECTORATE_GATEWAY_RATE_LIMIT_FALLBACK_CAPACITY", "100000000");
        env.put("INSPECTORATE_GATEWAY_RATE_LIMIT_ANONYMOUS_CAPACITY", "100000000");
        Map<String, String> lines = new LinkedHashMap<>();
        Platform p = Platform.start(Platform.Options.ephemeral(root, data, line -> {
            System.out.println("[platform] " + line);
            lines.put(line.split(" ")[0], line);
        }).withServiceEnvironment("gateway", env));
        BenchPlatform bench = new BenchPlatform(p, root, work, lines);
        try {
            if (!p.training().isEmpty() && Settings.trainingSeconds() > 0) {
                bench.train(trainers);
            }
        } catch (RuntimeException e) {
            p.close();  // no run gets this platform to stop
            throw e;
        }
        List<String> trained = p.finishTraining();
        if (!trained.isEmpty()) {
            System.out.println("[bench] restarted with the AOT cache each trained on this start, so that no training JVM"
                    + " is measured: " + String.join(", ", trained));
        }
        return bench;
    }

    private void train(Collection<Scenario> trainers) {
        long began = System.nanoTime();
        for (Scenario scenario : trainers) {
            try {
                scenario.train(this);
            } catch (Exception e) {
                throw new IllegalStateException("the " + scenario.name() + " training load failed", e);
            }
        }
        try {
            Projection.awaitCaughtUp(this);
        } catch (Exception e) {
            throw new IllegalStateException("the reporting projection did not take the training load", e);
        }
        System.out.printf("[bench] the training JVMs served %d s of each scenario's load (%s), %.0f s in all%n",
                Settings.trainingSeconds(), trainers.stream().map(Scenario::name).collect(Collectors.joining(", ")),
                (System.nanoTime() - began) / 1e9);
    }

    public Platform platform() {
        return platform;
    }

    public Path root() {
        return root;
    }

    public Path work() {
        return work;
    }

    /** The progress line of each part as the platform first started (keyed by the part's first word). */
    public Map<String, String> startupLines() {
        return startupLines;
    }

    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(platform.postgres().jdbcUrl(database), "postgres", "");
    }

    /**
     * Gathers the planner's statistics in every service's database ({@code analyze}), once a warm-up has given the
     * tables rows and before a measured step. Without statistics the planner guesses from defaults how many rows a
     * lookup by a batch of keys ({@code record_id = any(?)}) matches, guesses a large share, and scans the table whole
     * for every batch as it grows, until autovacuum first analyses it: within a minute of its first rows
     * ({@code autovacuum_naptime}), at a moment of its own. A platform in service has long had its statistics;
     * without this, whether a measured step fell before or after that moment decided most of a millisecond of
     * PostgreSQL a case.
     */
    public void analyzeDatabases() throws SQLException {
        for (Platform.Service service : Platform.SERVICES) {
            if (service.database() != null) {
                Sql.execute(this, service.database(), "analyze");
            }
        }
    }

    /** A token for a realm client (local secrets follow one pattern). */
    public String clientToken(String clientId) {
        return token(Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret",
                clientId + "-local-secret"));
    }

    /** A token for a realm user (passwords equal names). */
    public String userToken(String username) {
        return token(Map.of("grant_type", "password", "client_id", "inspectorate-dashboard", "username", username,
                "password", username));
    }

    private String token(Map<String, String> form) {
        String body = form.entrySet().stream().map(e -> e.getKey() + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(platform.keycloak().tokenUrl()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("token request failed: " + response.statusCode() + " "
                        + response.body());
            }
            JsonNode json = ResultWriter.json().readTree(response.body());
            return json.get("access_token").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The process of a service: a descendant of this JVM running the module's quarkus-run.jar. */
    public Optional<ProcessHandle> process(String module) {
        String jar = module + "/target/quarkus-app/quarkus-run.jar";
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().map(c -> c.contains(jar)).orElse(false)).findFirst();
    }

    /** PostgreSQL's postmaster, the parent of every backend. */
    public long postgresPid() {
        try {
            return Long.parseLong(Files.readAllLines(work.resolve("platform/postgres/data/postmaster.pid")).get(0)
                    .strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public long pid(String module) {
        return process(module).orElseThrow(() -> new IllegalStateException(module + " is not running")).pid();
    }

    @Override
    public void close() {
        platform.close();
    }

    /** Another run's platform still lives in the folder: wiping it would pull the files from under its servers. */
    static void refuseIfInUse(Path data) throws IOException {
        Path pidFile = data.resolve("postgres/data/postmaster.pid");
        if (Files.exists(pidFile)) {
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
            if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                throw new IllegalStateException("another benchmark run is using " + data + " (PostgreSQL pid " + pid
                        + "); wait for it or stop it first");
            }
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
