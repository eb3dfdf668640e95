package vn.inspectorate.bench.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CollapsedStacksTest {

    /** 100 samples: 40 in RSA under jose4j, 30 in Jackson under the platform's code, 20 in the driver, 10 in C2. */
    private static final String CPU = """
            java/lang/Thread.run;io/vertx/core/impl/ContextImpl.run;io/quarkus/oidc/runtime/OidcProvider.verifyJwtToken;org/jose4j/jws/JsonWebSignature.verifySignature_[j];java/math/BigInteger.montgomerySquare_[j] 30
            java/lang/Thread.run;io/vertx/core/impl/ContextImpl.run;io/quarkus/oidc/runtime/OidcProvider.verifyJwtToken;org/jose4j/json/internal/json_simple/parser/JSONParser.parse_[j] 10
            java/lang/Thread.run;vn/inspectorate/complaints/cases/CaseIntakeResource.post;com/fasterxml/jackson/databind/ObjectMapper.readValue;java/lang/String.hashCode_[j] 30
            java/lang/Thread.run;vn/inspectorate/complaints/cases/CaseIntakeService.submit;org/postgresql/core/v3/QueryExecutorImpl.execute_[j] 20
            thread_native_entry;Thread::call_run;CompileBroker::compiler_thread_loop;Compile::Compile;PhaseIdealLoop::build_loop_tree(bool) const 10
            not a stack line
            """;

    @Test
    void theWeightIsAfterTheLastSpaceAndFrameTypeSuffixesAreDropped() {
        CollapsedStacks stacks = CollapsedStacks.parse(CPU);
        assertThat(stacks.total()).isEqualTo(100);
        assertThat(stacks.topSelf(3)).extracting(Map.Entry::getKey).containsExactly(
                "java/math/BigInteger.montgomerySquare", "java/lang/String.hashCode",
                "org/postgresql/core/v3/QueryExecutorImpl.execute");
        assertThat(stacks.topSelf(10)).extracting(Map.Entry::getKey)
                .contains("PhaseIdealLoop::build_loop_tree(bool) const");
    }

    @Test
    void inclusiveCountsEverySampleALayerIsOnTheStackOf() {
        CollapsedStacks stacks = CollapsedStacks.parse(CPU);
        assertThat(stacks.inclusive(layer("token verification"))).isEqualTo(40);
        assertThat(stacks.inclusive(layer("crypto"))).isEqualTo(30);
        assertThat(stacks.inclusive(layer("Vert.x"))).isEqualTo(40);
        assertThat(stacks.inclusive(layer("platform code"))).isEqualTo(50);
        assertThat(stacks.inclusive(layer("JIT compiler"))).isEqualTo(10);
        assertThat(stacks.inclusive(layer("Hibernate"))).isZero();
    }

    @Test
    void innermostGivesEachSampleToTheLayerNearestItsLeafOnce() {
        Map<CollapsedStacks.Layer, Long> inner = CollapsedStacks.parse(CPU).innermost(CollapsedStacks.LAYERS);
        assertThat(inner.get(layer("crypto"))).isEqualTo(30);
        assertThat(inner.get(layer("token verification"))).isEqualTo(10);
        assertThat(inner.get(layer("JSON"))).isEqualTo(30);
        assertThat(inner.get(layer("JDBC"))).isEqualTo(20);
        assertThat(inner.get(layer("JIT compiler"))).isEqualTo(10);
        assertThat(inner.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(100);
    }

    @Test
    void theSummaryListsTopFramesAndLayerShares() {
        String summary = CollapsedStacks.parse(CPU).summary("cpu of complaints-service", false, 5);
        assertThat(summary).startsWith("cpu of complaints-service\n").contains("top frames by self samples")
                .contains(" 30.0%           30  java/math/BigInteger.montgomerySquare")
                .containsPattern("40\\.0%\\s+10\\.0%\\s+token verification")
                .containsPattern("\\s+0\\.0%\\s+none of these")
                .doesNotContain("Hibernate");
    }

    @Test
    void anAllocationSummaryCountsBytesAndNamesTheAllocatingFrames() {
        String alloc = """
                java/lang/Thread.run;com/fasterxml/jackson/core/util/BufferRecycler.allocByteBuffer;byte[]_[k] 3145728
                java/lang/Thread.run;vn/inspectorate/complaints/cases/CaseIntakeService.submit;java.lang.String_[i] 1048576
                """;
        String summary = CollapsedStacks.parse(alloc).summary("alloc", true, 5);
        assertThat(summary).contains("top allocated types").contains("75.0%      3.0 MiB  byte[]")
                .contains("top allocating frames")
                .contains("75.0%      3.0 MiB  com/fasterxml/jackson/core/util/BufferRecycler.allocByteBuffer");
    }

    @Test
    void anEmptyProfileSaysSo() {
        assertThat(CollapsedStacks.parse("").summary("cpu", false, 5)).isEqualTo("cpu\nno samples\n");
    }

    private static CollapsedStacks.Layer layer(String prefix) {
        return CollapsedStacks.LAYERS.stream().filter(l -> l.name().startsWith(prefix)).findFirst().orElseThrow();
    }
}
