package vn.inspectorate.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NaturalKeyWriteTest {

    private static final NaturalKeyWrite CASES = NaturalKeyWrite.parse("cases", "POST /api/v1/cases");
    private static final NaturalKeyWrite ONE_STEP = NaturalKeyWrite.parse("cases", "post /api/v1/cases/*/steps");

    @Test
    void aWriteMatchesItsMethodAndEverySegment() {
        assertThat(CASES.matches("POST", "/api/v1/cases")).isTrue();
        assertThat(CASES.matches("POST", "/api/v1/cases/")).isTrue();
        assertThat(CASES.matches("PUT", "/api/v1/cases")).isFalse();
        assertThat(CASES.matches("POST", "/api/v1/cases/batch")).isFalse();
        assertThat(CASES.matches("POST", "/api/v1/case")).isFalse();
        assertThat(CASES.matches("POST", "/api/v1/casesx")).isFalse();
        assertThat(CASES.matches("POST", "/api/v1")).isFalse();
        assertThat(CASES.matches("POST", "api/v1/cases")).isFalse();
        assertThat(ONE_STEP.matches("POST", "/api/v1/cases/0b6f/steps")).isTrue();
        assertThat(ONE_STEP.matches("POST", "/api/v1/cases/0b6f/other")).isFalse();
        assertThat(ONE_STEP.matches("POST", "/api/v1/cases/0b6f/x/steps")).isFalse();
    }

    /** The segments as {@code String.split} gives them, which the walk in place must agree with on any path. */
    @Test
    void agreesWithTheSplitSegmentsOfAnyPath() {
        List<String> parts = List.of("", "api", "v1", "cases", "steps", "0b6f", "x");
        List<String> paths = new ArrayList<>();
        paths.add("/");
        paths.add("//");
        for (String a : parts) {
            for (String b : parts) {
                for (String c : parts) {
                    for (String d : parts) {
                        for (String tail : List.of("", "/", "//")) {
                            paths.add("/" + a + "/" + b + "/" + c + "/" + d + tail);
                            paths.add("/" + a + "/" + b + "/" + c + tail);
                        }
                    }
                }
            }
        }
        for (NaturalKeyWrite write : List.of(CASES, ONE_STEP, NaturalKeyWrite.parse("r", "POST /api/*/cases"))) {
            for (String path : paths) {
                assertThat(write.matches("POST", path)).as(write + " " + path).isEqualTo(bySplit(write, path));
            }
        }
    }

    private static boolean bySplit(NaturalKeyWrite write, String path) {
        String[] actual = path.substring(1).split("/");
        if (actual.length != write.segments().size()) {
            return false;
        }
        for (int i = 0; i < actual.length; i++) {
            if (!write.segments().get(i).equals("*") && !write.segments().get(i).equals(actual[i])) {
                return false;
            }
        }
        return true;
    }
}
