package vn.inspectorate.bench.footprint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StartupStepsTest {

    private static final List<String> LOG = List.of(
            "2026-12-06 10:05:33,467 Build step LoggingResourceProcessor.setupLoggingStaticInit completed in: 1ms",
            "2026-12-06 10:05:34,001 Build step HibernateValidatorProcessor.init completed in: 300ms",
            "2026-12-06 10:05:34,301 Build step SmallRyeOpenApiProcessor.prepareDocuments completed in: 200ms",
            "10:05:35.575 INFO  [io.quarkus] (main) complaints-service 0.1.0 on JVM started in 2.378s.",
            // a start that failed before Quarkus logged its end: it ends where its first step comes again
            "2026-12-06 10:06:33,467 Build step HibernateValidatorProcessor.init completed in: 900ms",
            "2026-12-06 10:07:34,001 Build step HibernateValidatorProcessor.init completed in: 340ms",
            "2026-12-06 10:07:34,301 Build step SmallRyeOpenApiProcessor.prepareDocuments completed in: 100ms",
            "10:07:35.575 INFO  [io.quarkus] (main) complaints-service 0.1.0 on JVM started in 2.1s.",
            "2026-12-06 10:08:34,001 Build step HibernateValidatorProcessor.init completed in: 320ms",
            "2026-12-06 10:08:34,301 Build step SmallRyeOpenApiProcessor.prepareDocuments completed in: 150ms",
            "2026-12-06 10:08:34,302 Build step ArcProcessor.initializeContainer completed in: 30ms",
            "10:08:35.575 INFO  [io.quarkus] (main) complaints-service 0.1.0 on JVM started in 2.2s.");

    @Test
    void eachStartEndsWhereQuarkusSaysItStartedOrWhereAStepComesAgain() {
        List<Map<String, Long>> starts = StartupSteps.parse(LOG);

        assertThat(starts).hasSize(4);
        assertThat(starts.get(0)).containsEntry("HibernateValidatorProcessor.init", 300L).hasSize(3);
        assertThat(starts.get(1)).containsExactly(Map.entry("HibernateValidatorProcessor.init", 900L));
        assertThat(starts.get(3)).containsEntry("ArcProcessor.initializeContainer", 30L).hasSize(3);
    }

    @Test
    void theStartsAfterTheEarlierOnesGiveEachStepsMedianTheLongestFirstAndZeroWhereAStartDidNotRunIt() {
        Map<String, Double> medians = StartupSteps.after(LOG, 1);

        assertThat(medians.keySet()).containsExactly("HibernateValidatorProcessor.init",
                "SmallRyeOpenApiProcessor.prepareDocuments", "ArcProcessor.initializeContainer");
        assertThat(medians).containsEntry("HibernateValidatorProcessor.init", 340.0)
                .containsEntry("SmallRyeOpenApiProcessor.prepareDocuments", 100.0)
                .containsEntry("ArcProcessor.initializeContainer", 0.0);
        assertThat(StartupSteps.total(medians)).isEqualTo(440.0);
        assertThat(StartupSteps.summary(medians, 2)).isEqualTo("HibernateValidator.init 340, SmallRyeOpenApi"
                + ".prepareDocuments 100");
        assertThat(StartupSteps.after(LOG, 3)).containsEntry("HibernateValidatorProcessor.init", 320.0);
        assertThat(StartupSteps.after(LOG, 4)).isEmpty();
    }
}
