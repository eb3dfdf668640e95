package vn.inspectorate.bench.footprint;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import vn.inspectorate.deploy.Platform;
import vn.inspectorate.deploy.ServiceJvm;

/**
 * An application the services' starts are measured against, started as the launcher starts a service: the same command
 * ({@link ServiceJvm}: JVM options, the JIT of the service it stands beside, class-data archive, extra options), its
 * ports and configuration in the environment, readiness polled on the management port at the same interval.
 */
final class YardstickApp {

    /** Which application, by its module. */
    enum Kind {
        /** {@code bench/bare-app}: one endpoint and health, nothing else: what Quarkus itself costs. */
        BARE("bench/bare-app", "bare Quarkus REST app", "bareApp"),
        /**
         * {@code bench/floor-app}: the extensions of platform-lib, which every service but the dashboard runs, each
         * used once: what the stack costs before a service's own entities, migrations, consumers and document.
         */
        FLOOR("bench/floor-app", "the services' extensions, one of each", "floorApp");

        final String module;
        final String label;
        final String figures;

        Kind(String module, String label, String figures) {
            this.module = module;
            this.label = label;
            this.figures = figures;
        }
    }

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    /**
     * One start: launch → ready (s), CPU to ready (s), the running process, and whether it is the launch that records
     * the build's trained AOT cache as it exits ({@link ServiceJvm#isTraining(java.util.List)}).
     */
    record Start(double readySeconds, double cpuSeconds, Process process, boolean training) {
    }

    private final Kind kind;
    private final Path app;
    private final Path log;
    private final Map<String, String> environment;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** {@code environment}: what the application needs besides its ports (a database, the broker, the realm). */
    YardstickApp(Kind kind, Path root, Path work, Map<String, String> environment) {
        this.kind = kind;
        this.app = root.resolve(kind.module).resolve("target/quarkus-app");
        this.log = work.resolve(kind.module.substring(kind.module.lastIndexOf('/') + 1) + ".log");
        this.environment = Map.copyOf(environment);
    }

    Kind kind() {
        return kind;
    }

    /** Where every start of the application appends its output. */
    Path log() {
        return log;
    }

    /**
     * Starts the application with the JIT compilers {@code jit} and returns once its readiness check answers 200; the
     * caller stops it.
     */
    Start start(ServiceJvm.Jit jit) throws IOException, InterruptedException {
        if (!Files.exists(app.resolve("quarkus-run.jar"))) {
            throw new IllegalStateException(kind.module + " is not built: ./mvnw -pl " + kind.module
                    + " package -DskipTests");
        }
        Files.createDirectories(log.getParent());
        int port = freePort();
        int managementPort = freePort();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(ServiceJvm.command(java, app, jit, ServiceJvm.extraOptions()))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().putAll(environment);
        pb.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        pb.environment().put("QUARKUS_MANAGEMENT_PORT", Integer.toString(managementPort));
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort
                + "/q/health/ready")).timeout(Duration.ofSeconds(5)).build();
        long began = System.nanoTime();
        Process process = pb.start();
        long deadline = began + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(kind.module + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    double readySeconds = (System.nanoTime() - began) / 1e9;
                    double cpu = process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L) / 1e9;
                    return new Start(readySeconds, cpu, process, ServiceJvm.isTraining(pb.command()));
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(Platform.READY_POLL);
        }
        process.destroyForcibly();
        throw new IllegalStateException(kind.module + " was not ready within " + START_TIMEOUT.toSeconds() + " s; see "
                + log);
    }

    /**
     * Stops it as the platform stops a service (SIGTERM) and waits for the exit: as long as the platform waits for a
     * training launch, which writes its AOT cache as it exits (a cache cut short would leave the later starts on the
     * build's).
     */
    static void stop(Process process) throws Exception {
        process.destroy();
        if (!process.waitFor(300, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
