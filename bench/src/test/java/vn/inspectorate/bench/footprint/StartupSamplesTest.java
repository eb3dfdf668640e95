package vn.inspectorate.bench.footprint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StartupSamplesTest {

    private static String sample(String thread, String... frames) {
        StringBuilder s = new StringBuilder("jdk.ExecutionSample {\n  startTime = 03:38:59.157 (2026-11-24)\n"
                + "  sampledThread = \"" + thread + "\" (javaThreadId = 3)\n  state = \"STATE_RUNNABLE\"\n"
                + "  stackTrace = [\n");
        for (String f : frames) {
            s.append("    ").append(f).append('\n');
        }
        return s.append("  ]\n}\n\n").toString();
    }

    @Test
    void countsTheMainThreadsSamplesByTheOutermostRecordedStepAndClassLoading() {
        String printed = sample("main", "java.lang.String.indexOf(String, int) line: 2699",
                "jdk.internal.loader.URLClassPath.getResource(String) line: 332",
                "java.lang.ClassLoader.loadClass(String) line: 490",
                "io.quarkus.runner.recorded.HibernateValidatorProcessor$init1243361268.deploy_0(StartupContext, "
                        + "Object[]) line: 40",
                "io.quarkus.runner.recorded.HibernateValidatorProcessor$init1243361268.deploy(StartupContext) line: 1",
                "io.quarkus.runner.ApplicationImpl.doStart(String[]) line: 90")
                + sample("main", "org.flywaydb.core.Flyway.migrate() line: 1",
                        "io.quarkus.runner.recorded.FlywayProcessor$startActions1575138505.deploy(StartupContext) line: 1")
                + sample("main", "io.quarkus.bootstrap.runner.AotQuarkusEntryPoint.main(String[]) line: 1")
                + sample("smallrye-kafka-consumer-thread-0", "org.apache.kafka.clients.Poll.poll() line: 1")
                + sample("smallrye-kafka-consumer-thread-1", "org.apache.kafka.clients.Poll.poll() line: 1");

        StartupSamples samples = StartupSamples.parse(printed);

        assertThat(samples.samples()).isEqualTo(5);
        assertThat(samples.mainSteps()).containsEntry("HibernateValidatorProcessor.init", 1)
                .containsEntry("FlywayProcessor.startActions", 1).containsEntry(StartupSamples.BOOTSTRAP, 1);
        assertThat(samples.summary(5)).contains("5 CPU samples of Java threads, 3 on the main thread",
                "33 % of the main thread's pass through class loading", "40.0 %  smallrye-kafka-consumer-thread");
    }

    @Test
    void stepIsTheOutermostRecordedFrame() {
        assertThat(StartupSamples.step(List.of(
                "io.quarkus.runner.recorded.Inner$build1.deploy(StartupContext) line: 1",
                "io.quarkus.runner.recorded.ArcProcessor$notifyBeanContainerListeners1304312071.deploy(S) line: 1")))
                .isEqualTo("ArcProcessor.notifyBeanContainerListeners");
        assertThat(StartupSamples.threadGroup("C2 CompilerThread1")).isEqualTo("C2 CompilerThread");
    }
}
