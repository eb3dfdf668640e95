package vn.inspectorate.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

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
 * <p>The build's AOT cache comes from a run that stops after static initialisation (the build has no database, broker
 * or Keycloak), so it misses what a real start loads afterwards. On JDK 25+, when asked ({@value #TRAINING_PROPERTY}),
 * the first launch of a build's service therefore records its own cache, {@value #TRAINED_CACHE}
 * ({@code -XX:AOTCacheOutput}: the JVM writes it when it exits, SIGTERM included, which makes that one stop some
 * seconds longer); later launches use it. A trained cache older than the application's jar or the build's cache
 * belongs to an earlier build and is recorded again. One instance per application trains, the others take the build's
 * cache; options that choose an archive themselves turn training off.
 *
 * <p>The archive is mapped where it was written ({@value #NO_RELOCATION}; the JDK relocates it to a random address by
 * default and falls back to that when the address is taken): relocation rewrites every pointer in the mapped archive,
 * which turns some 60 MiB of clean, shared file pages into private memory of each service.
 *
 * <p>The services whose share of a filed case is consuming its events ({@link Jit#C1}: inspection, declarations,
 * reporting) run the JIT's first compiler alone. Their work per event is small, so the optimising compiler's minutes of
 * compiling after each start cost more than its faster code saves: in the benchmark's intake the three spent 1.2–2.1 ms
 * of CPU a case compiling, against 0.9–1.2 ms of their own work, and 0.9–1.1 ms in all with C1 alone. The services
 * that answer the requests keep both compilers ({@link Jit#TIERED}).
 *
 * <p>Options in {@value #ENVIRONMENT} (environment) or {@code -D}{@value #PROPERTY} come after the defaults and the
 * JIT's, so they win where they name the same flag (e.g. {@code -Xmx512m}; {@code -XX:-UseSerialGC -XX:+UseG1GC} for
 * G1, since the JVM refuses two collectors; {@code -XX:TieredStopAtLevel=4} for both compilers in every service;
 * {@code -XX:AOTMode=off} to run without the AOT cache, {@code -Xshare:off} without an AppCDS archive).
 *
 * <p>Where the JDK has it as a product switch (21.0.4+, 22.0.1+, 23+), the JVM also gives the C heap's freed memory
 * back every {@value #TRIM_INTERVAL_MS} ms ({@value #TRIM_OPTION}): glibc keeps what the start's compilations and class
 * loading freed, some 25 MiB of an idle service's resident memory.
 */
public final class ServiceJvm {

    public static final String ENVIRONMENT = "INSPECTORATE_SERVICE_JAVA_OPTS";
    public static final String PROPERTY = "inspectorate.service.java-opts";

    /** Flags every service gets before its JIT's, the archive and the extra options. */
    public static final List<String> DEFAULTS = List.of("-Xms32m", "-Xmx256m", "-XX:+UseSerialGC");

    /** The JIT compilers a service's JVM runs, by what it does. */
    public enum Jit {
        /** C1 then C2, HotSpot's default: for the services that answer requests, where the fastest code pays. */
        TIERED(List.of()),
        /** C1 alone: for a service that consumes events, a little work each, where C2's compiling costs more. */
        C1(List.of("-XX:TieredStopAtLevel=1"));

        private final List<String> options;

        Jit(List<String> options) {
            this.options = options;
        }

        /** The JVM options that choose it. */
        public List<String> options() {
            return options;
        }
    }

    static final int TRIM_INTERVAL_MS = 5000;
    static final String TRIM_OPTION = "-XX:TrimNativeHeapInterval=" + TRIM_INTERVAL_MS;

    static final String AOT_CACHE = "app.aot";
    static final String APPCDS_ARCHIVE = "app-cds.jsa";
    static final String TRAINED_CACHE = "app-trained.aot";
    static final String NO_RELOCATION = "-XX:ArchiveRelocationMode=0";

    /**
     * Training is asked for ({@code -D}{@value #TRAINING_PROPERTY}{@code =true}) by {@code ./platform} and the
     * benchmarks, where start-up matters; tests leave it off, since a training JVM's stop writes its cache for a minute
     * or more.
     */
    public static final String TRAINING_PROPERTY = "inspectorate.service.aot-training";

    /** Applications whose training launch this launcher has started: a second instance must not write the same file. */
    private static final Set<Path> TRAINING = ConcurrentHashMap.newKeySet();

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

    /**
     * {@code java <defaults> <jit> <archive> <extra> -jar <app>/quarkus-run.jar} for the running JDK: extra options come
     * last, so they win where they repeat a flag.
     */
    public static List<String> command(String javaBinary, Path quarkusApp, Jit jit, String extraOptions) {
        return command(javaBinary, Runtime.version(), quarkusApp, jit, extraOptions);
    }

    static List<String> command(String javaBinary, Runtime.Version jdk, Path quarkusApp, String extraOptions) {
        return command(javaBinary, jdk, quarkusApp, Jit.TIERED, extraOptions);
    }

    static List<String> command(String javaBinary, Runtime.Version jdk, Path quarkusApp, Jit jit,
            String extraOptions) {
        List<String> command = new ArrayList<>();
        command.add(javaBinary);
        command.addAll(DEFAULTS);
        if (trimsNativeHeap(jdk)) {
            command.add(TRIM_OPTION);
        }
        command.addAll(jit.options());
        List<String> extra = split(extraOptions);
        archiveOption(jdk.feature(), quarkusApp, extra).ifPresent(archive -> {
            command.add("-XX:+UnlockDiagnosticVMOptions");
            command.add(NO_RELOCATION);
            command.add(archive);
        });
        command.addAll(extra);
        command.add("-jar");
        command.add(quarkusApp.resolve("quarkus-run.jar").toAbsolutePath().normalize().toString());
        return command;
    }

    /** Whether {@value #TRIM_OPTION} is a product switch of this JDK (before, it is experimental or unknown: fatal). */
    static boolean trimsNativeHeap(Runtime.Version jdk) {
        return jdk.feature() >= 23 || (jdk.feature() == 22 && jdk.update() >= 1)
                || (jdk.feature() == 21 && jdk.update() >= 4);
    }

    /**
     * Where the JDK reads AOT caches (25+): the trained cache if it is this build's, else a training launch (the first
     * of this application in this launcher), else the build's AOT cache; on older JDKs the AppCDS archive, if the build
     * wrote it.
     */
    static Optional<String> archiveOption(int javaFeature, Path quarkusApp, List<String> extraOptions) {
        Path aot = quarkusApp.resolve(AOT_CACHE).toAbsolutePath().normalize();
        if (javaFeature >= 25 && Files.isRegularFile(aot)) {
            Path trained = quarkusApp.resolve(TRAINED_CACHE).toAbsolutePath().normalize();
            boolean archiveChosen = extraOptions.stream()
                    .anyMatch(o -> o.startsWith("-XX:AOT") || o.startsWith("-Xshare"));
            if (!archiveChosen && isCurrent(trained, aot, quarkusApp.resolve("quarkus-run.jar"))) {
                return Optional.of("-XX:AOTCache=" + trained);
            }
            if (!archiveChosen && Boolean.getBoolean(TRAINING_PROPERTY) && TRAINING.add(trained)) {
                return Optional.of("-XX:AOTCacheOutput=" + trained);
            }
            return Optional.of("-XX:AOTCache=" + aot);
        }
        Path cds = quarkusApp.resolve(APPCDS_ARCHIVE).toAbsolutePath().normalize();
        if (Files.isRegularFile(cds)) {
            return Optional.of("-XX:SharedArchiveFile=" + cds);
        }
        return Optional.empty();
    }

    /** Whether the trained cache exists and was written after the build's files it was trained on. */
    static boolean isCurrent(Path trained, Path... builtFiles) {
        try {
            if (!Files.isRegularFile(trained) || Files.size(trained) == 0) {
                return false;
            }
            FileTime written = Files.getLastModifiedTime(trained);
            for (Path built : builtFiles) {
                if (Files.exists(built) && Files.getLastModifiedTime(built).compareTo(written) > 0) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether the process is a training launch, which writes its AOT cache when it exits. */
    static boolean isTraining(ProcessHandle.Info process) {
        return process.arguments().map(arguments -> isTraining(Arrays.asList(arguments))).orElse(false);
    }

    /** Whether the command ({@link #command}) is a training launch, which writes its AOT cache when it exits. */
    public static boolean isTraining(List<String> command) {
        return command.stream().anyMatch(argument -> argument.startsWith("-XX:AOTCacheOutput="));
    }

    /** Forgets the training launches started so far (tests). */
    static void forgetTraining() {
        TRAINING.clear();
    }

    static List<String> split(String options) {
        if (options == null || options.isBlank()) {
            return List.of();
        }
        return Arrays.stream(options.trim().split("\\s+")).toList();
    }
}
