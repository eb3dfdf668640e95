package vn.inspectorate.bench.footprint;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class YardstickAppTest {

    @Test
    void aLaunchThatRecordsTheTrainedCacheIsTrainingAndOneThatReadsItIsNot() {
        String java = "/jdk/bin/java -Xms32m -Xmx256m -XX:+UseSerialGC -XX:+UnlockDiagnosticVMOptions";
        String jar = " -jar /app/target/quarkus-app/quarkus-run.jar";

        assertThat(new YardstickApp.Start(1, 1, null,
                java + " -XX:AOTCacheOutput=/app/target/quarkus-app/app-trained.aot" + jar).training()).isTrue();
        assertThat(new YardstickApp.Start(1, 1, null,
                java + " -XX:AOTCache=/app/target/quarkus-app/app-trained.aot" + jar).training()).isFalse();
        assertThat(new YardstickApp.Start(1, 1, null,
                java + " -XX:AOTCache=/app/target/quarkus-app/app.aot" + jar).training()).isFalse();
    }
}
