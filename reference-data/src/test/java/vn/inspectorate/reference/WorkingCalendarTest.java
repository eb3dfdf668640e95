package vn.inspectorate.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The public calendar file read as the clocks count it, on real dates. */
class WorkingCalendarTest {

    static WorkingCalendar fromFile() {
        ReferenceFile file = ReferenceFile.read("public-calendar.csv");
        Map<String, List<LocalDate>> byKind = file.rows().stream().collect(Collectors.groupingBy(r -> r.get("kind"),
                Collectors.mapping(r -> r.date("day"), Collectors.toList())));
        return new WorkingCalendar(byKind.get("DAY_OFF"), byKind.get("WORKING_DAY"),
                file.rows().stream().map(r -> r.date("day").getYear()).collect(Collectors.toSet()));
    }

    @Test
    void theFileCoversEveryYearFrom2024To2027WithItsSources() {
        ReferenceFile file = ReferenceFile.read("public-calendar.csv");
        assertThat(file.columns()).containsExactly("day", "kind", "occasion", "decided", "source");
        assertThat(fromFile().years()).containsExactlyInAnyOrder(2024, 2025, 2026, 2027);
        assertThat(file.rows()).allSatisfy(r -> {
            assertThat(r.get("kind")).isIn("DAY_OFF", "WORKING_DAY");
            assertThat(r.get("decided")).isIn("yes", "no");
            assertThat(r.get("source")).isNotBlank();
        });
        assertThat(file.rows().stream().filter(r -> r.date("day").getYear() == 2027))
                .allSatisfy(r -> assertThat(r.get("decided")).isEqualTo("no"));
    }

    @Test
    void tet2026EndsATimeLimitOnTheNextWorkingDay() {
        WorkingCalendar calendar = fromFile();
        // Tết 2026: Monday 16 to Friday 20 February, then the weekend: the next working day is Monday 23 February
        for (int day = 14; day <= 22; day++) {
            assertThat(calendar.endOfTimeLimit(LocalDate.of(2026, 2, day))).isEqualTo("2026-02-23");
        }
        assertThat(calendar.endOfTimeLimit(LocalDate.of(2026, 2, 13))).isEqualTo("2026-02-13");
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 2, 13), 1)).isEqualTo("2026-02-23");
    }

    @Test
    void nationalDay2025AndASaturdayWorked() {
        WorkingCalendar calendar = fromFile();
        // 2 Sep 2025 (Tuesday) and 1 Sep (Monday) are off: a limit ending on Saturday 30 August ends on Wednesday
        assertThat(calendar.endOfTimeLimit(LocalDate.of(2025, 8, 30))).isEqualTo("2025-09-03");
        assertThat(calendar.endOfTimeLimit(LocalDate.of(2025, 9, 2))).isEqualTo("2025-09-03");
        // Saturday 26 April 2025 was worked for Friday 2 May: it counts, and 2 May does not
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 4, 26))).isTrue();
        assertThat(calendar.endOfTimeLimit(LocalDate.of(2025, 4, 26))).isEqualTo("2025-04-26");
        assertThat(calendar.addWorkingDays(LocalDate.of(2025, 4, 25), 2)).isEqualTo("2025-04-28");
        assertThat(calendar.endOfTimeLimit(LocalDate.of(2025, 4, 30))).isEqualTo("2025-05-05");
    }

    @Test
    void nextYearIsMissingFromTheFirstOfNovemberOnly() {
        WorkingCalendar calendar = fromFile();
        assertThat(calendar.missingNextYear(LocalDate.of(2027, 10, 31))).isEmpty();
        assertThat(calendar.missingNextYear(LocalDate.of(2027, 11, 1))).contains(2028);
        assertThat(calendar.missingNextYear(LocalDate.of(2026, 12, 31))).isEmpty();
    }
}
