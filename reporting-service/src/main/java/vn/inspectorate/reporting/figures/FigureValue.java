package vn.inspectorate.reporting.figures;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.inspectorate.reporting.periods.Period;

/**
 * One figure for a period with the same period of the previous year and the change in percent (two decimals, exact
 * half-up rounding; null when the previous value is 0, the figure is a "now" figure, or the figure is not in force
 * throughout both periods). {@code note} says which days a figure in force for part of the period counts.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(name = "ReportFigureValue")
public record FigureValue(String figure, String label, String unit, long value, @Schema(nullable = true) Long previousValue,
        @Schema(nullable = true) BigDecimal changePercent,
        @Schema(nullable = true, description = "Set when the figure is not in force throughout the period: the days "
                + "it counts, e.g. the administrative/specialized split only until 30 June 2025; for a figure of the "
                + "current state, the moment it was read.") String note,
        @Schema(nullable = true, description = "A figure of the current state (\"now\") in a published report: the "
                + "moment it was read, its publication; null for period figures, and in a report read live, whose "
                + "now figures are of its asOf day.") OffsetDateTime readAt) {

    public FigureValue(String figure, String label, String unit, long value, Long previousValue,
            BigDecimal changePercent, String note) {
        this(figure, label, unit, value, previousValue, changePercent, note, null);
    }

    public static FigureValue of(Figure f, long value, Long previous) {
        return new FigureValue(f.code(), f.label(), f.unit().name(), value, previous, change(value, previous), null);
    }


    public FigureValue relabelled(String newLabel, String newNote, OffsetDateTime read) {
        return new FigureValue(figure, newLabel, unit, value, previousValue, changePercent, newNote, read);
    }

    /** A period figure: its change only when it counts every day of both periods, a note when not of the period. */
    public static FigureValue of(Figure f, long value, long previous, Period period, Period previousPeriod) {
        boolean comparable = f.inForceThroughout(period.start(), period.end())
                && f.inForceThroughout(previousPeriod.start(), previousPeriod.end());
        return new FigureValue(f.code(), f.label(), f.unit().name(), value, previous,
                comparable ? change(value, previous) : null, note(f, period.start(), period.end()));
    }

    /** Which days of the period the figure counts; null when all of them. */
    static String note(Figure f, LocalDate start, LocalDate end) {
        if (f.inForceThroughout(start, end)) {
            return null;
        }
        LocalDate from = f.inForceFrom();
        LocalDate to = f.inForceTo();
        String inForce = from != null && to != null ? "in force from " + from + " to " + to
                : from != null ? "in force from " + from : "in force until " + to;
        if (!f.inForceDuring(start, end)) {
            return "Not in force in this period (" + inForce + ").";
        }
        LocalDate first = from != null && from.isAfter(start) ? from : start;
        LocalDate last = to != null && to.isBefore(end) ? to : end;
        return "Counts " + first + " to " + last + " of this period only (" + inForce + ").";
    }

    public static BigDecimal change(long value, Long previous) {
        if (previous == null || previous == 0) {
            return null;
        }
        return BigDecimal.valueOf(value - previous).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(previous), 2, RoundingMode.HALF_UP);
    }
}
