package vn.inspectorate.reporting.figures;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * A run of days split into the fewest rows to read: whole calendar years from {@code yearly_figure}, whole months from
 * {@code monthly_figure}, and only the ragged days at the edges from {@code daily_figure}. The pieces do not overlap
 * and together are exactly the days of the run, so their sum equals the sum over the days.
 */
public record PeriodCover(List<Piece> pieces) {

    /** The table a piece reads, and how a day maps to that table's period column. */
    public enum Grain {
        YEAR("yearly_figure", "year"), MONTH("monthly_figure", "month"), DAY("daily_figure", "day");

        final String table;
        final String column;

        Grain(String table, String column) {
            this.table = table;
            this.column = column;
        }

        /** The value of the period column for the period beginning on {@code first}. */
        Object key(LocalDate first) {
            return this == YEAR ? (Object) first.getYear() : first;
        }
    }

    /** The rows of one grain whose period lies in [{@code first}, {@code last}] (first days of months or years). */
    public record Piece(Grain grain, LocalDate first, LocalDate last) {
    }

    /** Covers [{@code start}, {@code end}] (inclusive); an empty cover when {@code end} is before {@code start}. */
    public static PeriodCover of(LocalDate start, LocalDate end) {
        List<Piece> pieces = new ArrayList<>();
        LocalDate day = start;
        while (!day.isAfter(end)) {
            LocalDate next;
            if (day.getDayOfYear() == 1 && !day.plusYears(1).minusDays(1).isAfter(end)) {
                LocalDate lastYear = LocalDate.of(end.plusDays(1).getYear() - 1, 1, 1);
                add(pieces, Grain.YEAR, day, lastYear);
                next = lastYear.plusYears(1);
            } else if (day.getDayOfMonth() == 1 && !YearMonth.from(day).atEndOfMonth().isAfter(end)) {
                // whole months up to the end, or up to the next whole year, which the yearly rows answer
                YearMonth lastWhole = YearMonth.from(end.plusDays(1)).minusMonths(1);
                YearMonth yearEnd = YearMonth.of(day.getYear(), 12);
                YearMonth last = lastWhole.isBefore(yearEnd) ? lastWhole : yearEnd;
                add(pieces, Grain.MONTH, day, last.atDay(1));
                next = last.plusMonths(1).atDay(1);
            } else {
                LocalDate monthEnd = YearMonth.from(day).atEndOfMonth();
                LocalDate last = monthEnd.isBefore(end) ? monthEnd : end;
                add(pieces, Grain.DAY, day, last);
                next = last.plusDays(1);
            }
            day = next;
        }
        return new PeriodCover(List.copyOf(pieces));
    }

    /** Adds a piece, joining it to the previous one when both are days that follow on. */
    private static void add(List<Piece> pieces, Grain grain, LocalDate first, LocalDate last) {
        if (!pieces.isEmpty()) {
            Piece previous = pieces.get(pieces.size() - 1);
            if (grain == Grain.DAY && previous.grain() == Grain.DAY && previous.last().plusDays(1).equals(first)) {
                pieces.set(pieces.size() - 1, new Piece(Grain.DAY, previous.first(), last));
                return;
            }
        }
        pieces.add(new Piece(grain, first, last));
    }
}
