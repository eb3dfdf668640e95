package vn.inspectorate.dashboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Numbers, money, dates and periods written as each language's reader expects, the values unchanged. */
class FormatsTest {

    private final Formats vi = new Formats(Lang.fixed("vi"));
    private final Formats en = new Formats(Lang.fixed("en"));

    @Test
    void vietnameseGroupsThousandsWithDotsAndNamesTheCurrency() {
        assertThat(vi.number(1234567)).isEqualTo("1.234.567");
        assertThat(vi.amount(2500000000L, "VND")).isEqualTo("2.500.000.000 đồng");
        assertThat(vi.amount(1200, "M2")).isEqualTo("1.200 m²");
        assertThat(vi.change(12.5)).isEqualTo("+12,5 %");
        assertThat(vi.change(-3.0)).isEqualTo("−3 %");
        assertThat(vi.change(null)).isEqualTo("–");
        assertThat(vi.date(LocalDate.of(2025, 12, 31))).isEqualTo("31/12/2025");
        assertThat(vi.isoText("2025-07-01")).isEqualTo("01/07/2025");
        assertThat(vi.isoText("2025-07-01T03:00:00Z")).isEqualTo("10:00 01/07/2025");
    }

    @Test
    void englishGroupsWithCommas() {
        assertThat(en.number(1234567)).isEqualTo("1,234,567");
        assertThat(en.amount(2500000000L, "VND")).isEqualTo("VND 2,500,000,000");
        assertThat(en.change(12.5)).isEqualTo("+12.5 %");
        assertThat(en.date(LocalDate.of(2025, 12, 31))).isEqualTo("31 Dec 2025");
    }

    @Test
    void periodsAreNamedInTheReadersLanguageAndOnlyTheApisFormsAreTaken() {
        Texts t = Texts.of(Lang.fixed("vi"));
        assertThat(Periods.label("2026-Q1", t)).isEqualTo("Quý 1 năm 2026");
        assertThat(Periods.label("2026-03", t)).isEqualTo("Tháng 3 năm 2026");
        assertThat(Periods.label("2026-H2", t)).isEqualTo("6 tháng 2 năm 2026");
        assertThat(Periods.label("2025", Texts.of(Lang.fixed("en")))).isEqualTo("Year 2025");
        assertThat(Periods.valid("2026-Q4")).isEqualTo("2026-Q4");
        assertThat(Periods.valid("2026-13")).isEqualTo(Periods.thisYear());
        assertThat(Periods.valid("'; drop")).isEqualTo(Periods.thisYear());
        String quarter = Periods.thisYear() + "-Q1";
        assertThat(Periods.options(quarter, t)).filteredOn(Periods.Option::selected)
                .extracting(Periods.Option::value).containsExactly(quarter);
    }

    @Test
    void aRecordsPlainFieldsBecomeRowsAndItsListsTablesOfTheirOwn() throws Exception {
        Texts t = Texts.of(Lang.fixed("vi"));
        var record = new ObjectMapper().readTree("""
                {"id":"c1","status":"RESOLVED","receivedOn":"2026-02-03","amount":1500000,"year":2026,
                 "scope":{"province":"VN-18"},"steps":[{"at":"2026-02-04","by":"x"}]}""");
        List<Table> tables = JsonTables.record(record, t, vi);
        assertThat(tables).hasSize(2);
        assertThat(tables.get(0).rows()).extracting(Table.Row::key)
                .containsExactly("id", "status", "receivedOn", "amount", "year", "scope.province");
        assertThat(tables.get(0).rows().get(4).cells().get(1).text()).isEqualTo("2026");
        assertThat(tables.get(0).rows().get(3).cells().get(1).text()).isEqualTo("1.500.000");
        assertThat(tables.get(0).rows().get(3).cells().get(1).value()).isEqualTo("1500000");
        assertThat(tables.get(0).rows().get(2).cells().get(1).text()).isEqualTo("03/02/2026");
        assertThat(tables.get(1).rows()).hasSize(1);
    }
}
