package vn.inspectorate.reporting.figures;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import vn.inspectorate.platform.paging.Paged;
import vn.inspectorate.reporting.periods.Period;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The API models of the report endpoints. */
public final class ReportViews {

    private ReportViews() {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "ReportPeriod")
    public record PeriodView(String key, String kind, String calendar, LocalDate start, LocalDate end) {
        public static PeriodView of(Period p) {
            return new PeriodView(p.key(), p.kind() == null ? "CUSTOM" : p.kind().name(), p.calendar().name(),
                    p.start(), p.end());
        }
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "ReportScope")
    public record ScopeView(@Schema(nullable = true) String province, String units,
            @Schema(nullable = true) String body, @Schema(nullable = true) String sector,
            @Schema(nullable = true) String kind) {
        public static ScopeView of(ReportFilter f) {
            return new ScopeView(f.province(), f.units().name(), f.body(), f.sector(), f.kind());
        }
    }

    /**
     * A dated change of the figure catalogue that falls inside the period or its previous-year period: the figures
     * that end the day before {@code on} and those that count from it.
     */
    @Schema(name = "ReportFigureChange")
    public record ChangeView(LocalDate on, List<String> ended, List<String> started, String detail) {
        public static ChangeView of(FigureChange c) {
            return new ChangeView(c.on(), c.ended().stream().map(Figure::code).toList(),
                    c.started().stream().map(Figure::code).toList(), c.reason());
        }

        /** The changes inside either period, in date order. */
        public static List<ChangeView> within(Period period, Period previous) {
            return FigureChange.ALL.stream().filter(c -> c.within(period.start(), period.end())
                    || c.within(previous.start(), previous.end())).map(ChangeView::of).toList();
        }
    }

    @Schema(name = "ReportSummary")
    public record Summary(PeriodView period, PeriodView previousPeriod, ScopeView scope, LocalDate asOf,
            List<FigureValue> figures,
            @Schema(description = "Changes of the figure catalogue inside the period or its previous-year period "
                    + "(e.g. one kind of inspection from 1 July 2025); empty when none.") List<ChangeView> changes) {

        public FigureValue figure(Figure f) {
            return figures.stream().filter(v -> v.figure().equals(f.code())).findFirst().orElseThrow();
        }
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "ReportSeriesPoint")
    public record SeriesPoint(PeriodView period, long value, @Schema(nullable = true) Long previousValue,
            @Schema(nullable = true) BigDecimal changePercent) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "ReportSeries")
    public record Series(String figure, String label, String unit, PeriodView period, String granularity,
            ScopeView scope, List<SeriesPoint> points,
            @Schema(nullable = true, description = "Set when the figure is not in force throughout the period.")
            String note) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "ReportBreakdownRow")
    public record BreakdownRow(@Schema(nullable = true) String key, @Schema(nullable = true) String name, long value,
            @Schema(nullable = true) Long previousValue, @Schema(nullable = true) BigDecimal changePercent) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "ReportBreakdown")
    public record Breakdown(String figure, String label, String by, PeriodView period, PeriodView previousPeriod,
            ScopeView scope, List<BreakdownRow> rows,
            @Schema(nullable = true, description = "Set when the figure is not in force throughout the period.")
            String note) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "ReportDrillDown")
    public record DrillDown(String figure, PeriodView period, ScopeView scope, List<UUID> recordIds,
            @Schema(nullable = true, description = "Pass as `after` to read the next page; null on the last page.")
            UUID next,
            @Schema(description = "For cases.matters_received: each matter of recordIds (same order) with the "
                    + "filings it is made of, in every province; empty for other figures.")
            List<MatterView> matters) implements Paged {

        @Override
        public String nextAfter() {
            return next == null ? null : next.toString();
        }
    }

    /** A matter: the cases linked as one, oldest filing first. */
    @Schema(name = "ReportMatter")
    public record MatterView(UUID matterId, List<FilingView> filings) {
    }

    @Schema(name = "ReportMatterFiling")
    public record FilingView(UUID caseId, String provinceCode, String bodyCode,
            @Schema(nullable = true) LocalDate receivedOn) {
    }
}
