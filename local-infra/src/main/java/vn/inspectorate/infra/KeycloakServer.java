package vn.inspectorate.infra;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.jboss.logging.Logger;

/**
 * A real Keycloak server from {@code org.keycloak:keycloak-quarkus-dist} (the tar.gz from Maven Central), unpacked once
 * into its home folder and started as a child process in development mode with the given realm imported. The issuer is
 * pinned to {@code http://localhost:<port>}, so tokens fetched by tests and tokens checked by services agree on it.
 */
public final class KeycloakServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(KeycloakServer.class);
    /**
     * About a minute on an idle machine; several times that on a loaded one (its first start builds and migrates), so
     * the wait is generous: it only costs time when the server really fails.
     */
    private static final Duration START_TIMEOUT = Duration.ofMinutes(10);

    private final Path distribution;
    private final Path home;
    private final int port;
    private final int managementPort;
    private final Path realmFile;
    private final String realm;
    private final List<String> extraOptions;
    private Process process;
    /** Set by {@link #close()}: a start still in progress then launches nothing. */
    private volatile boolean closed;

    private KeycloakServer(Path distribution, Path home, int port, Path realmFile, String realm, List<String> extraOptions) {
        this.distribution = distribution.toAbsolutePath();
        this.home = home.toAbsolutePath();
        this.port = port == 0 ? FreePorts.next() : port;
        this.managementPort = FreePorts.next();
        this.realmFile = realmFile.toAbsolutePath();
        this.realm = realm;
        this.extraOptions = List.copyOf(extraOptions);
    }

    /**
     * A server unpacked into {@code home} (reused if already there, with its data) on {@code port} (0: any free port),
     * importing {@code realmFile} if the realm does not exist yet. {@code extraOptions} are Keycloak command-line
     * options, e.g. a PostgreSQL database instead of the built-in development one.
     */
    public static KeycloakServer create(Path distribution, Path home, int port, Path realmFile, String realm,
            List<String> extraOptions) {
        if (!Files.isRegularFile(distribution)) {
            throw new IllegalArgumentException("Keycloak distribution not found: " + distribution);
        }
        if (!Files.isRegularFile(realmFile)) {
            throw new IllegalArgumentException("realm file not found: " + realmFile);
        }
        return new KeycloakServer(distribution, home, port, realmFile, realm, extraOptions);
    }

    /** Starts the server and waits until it serves the realm. */
    public KeycloakServer start() {
        long began = System.nanoTime();
        Process started = launch();
        awaitRealm(started);
        LOG.infof("Keycloak started on %s in %d ms", baseUrl(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began));
        return this;
    }

    /** Launches the process; kept apart from waiting so that {@link #stop()} never waits for a start in progress. */
    private synchronized Process launch() {
        if (process != null && process.isAlive()) {
            return process;
        }
        if (closed) {
            throw new IllegalStateException("Keycloak was closed before it started");
        }
        Archives.unpackOnce(home, "bin/kc.sh", true,
                () -> new GzipCompressorInputStream(new BufferedInputStream(Files.newInputStream(distribution))));
        try {
            Path imports = Files.createDirectories(home.resolve("data/import"));
            Path imported = imports.resolve(realm + "-realm.json");
            if (extraOptions.stream().noneMatch(o -> o.startsWith("--db"))) {
                resetIfRealmChanged(home, imported, realmFile);
            }
            Files.copy(realmFile, imported, StandardCopyOption.REPLACE_EXISTING);
            List<String> command = new ArrayList<>(List.of("bash", home.resolve("bin/kc.sh").toString(), "start-dev",
                    "--http-port=" + port,
                    "--http-management-port=" + managementPort,
                    "--hostname=http://localhost:" + port,
                    "--health-enabled=true",
                    "--import-realm"));
            command.addAll(extraOptions);
            ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()));
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            // Keycloak sizes its heap from the machine's memory by default; a local server needs far less.
            builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
            builder.environment().putIfAbsent("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
            builder.environment().putIfAbsent("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
            process = builder.start();
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start Keycloak", e);
        }
    }

    /**
     * Keycloak imports a realm only once. The built-in development database holds nothing but that realm and its
     * sessions, so when the realm file differs from the one last imported, that database is removed and the new realm
     * is imported, instead of the change being silently ignored. Returns whether it was reset.
     */
    static boolean resetIfRealmChanged(Path home, Path lastImported, Path realmFile) throws IOException {
        if (!Files.exists(lastImported) || Files.mismatch(lastImported, realmFile) == -1) {
            return false;
        }
        LOG.warnf("realm file %s changed since the last start: Keycloak's development data is reset", realmFile);
        Archives.deleteTree(home.resolve("data/h2"));
        return true;
    }

    /** Stops the server and everything it started; its data stays in {@code home} for the next start. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        for (ProcessHandle handle : tree) {
            try {
                handle.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                handle.destroyForcibly();
            }
        }
        process = null;
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    /** The realm's issuer, which is what services set as {@code quarkus.oidc.auth-server-url}. */
    public String issuer() {
        return baseUrl() + "/realms/" + realm;
    }

    public String tokenUrl() {
        return issuer() + "/protocol/openid-connect/token";
    }

    public int port() {
        return port;
    }

    public Path logFile() {
        return home.resolveSibling(home.getFileName() + ".log");
    }

    /** Stops the server for good: a start still in progress on another thread launches nothing. */
    @Override
    public void close() {
        closed = true;
        stop();
    }

    private void awaitRealm(Process started) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest probe = HttpRequest.newBuilder(URI.create(issuer() + "/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!started.isAlive()) {
                throw new IllegalStateException(closed ? "Keycloak was closed while starting"
                        : "Keycloak exited with " + started.exitValue() + "; see " + logFile() + tail());
            }
            try {
                if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        stop();
        throw new IllegalStateException("Keycloak did not serve realm " + realm + " within " + START_TIMEOUT.toSeconds()
                + " s; see " + logFile() + tail());
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(logFile());
            return "\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "";
        }
    }
}
