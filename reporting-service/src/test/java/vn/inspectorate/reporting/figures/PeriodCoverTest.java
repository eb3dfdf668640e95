package vn.inspectorate.reporting.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import vn.inspectorate.reporting.figures.PeriodCover.Grain;
import vn.inspectorate.reporting.figures.PeriodCover.Piece;

class PeriodCoverTest {

    private static Piece piece(Grain grain, String first, String last) {
        return new Piece(grain, LocalDate.parse(first), LocalDate.parse(last));
    }

    @Test
    void aCalendarYearIsOneYearlyPiece() {
        assertThat(PeriodCover.of(LocalDate.parse("2025-01-01"), LocalDate.parse("2025-12-31")).pieces())
                .containsExactly(piece(Grain.YEAR, "2025-01-01", "2025-01-01"));
    }

    @Test
    void aSectorYearIsWholeMonthsBetweenRaggedDays() {
        assertThat(PeriodCover.of(LocalDate.parse("2024-12-15"), LocalDate.parse("2025-12-14")).pieces())
                .containsExactly(piece(Grain.DAY, "2024-12-15", "2024-12-31"),
                        piece(Grain.MONTH, "2025-01-01", "2025-11-01"),
                        piece(Grain.DAY, "2025-12-01", "2025-12-14"));
    }

    @Test
    void yearsInTheMiddleOfALongRangeComeFromTheYearlyRows() {
        assertThat(PeriodCover.of(LocalDate.parse("2019-10-03"), LocalDate.parse("2023-02-28")).pieces())
                .containsExactly(piece(Grain.DAY, "2019-10-03", "2019-10-31"),
                        piece(Grain.MONTH, "2019-11-01", "2019-12-01"),
                        piece(Grain.YEAR, "2020-01-01", "2022-01-01"),
                        piece(Grain.MONTH, "2023-01-01", "2023-02-01"));
    }

    @Test
    void raggedDaysAcrossAMonthBoundaryAreOneRange() {
        assertThat(PeriodCover.of(LocalDate.parse("2024-01-20"), LocalDate.parse("2024-02-10")).pieces())
                .containsExactly(piece(Grain.DAY, "2024-01-20", "2024-02-10"));
        assertThat(PeriodCover.of(LocalDate.parse("2024-02-29"), LocalDate.parse("2024-02-29")).pieces())
                .containsExactly(piece(Grain.DAY, "2024-02-29", "2024-02-29"));
    }

    @Test
    void everyRangeIsCoveredExactlyOnce() {
        Random random = new Random(7);
        LocalDate origin = LocalDate.parse("2018-11-20");
        for (int i = 0; i < 2000; i++) {
            LocalDate start = origin.plusDays(random.nextInt(1500));
            LocalDate end = start.plusDays(random.nextInt(i % 10 == 0 ? 1200 : 70));
            TreeSet<LocalDate> days = new TreeSet<>();
            for (Piece p : PeriodCover.of(start, end).pieces()) {
                for (LocalDate d = p.first(); !d.isAfter(p.last()); d = step(p.grain(), d)) {
                    LocalDate until = switch (p.grain()) {
                        case YEAR -> d.plusYears(1).minusDays(1);
                        case MONTH -> YearMonth.from(d).atEndOfMonth();
                        case DAY -> d;
                    };
                    if (p.grain() != Grain.DAY) {
                        assertThat(d.getDayOfMonth()).isEqualTo(1);
                    }
                    for (LocalDate x = d; !x.isAfter(until); x = x.plusDays(1)) {
                        assertThat(days.add(x)).as("%s covered twice for %s..%s", x, start, end).isTrue();
                    }
                }
            }
            assertThat(days.first()).isEqualTo(start);
            assertThat(days.last()).isEqualTo(end);
            assertThat(days).hasSize((int) (end.toEpochDay() - start.toEpochDay() + 1));
        }
    }

    private static LocalDate step(Grain grain, LocalDate d) {
        return switch (grain) {
            case YEAR -> d.plusYears(1);
            case MONTH -> d.plusMonths(1);
            case DAY -> d.plusDays(1);
        };
    }
}
