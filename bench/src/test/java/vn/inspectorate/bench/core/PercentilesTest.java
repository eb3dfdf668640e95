package vn.inspectorate.bench.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void nearestRankOnUnsortedSamples() {
        long[] samples = LongStream.rangeClosed(1, 1000).map(i -> 1001 - i).toArray(); // 1000 down to 1
        Percentiles p = new Percentiles(samples);

        assertThat(p.at(50)).isEqualTo(500);
        assertThat(p.at(99)).isEqualTo(990);
        assertThat(p.at(99.9)).isEqualTo(999);
        assertThat(p.max()).isEqualTo(1000);
        assertThat(p.at(0.01)).isEqualTo(1);
        assertThat(p.mean()).isEqualTo(500.5);
        assertThat(samples[0]).as("the caller's array is left alone").isEqualTo(1000);
    }

    @Test
    void aFewSamplesRoundTheRankUp() {
        Percentiles p = new Percentiles(new long[] {30, 10, 20});

        assertThat(p.at(50)).isEqualTo(20);
        assertThat(p.at(34)).isEqualTo(20);
        assertThat(p.at(33)).isEqualTo(10);
        assertThat(p.at(99)).isEqualTo(30);
    }

    @Test
    void refusesNoSamplesAndPercentilesOutOfRange() {
        assertThatThrownBy(() -> new Percentiles(new long[0]).at(50)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new Percentiles(new long[] {1}).at(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Percentiles(new long[] {1}).at(101)).isInstanceOf(IllegalArgumentException.class);
    }
}
