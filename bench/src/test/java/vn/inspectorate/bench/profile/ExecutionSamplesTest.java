package vn.inspectorate.bench.profile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExecutionSamplesTest {

    private static final String PRINTED = """
            jdk.ExecutionSample {
              startTime = 10:00:00.001 (2026-01-01)
              sampledThread = "executor-thread-1" (javaThreadId = 40)
              state = "STATE_RUNNABLE"
              stackTrace = [
                java.lang.String.hashCode() line: 2360
                java.util.HashMap.hash(Object) line: 338
                vn.inspectorate.complaints.cases.CaseIntakeService.submit(CaseSubmission, String, String) line: 90
                vn.inspectorate.complaints.cases.CaseIntakeResource.post(CaseSubmission) line: 40
                ...
              ]
            }

            jdk.ExecutionSample {
              startTime = 10:00:00.011 (2026-01-01)
              stackTrace = [
                java.lang.String.hashCode() line: 2361
                vn.inspectorate.complaints.cases.CaseIntakeService.submit(CaseSubmission, String, String) line: 95
              ]
            }

            jdk.ExecutionSample {
              startTime = 10:00:00.021 (2026-01-01)
              stackTrace = [
                org.postgresql.core.v3.QueryExecutorImpl.execute(Query, ParameterList, ResultHandler, int, int, int) line: 1
                vn.inspectorate.complaints.cases.CaseIntakeService.submit(CaseSubmission, String, String) line: 83
                vn.inspectorate.complaints.cases.CaseIntakeService.submit(CaseSubmission, String, String) line: 83
              ]
            }
            """;

    @Test
    void countsTopFramesAndFramesAnywhereOncePerSampleIgnoringLineNumbers() {
        ExecutionSamples samples = ExecutionSamples.parse(PRINTED);

        assertThat(samples.samples()).isEqualTo(3);
        assertThat(samples.topSelf(1)).singleElement().satisfies(s -> {
            assertThat(s.frame()).isEqualTo("java.lang.String.hashCode");
            assertThat(s.samples()).isEqualTo(2);
        });
        assertThat(samples.topTotal(1)).singleElement().satisfies(s -> {
            assertThat(s.frame()).isEqualTo("vn.inspectorate.complaints.cases.CaseIntakeService.submit");
            assertThat(s.samples()).isEqualTo(3);
            assertThat(s.percent()).isEqualTo(100.0);
        });
        assertThat(samples.summary(5, 2.0)).contains("3 CPU samples in 2 s of recording (1.5 per second)").contains(" 66.7 %  java.lang.String.hashCode")
                .contains("100.0 %  vn.inspectorate.complaints.cases.CaseIntakeService.submit")
                .doesNotContain("...");
    }

    @Test
    void noSamplesIsAnEmptySummaryNotAnError() {
        ExecutionSamples samples = ExecutionSamples.parse("");

        assertThat(samples.samples()).isZero();
        assertThat(samples.topSelf(5)).isEmpty();
    }
}
