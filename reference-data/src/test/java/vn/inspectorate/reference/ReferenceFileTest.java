package vn.inspectorate.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class ReferenceFileTest {

    @Test
    void commentsHeaderAndQuotedFields() {
        ReferenceFile file = ReferenceFile.parse("t.csv", """
                # Source: somewhere, with a comma
                code,name,valid_to

                A,"Hà Nội, \"\"capital\"\"",2025-06-30
                  # an indented comment
                B,Plain,
                """);
        assertThat(file.columns()).containsExactly("code", "name", "valid_to");
        assertThat(file.rows()).hasSize(2);
        assertThat(file.rows().get(0).get("name")).isEqualTo("Hà Nội, \"capital\"");
        assertThat(file.rows().get(0).date("valid_to")).isEqualTo(LocalDate.of(2025, 6, 30));
        assertThat(file.rows().get(1).optionalDate("valid_to")).isEmpty();
        assertThat(file.rows().get(1).line()).isEqualTo(6);
    }

    @Test
    void aRowOfAnotherWidthOrAnOpenQuoteNamesItsLine() {
        assertThatThrownBy(() -> ReferenceFile.parse("t.csv", "a,b\n1,2,3\n"))
                .hasMessageContaining("t.csv line 2");
        assertThatThrownBy(() -> ReferenceFile.parse("t.csv", "a,b\n\"1,2\n"))
                .hasMessageContaining("not closed");
        assertThatThrownBy(() -> ReferenceFile.parse("t.csv", "a,b\n1,\n").rows().get(0).get("b"))
                .hasMessageContaining("no value for b");
    }

    @Test
    void upsertReplacesTheNonKeyColumns() {
        TableLoad load = TableLoad.upsert("x.csv", "administrative_unit", java.util.List.of("code", "valid_from"),
                TableLoad.Column.text("code"), TableLoad.Column.text("name"), TableLoad.Column.date("valid_from"));
        assertThat(ReferenceDataMigration.upsertSql(load)).isEqualTo(
                "insert into administrative_unit (code, name, valid_from) values (cast(? as text), cast(? as text), "
                        + "cast(? as date)) on conflict (code, valid_from) do update set name = excluded.name");
    }
}
