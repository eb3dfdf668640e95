package vn.inspectorate.reporting.figures;

import java.time.LocalDate;
import java.util.List;

/**
 * A dated change of the figure catalogue: from {@code on} the {@code started} figures count what the {@code ended}
 * ones counted before, because the law changed ({@code reason}). Figures are never mixed across the date: each counts
 * only the days it is in force, and a report whose period spans the date lists the change.
 */
public record FigureChange(LocalDate on, List<Figure> ended, List<Figure> started, String reason) {

    /** Every change, in date order. */
    public static final List<FigureChange> ALL = List.of(
            new FigureChange(LocalDate.of(2025, 7, 1),
                    List.of(Figure.INSPECTIONS_ADMINISTRATIVE, Figure.INSPECTIONS_SPECIALIZED),
                    List.of(Figure.INSPECTIONS_INSPECTION),
                    "From 1 July 2025 the Law on Inspection 84/2025 no longer distinguishes administrative from "
                            + "specialized inspection: inspections of one kind are counted as inspections.inspection, "
                            + "the administrative/specialized split only for the days before."));

    /** True when the change falls inside the period: its first day is after the period's start, within its end. */
    public boolean within(LocalDate start, LocalDate end) {
        return on.isAfter(start) && !on.isAfter(end);
    }
}
