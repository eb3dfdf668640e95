package vn.inspectorate.reporting.national;

import java.time.LocalDate;
import java.util.List;
import vn.inspectorate.reporting.figures.FigureValue;
import vn.inspectorate.reporting.figures.ReportViews.ChangeView;
import vn.inspectorate.reporting.figures.ReportViews.PeriodView;
import vn.inspectorate.reporting.figures.ReportViews.ScopeView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The periodic report: the sector's headline table first, then every figure, then (national scope) the headline
 * period figures by province; {@code revisions} lists figures of earlier published reports that have changed since
 * (set on published reports); {@code changes} the changes of the figure catalogue inside the period or its
 * previous-year period (e.g. one kind of inspection from 1 July 2025), so a reader sees where a split ends.
 */
public record NationalReport(String title, PeriodView period, PeriodView previousPeriod, ScopeView scope,
        LocalDate asOf, List<FigureValue> headline, List<FigureValue> figures, List<ProvinceRow> byProvince,
        List<Revision> revisions, List<ChangeView> changes) {

    public NationalReport {
        // a report published before the catalogue changes were recorded has none
        changes = changes == null ? List.of() : changes;
    }

    /** The headline period figures of one province (national reports only); figure code to value. */
    @Schema(name = "NationalReportProvinceRow")
    public record ProvinceRow(@Schema(nullable = true) String province, String name, java.util.Map<String, Long> values) {
    }

    /** A figure of an earlier published report whose value has changed since it was published. */
    @Schema(name = "NationalReportRevision")
    public record Revision(String periodKey, String calendar, LocalDate periodStart, LocalDate periodEnd,
            String figure, long publishedValue, long currentValue) {
    }

    /** The report with its "now" figures marked as read at {@code readAt}. */
    public NationalReport nowFiguresReadAt(java.time.OffsetDateTime readAt) {
        java.util.function.UnaryOperator<FigureValue> mark = v -> vn.inspectorate.reporting.figures.Figure
                .byCode(v.figure()).filter(vn.inspectorate.reporting.figures.Figure::isNow)
                .map(f -> v.relabelled(v.label(), v.note(), readAt)).orElse(v);
        return new NationalReport(title, period, previousPeriod, scope, asOf, headline.stream().map(mark).toList(),
                figures.stream().map(mark).toList(), byProvince, revisions, changes);
    }

    public NationalReport withRevisions(List<Revision> list) {
        return new NationalReport(title, period, previousPeriod, scope, asOf, headline, figures, byProvince, list,
                changes);
    }
}
