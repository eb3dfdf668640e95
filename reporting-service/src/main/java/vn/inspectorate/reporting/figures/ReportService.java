package vn.inspectorate.reporting.figures;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.inspectorate.reporting.figures.ReportViews.Breakdown;
import vn.inspectorate.reporting.figures.ReportViews.BreakdownRow;
import vn.inspectorate.reporting.figures.ReportViews.PeriodView;
import vn.inspectorate.reporting.figures.ReportViews.ScopeView;
import vn.inspectorate.reporting.figures.ReportViews.Series;
import vn.inspectorate.reporting.figures.ReportViews.SeriesPoint;
import vn.inspectorate.reporting.figures.ReportViews.Summary;
import vn.inspectorate.reporting.periods.Period;
import vn.inspectorate.reporting.periods.PeriodCalendar;
import vn.inspectorate.reporting.periods.PeriodKind;
import vn.inspectorate.reporting.units.AdministrativeUnits;
import vn.inspectorate.reporting.units.UnitMode;

/** Figures of a period and scope, each with the same period of the previous year. */
@ApplicationScoped
public class ReportService {

    private final FigureQueries queries;
    private final PeriodCalendar periods;
    private final AdministrativeUnits units;

    ReportService(FigureQueries queries, PeriodCalendar periods, AdministrativeUnits units) {
        this.queries = queries;
        this.periods = periods;
        this.units = units;
    }

    /** Every figure: headline figures first in the sector's order, then the others. */
    public Summary summary(Period period, ReportFilter filter, LocalDate today) {
        Period previous = periods.previousYear(period);
        Map<Figure, Long> current = queries.sums(period, filter);
        Map<Figure, Long> before = queries.sums(previous, filter);
        Map<Figure, Long> now = queries.now(filter, today);
        Set<Figure> order = new LinkedHashSet<>(Figure.headlineTable());
        order.addAll(List.of(Figure.values()));
        List<FigureValue> values = new ArrayList<>();
        for (Figure f : order) {
            values.add(f.isNow() ? FigureValue.of(f, now.getOrDefault(f, 0L), null)
                    : FigureValue.of(f, current.getOrDefault(f, 0L), before.getOrDefault(f, 0L)));
        }
        return new Summary(PeriodView.of(period), PeriodView.of(previous), ScopeView.of(filter), today, values);
    }

    public Series series(Figure figure, Period period, PeriodKind granularity, ReportFilter filter) {
        List<SeriesPoint> points = new ArrayList<>();
        for (Period part : periods.split(period, granularity)) {
            Period previous = periods.previousYear(part);
            long value = queries.sums(part, filter).getOrDefault(figure, 0L);
            long before = queries.sums(previous, filter).getOrDefault(figure, 0L);
            points.add(new SeriesPoint(PeriodView.of(part), value, before, FigureValue.change(value, before)));
        }
        return new Series(figure.code(), figure.label(), figure.unit().name(), PeriodView.of(period),
                granularity.name(), ScopeView.of(filter), points);
    }

    public Breakdown breakdown(Figure figure, Period period, ReportFilter filter, FigureQueries.Dimension by,
            LocalDate today) {
        Period previous = periods.previousYear(period);
        Map<String, Long> current = queries.breakdown(figure, period, filter, by, today);
        Map<String, Long> before = queries.breakdown(figure, previous, filter, by, today);
        Set<String> keys = new java.util.TreeSet<>(current.keySet());
        keys.addAll(before.keySet());
        List<BreakdownRow> rows = new ArrayList<>();
        for (String key : keys) {
            long value = current.getOrDefault(key, 0L);
            long old = before.getOrDefault(key, 0L);
            String name = by == FigureQueries.Dimension.PROVINCE && !key.isEmpty()
                    ? units.name(key, filter.units() == UnitMode.CURRENT ? today : period.end()) : null;
            rows.add(new BreakdownRow(key.isEmpty() ? null : key, name, value, old, FigureValue.change(value, old)));
        }
        return new Breakdown(figure.code(), figure.label(), by.name(), PeriodView.of(period), PeriodView.of(previous),
                ScopeView.of(filter), rows);
    }
}
