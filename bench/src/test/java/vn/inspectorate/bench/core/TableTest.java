package vn.inspectorate.bench.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TableTest {

    @Test
    void padsColumnsAndFormatsNumbersBySize() {
        String text = new Table("path", "req/s", "p99 (ms)").row("gateway", 1234.5, 48.25).row("pg", 0.5, Double.NaN)
                .render();

        assertThat(text.lines()).containsExactly(
                "| path    | req/s | p99 (ms) |",
                "|---------|-------|----------|",
                "| gateway | 1,235 | 48.3     |",
                "| pg      | 0.50  | n/a      |");
    }

    @Test
    void refusesARowOfTheWrongWidth() {
        assertThatThrownBy(() -> new Table("a", "b").row("only one")).isInstanceOf(IllegalArgumentException.class);
    }
}
