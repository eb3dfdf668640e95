package vn.inspectorate.platform.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TraceParentTest {

    @Test
    void acceptsOnlyWellFormedVersion00Values() {
        assertThat(TraceParent.valid("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")).isTrue();
        assertThat(TraceParent.valid("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00")).isTrue();
        assertThat(TraceParent.valid(null)).isFalse();
        assertThat(TraceParent.valid("00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01")).isFalse();
        assertThat(TraceParent.valid("00-00000000000000000000000000000000-00f067aa0ba902b7-01")).isFalse();
        assertThat(TraceParent.valid("00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01")).isFalse();
        assertThat(TraceParent.valid("ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")).isFalse();
        assertThat(TraceParent.valid("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01\n")).isFalse();
        // each part read where it lies: a foreign character or separator anywhere refuses the value
        assertThat(TraceParent.valid("00-4bf92f3577b34da6a3ce929d0e0e473g-00f067aa0ba902b7-01")).isFalse();
        assertThat(TraceParent.valid("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902bz-01")).isFalse();
        assertThat(TraceParent.valid("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-0g")).isFalse();
        assertThat(TraceParent.valid("00-4bf92f3577b34da6a3ce929d0e0e4736_00f067aa0ba902b7-01")).isFalse();
        assertThat(TraceParent.valid("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7_01")).isFalse();
        assertThat(TraceParent.valid("00_4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")).isFalse();
        assertThat(TraceParent.valid("00-4bf92f3577b34da6a3ce929d0e0e47-00f067aa0ba902b7-01")).isFalse();
        assertThat(TraceParent.valid("")).isFalse();
    }

    @Test
    void aNewTraceIsValidAndNewEachTime() {
        Set<String> traces = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            String t = TraceParent.newTrace();
            assertThat(TraceParent.valid(t)).as(t).isTrue();
            traces.add(TraceParent.traceId(t));
        }
        assertThat(traces).hasSize(100);
        assertThatThrownBy(() -> TraceParent.traceId("nope")).isInstanceOf(IllegalArgumentException.class);
    }
}
