package vn.inspectorate.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The JVM command line of a service, the same for {@code ./platform}, the end-to-end tests and the benchmarks, and
 * mirrored in the container image ({@code deploy/docker/Dockerfile.jvm}).
 *
 * <p>The defaults suit a small service on a small machine: the serial collector (a few MiB of bookkeeping where G1
 * takes about 40, and no collector threads competing with the application on two cores), a heap that starts small and
 * grows to 256 MiB, and the class-data archive the build writes beside {@code quarkus-run.jar}: a JDK AOT cache
 * ({@code app.aot}, JDK 25+) or an AppCDS archive ({@code app-cds.jsa}), which spares the JVM most of the class
 * loading and linking of a start. An archive made by another JDK build, or used with other modules (e.g.
 * {@code -XX:StartFlightRecording} adds {@code jdk.jfr}), is reported in the service's log and skipped, never fatal.
 *
 * <p>Options in {@value #ENVIRONMENT} (environment) or {@code -D}{@value #PROPERTY} come after the defaults, so they win
 * where they name the same flag (e.g. {@code -Xmx512m}; {@code -XX:-UseSerialGC -XX:+UseG1GC} for G1, since the JVM
 * refuses two collectors; {@code -XX:AOTMode=off} to run without the AOT cache, {@code -Xshare:off} without an AppCDS
 * archive).
 */
public final class ServiceJvm {

    public static final String ENVIRONMENT = "INSPECTORATE_SERVICE_JAVA_OPTS";
    public static final String PROPERTY = "inspectorate.service.java-opts";

    /** Flags every service gets before the archive and the extra options. */
    public static final List<String> DEFAULTS = List.of("-Xms32m", "-Xmx256m", "-XX:+UseSerialGC");

    static final String AOT_CACHE = "app.aot";
    static final String APPCDS_ARCHIVE = "app-cds.jsa";

    private ServiceJvm() {
    }

    /** The extra options from the system property, else the environment; empty if neither is set. */
    public static String extraOptions() {
        String fromProperty = System.getProperty(PROPERTY);
        if (fromProperty != null && !fromProperty.isBlank()) {
            return fromProperty;
        }
        String fromEnvironment = System.getenv(ENVIRONMENT);
        return fromEnvironment == null ? "" : fromEnvironment;
    }

    /** {@code java <defaults> <archive> <extra> -jar <app>/quarkus-run.jar} for the running JDK. */
    public static List<String> command(String javaBinary, Path quarkusApp, String extraOptions) {
        return command(javaBinary, Runtime.version().feature(), quarkusApp, extraOptions);
    }

    static List<String> command(String javaBinary, int javaFeature, Path quarkusApp, String extraOptions) {
        List<String> command = new ArrayList<>();
        command.add(javaBinary);
        command.addAll(DEFAULTS);
        archiveOption(javaFeature, quarkusApp).ifPresent(command::add);
        command.addAll(split(extraOptions));
        command.add("-jar");
        command.add(quarkusApp.resolve("quarkus-run.jar").toAbsolutePath().normalize().toString());
        return command;
    }

    /** The AOT cache where the JDK reads one (25+), else the AppCDS archive, if the build wrote it. */
    static Optional<String> archiveOption(int javaFeature, Path quarkusApp) {
        Path aot = quarkusApp.resolve(AOT_CACHE).toAbsolutePath().normalize();
        if (javaFeature >= 25 && Files.isRegularFile(aot)) {
            return Optional.of("-XX:AOTCache=" + aot);
        }
        Path cds = quarkusApp.resolve(APPCDS_ARCHIVE).toAbsolutePath().normalize();
        if (Files.isRegularFile(cds)) {
            return Optional.of("-XX:SharedArchiveFile=" + cds);
        }
        return Optional.empty();
    }

    static List<String> split(String options) {
        if (options == null || options.isBlank()) {
            return List.of();
        }
        return Arrays.stream(options.trim().split("\\s+")).toList();
    }
}
