package vn.inspectorate.bench.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.inspectorate.bench.profile.AsyncProfiler.Mode;

class ProfilingTest {

    @Test
    void aJvmIsNamedByItsModuleOrAsKeycloak() {
        assertThat(Profiling.name("/jdk/bin/java -Xms32m -XX:AOTCache=/x/gateway/target/quarkus-app/app.aot -jar "
                + "/x/gateway/target/quarkus-app/quarkus-run.jar", 7)).isEqualTo("gateway");
        assertThat(Profiling.name("/jdk/bin/java -jar /x/complaints-service/target/quarkus-app/quarkus-run.jar", 7))
                .isEqualTo("complaints-service");
        assertThat(Profiling.name("/jdk/bin/java -Dkc.config.built=true -cp lib io.quarkus.Main start", 7))
                .isEqualTo("keycloak");
        assertThat(Profiling.name("/jdk/bin/java -cp x Other", 7)).isEqualTo("java-7");
    }

    @Test
    void flameGraphFilesAreNamedByScenarioProcessAndMode() {
        assertThat(Profiling.file("intake", "complaints-service", Mode.CPU, "html"))
                .isEqualTo("intake-complaints-service-cpu.html");
        assertThat(Profiling.file("intake", Profiling.HARNESS, Mode.ALLOC, "html")).isEqualTo("intake-harness-alloc.html");
    }
}
