package vn.inspectorate.platform.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A service names its calendar table; only plain identifiers get into the statements, every value is bound. */
class CalendarTableTest {

    @Test
    void theStatementsNameTheTableAndItsOccasionColumnAndBindEveryValue() {
        CalendarTable table = new CalendarTable("public_holiday", "name");
        assertThat(table.selectDays()).isEqualTo("select day, kind from public_holiday");
        assertThat(table.deleteYear()).isEqualTo("delete from public_holiday where extract(year from day) = ?");
        assertThat(table.insertDay()).isEqualTo("insert into public_holiday (day, name, kind) values (?, ?, ?)");
    }

    @Test
    void aNameThatIsNotAPlainIdentifierIsRefused() {
        assertThatThrownBy(() -> new CalendarTable("public_holiday; drop table case_file", "name"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CalendarTable("public_holiday", "Name"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CalendarTable("\"public_holiday\"", "name"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
