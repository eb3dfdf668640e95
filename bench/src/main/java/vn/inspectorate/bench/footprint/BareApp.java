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
import java.util.concurrent.TimeUnit;
import vn.inspectorate.deploy.Platform;
import vn.inspectorate.deploy.ServiceJvm;

/**
 * The bare Quarkus REST application ({@code bench/bare-app}: one endpoint, health on the management port), started as
 * the launcher starts a service: the same command ({@link ServiceJvm}: JVM options, the JIT of the service it stands
 * beside, class-data archive, extra options), its ports in the environment, readiness polled on the management port at
 * the same interval.
 */
final class BareApp {

    static final String MODULE = "bench/bare-app";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    /** One start: launch → ready (s), CPU to ready (s), the running process and its command. */
    record Start(double readySeconds, double cpuSeconds, Process process, String command) {
    }

    private final Path app;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    BareApp(Path root, Path work) {
        this.app = root.resolve(MODULE).resolve("target/quarkus-app");
        this.log = work.resolve("bare-app.log");
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
            throw new IllegalStateException(MODULE + " is not built: ./mvnw -pl " + MODULE + " package -DskipTests");
        }
        Files.createDirectories(log.getParent());
        int port = freePort();
        int managementPort = freePort();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(ServiceJvm.command(java, app, jit, ServiceJvm.extraOptions()))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        pb.environment().put("QUARKUS_MANAGEMENT_PORT", Integer.toString(managementPort));
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort
                + "/q/health/ready")).timeout(Duration.ofSeconds(5)).build();
        long began = System.nanoTime();
        Process process = pb.start();
        long deadline = began + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the bare application exited with " + process.exitValue() + "; see "
                        + log);
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    double readySeconds = (System.nanoTime() - began) / 1e9;
                    double cpu = process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L) / 1e9;
                    return new Start(readySeconds, cpu, process, String.join(" ", pb.command()));
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(Platform.READY_POLL);
        }
        process.destroyForcibly();
        throw new IllegalStateException("the bare application was not ready within " + START_TIMEOUT.toSeconds()
                + " s; see " + log);
    }

    /** Stops it as the platform stops a service (SIGTERM) and waits for the exit. */
    static void stop(Process process) throws Exception {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
