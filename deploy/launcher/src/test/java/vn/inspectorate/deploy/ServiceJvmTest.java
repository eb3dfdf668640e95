package vn.inspectorate.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceJvmTest {

    private static final Runtime.Version JDK_25 = Runtime.Version.parse("25.0.1");
    private static final Runtime.Version JDK_21 = Runtime.Version.parse("21.0.9");

    @TempDir
    Path app;

    @BeforeEach
    void noTrainingStartedYetAndTrainingAskedFor() {
        ServiceJvm.forgetTraining();
        System.setProperty(ServiceJvm.TRAINING_PROPERTY, "true");
    }

    @AfterEach
    void trainingNoLongerAskedFor() {
        System.clearProperty(ServiceJvm.TRAINING_PROPERTY);
    }

    @Test
    void withoutBeingAskedForNoLaunchTrains() throws IOException {
        Files.createFile(app.resolve("quarkus-run.jar"));
        Files.createFile(app.resolve("app.aot"));
        System.clearProperty(ServiceJvm.TRAINING_PROPERTY);

        assertThat(ServiceJvm.command("java", JDK_25, app, "")).contains("-XX:AOTCache=" + app.resolve("app.aot"))
                .noneMatch(o -> o.startsWith("-XX:AOTCacheOutput"));
    }

    @Test
    void withoutAnArchiveTheServiceGetsTheDefaultsAndItsJar() throws IOException {
        Files.createFile(app.resolve("quarkus-run.jar"));

        List<String> command = ServiceJvm.command("java", JDK_25, app, "");

        assertThat(command).containsExactly("java", "-Xms32m", "-Xmx256m", "-XX:+UseSerialGC",
                "-XX:TrimNativeHeapInterval=5000", "-jar", app.resolve("quarkus-run.jar").toString());
    }

    @Test
    void theNativeHeapIsTrimmedOnlyWhereTheJdkHasTheProductSwitch() throws IOException {
        Files.createFile(app.resolve("quarkus-run.jar"));

        for (String version : List.of("21.0.4", "21.0.9+10", "22.0.1", "23", "25.0.1")) {
            assertThat(ServiceJvm.command("java", Runtime.Version.parse(version), app, "")).as(version)
                    .contains("-XX:TrimNativeHeapInterval=5000");
        }
        // unknown to 21.0.0, experimental until 21.0.4 and 22.0.1: either way the JVM would refuse to start
        for (String version : List.of("21", "21.0.3", "22")) {
            assertThat(ServiceJvm.command("java", Runtime.Version.parse(version), app, "")).as(version)
                    .noneMatch(o -> o.startsWith("-XX:TrimNativeHeapInterval"));
        }
    }

    @Test
    void theFirstLaunchOfABuildTrainsItsCacheAndASecondInstanceTakesTheBuildsCache() throws IOException {
        Files.createFile(app.resolve("quarkus-run.jar"));
        Files.createFile(app.resolve("app.aot"));
        Files.createFile(app.resolve("app-cds.jsa"));

        assertThat(ServiceJvm.command("java", JDK_25, app, ""))
                .contains("-XX:AOTCacheOutput=" + app.resolve("app-trained.aot"))
                .noneMatch(o -> o.startsWith("-XX:AOTCache=") || o.startsWith("-XX:SharedArchiveFile"));
        assertThat(ServiceJvm.command("java", JDK_25, app, "")).contains("-XX:AOTCache=" + app.resolve("app.aot"))
                .noneMatch(o -> o.startsWith("-XX:AOTCacheOutput"));
    }

    @Test
    void theArchiveIsMappedWhereItWasWrittenRatherThanRelocated() throws IOException {
        Files.createFile(app.resolve("quarkus-run.jar"));
        Files.createFile(app.resolve("app.aot"));

        List<String> command = ServiceJvm.command("java", JDK_25, app, "");

        assertThat(command).contains("-XX:+UnlockDiagnosticVMOptions", "-XX:ArchiveRelocationMode=0");
        assertThat(command.indexOf("-XX:+UnlockDiagnosticVMOptions"))
                .isLessThan(command.indexOf("-XX:ArchiveRelocationMode=0"));
    }

    @Test
    void aTrainedCacheOfThisBuildIsUsedAndOneOlderThanTheBuildIsTrainedAgain() throws IOException {
        Path jar = Files.createFile(app.resolve("quarkus-run.jar"));
        Path built = Files.createFile(app.resolve("app.aot"));
        Path trained = Files.writeString(app.resolve("app-trained.aot"), "cache");
        Instant build = Instant.parse("2026-12-01T10:00:00Z");
        Files.setLastModifiedTime(jar, FileTime.from(build));
        Files.setLastModifiedTime(built, FileTime.from(build));
        Files.setLastModifiedTime(trained, FileTime.from(build.plusSeconds(60)));

        assertThat(ServiceJvm.command("java", JDK_25, app, "")).contains("-XX:AOTCache=" + trained);

        Files.setLastModifiedTime(jar, FileTime.from(build.plusSeconds(120)));
        assertThat(ServiceJvm.command("java", JDK_25, app, "")).contains("-XX:AOTCacheOutput=" + trained);
    }

    @Test
    void aTrainingLaunchIsKnownByItsCommandSoItsStopCanWaitForTheCache() {
        assertThat(ServiceJvm.isTraining(launched("-Xmx256m", "-XX:AOTCacheOutput=/app/app-trained.aot", "-jar", "x.jar")))
                .isTrue();
        assertThat(ServiceJvm.isTraining(launched("-Xmx256m", "-XX:AOTCache=/app/app-trained.aot", "-jar", "x.jar")))
                .isFalse();
    }

    @Test
    void aTrainingLaunchIsKnownByTheCommandItIsGiven() throws IOException {
        Files.createFile(app.resolve("quarkus-run.jar"));
        Files.createFile(app.resolve("app.aot"));

        assertThat(ServiceJvm.isTraining(ServiceJvm.command("java", JDK_25, app, ""))).isTrue();
        assertThat(ServiceJvm.isTraining(ServiceJvm.command("java", JDK_25, app, ""))).isFalse();
    }

    private static ProcessHandle.Info launched(String... arguments) {
        return new ProcessHandle.Info() {
            @Override
            public java.util.Optional<String> command() {
                return java.util.Optional.of("java");
            }

            @Override
            public java.util.Optional<String> commandLine() {
                return java.util.Optional.empty();
            }

            @Override
            public java.util.Optional<String[]> arguments() {
                return java.util.Optional.of(arguments);
            }

            @Override
            public java.util.Optional<Instant> startInstant() {
                return java.util.Optional.empty();
            }

            @Override
            public java.util.Optional<java.time.Duration> totalCpuDuration() {
                return java.util.Optional.empty();
            }

            @Override
            public java.util.Optional<String> user() {
                return java.util.Optional.empty();
            }
        };
    }

    @Test
    void optionsThatChooseAnArchiveTurnTrainingOff() throws IOException {
        Files.createFile(app.resolve("quarkus-run.jar"));
        Files.createFile(app.resolve("app.aot"));

        assertThat(ServiceJvm.command("java", JDK_25, app, "-XX:AOTMode=off"))
                .noneMatch(o -> o.startsWith("-XX:AOTCacheOutput"));
    }

    @Test
    void anOlderJdkFallsBackToTheAppCdsArchiveAndNeverGetsTheAotCache() throws IOException {
        Files.createFile(app.resolve("app.aot"));

        assertThat(ServiceJvm.command("java", JDK_21, app, "")).noneMatch(o -> o.startsWith("-XX:AOTCache"))
                .noneMatch(o -> o.startsWith("-XX:SharedArchiveFile"));

        Files.createFile(app.resolve("app-cds.jsa"));
        assertThat(ServiceJvm.command("java", JDK_21, app, ""))
                .contains("-XX:SharedArchiveFile=" + app.resolve("app-cds.jsa"));
    }

    @Test
    void extraOptionsComeAfterTheDefaultsSoTheyWinAndBeforeTheJar() throws IOException {
        Files.createFile(app.resolve("app.aot"));

        List<String> command = ServiceJvm.command("java", JDK_25, app, "  -Xmx512m   -XX:AOTMode=off ");

        assertThat(command.subList(command.size() - 4, command.size())).containsExactly("-Xmx512m",
                "-XX:AOTMode=off", "-jar", app.resolve("quarkus-run.jar").toString());
        assertThat(command.indexOf("-Xmx512m")).isGreaterThan(command.indexOf("-Xmx256m"));
    }

    @Test
    void aServiceWithC1AloneGetsItsSwitchAfterTheDefaultsAndBeforeTheExtraOptionsWhichMayUndoIt() throws IOException {
        Files.createFile(app.resolve("quarkus-run.jar"));
        Files.createFile(app.resolve("app.aot"));
        System.clearProperty(ServiceJvm.TRAINING_PROPERTY);

        List<String> c1 = ServiceJvm.command("java", JDK_25, app, ServiceJvm.Jit.C1, "-XX:TieredStopAtLevel=4");
        List<String> tiered = ServiceJvm.command("java", JDK_25, app, ServiceJvm.Jit.TIERED, "");

        assertThat(c1.indexOf("-XX:TieredStopAtLevel=1")).isGreaterThan(c1.indexOf("-XX:+UseSerialGC"))
                .isLessThan(c1.indexOf("-XX:AOTCache=" + app.resolve("app.aot")))
                .isLessThan(c1.indexOf("-XX:TieredStopAtLevel=4"));
        assertThat(tiered).noneMatch(o -> o.startsWith("-XX:TieredStopAtLevel"));
    }

    @Test
    void theImageRunsServicesWithTheSameCollectorAndAnArchiveItsOwnJvmWrote() throws IOException {
        String dockerfile = Files.readString(Path.of("../docker/Dockerfile.jvm"));

        assertThat(ServiceJvm.DEFAULTS).contains("-XX:+UseSerialGC");
        assertThat(dockerfile).contains("-XX:+UseSerialGC", ServiceJvm.TRIM_OPTION,
                "RUN java -XX:ArchiveClassesAtExit=/deployments/app-cds.jsa -Dquarkus.appcds.generate=true",
                "exec java -XX:SharedArchiveFile=/deployments/app-cds.jsa $JAVA_JIT_OPTS $JAVA_OPTS_APPEND -jar");
        // Written as root before the image switches to its user, so the archive exists before the entry point uses it.
        assertThat(dockerfile.indexOf("ArchiveClassesAtExit")).isLessThan(dockerfile.indexOf("USER 185"));
    }

    @Test
    void theSystemPropertyOverridesTheEnvironment() {
        String before = System.getProperty(ServiceJvm.PROPERTY);
        try {
            System.setProperty(ServiceJvm.PROPERTY, "-XX:+UseG1GC");
            assertThat(ServiceJvm.extraOptions()).isEqualTo("-XX:+UseG1GC");
        } finally {
            if (before == null) {
                System.clearProperty(ServiceJvm.PROPERTY);
            } else {
                System.setProperty(ServiceJvm.PROPERTY, before);
            }
        }
    }
}
