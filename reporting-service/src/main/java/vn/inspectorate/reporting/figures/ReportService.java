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
        FigureQueries.SummaryFigures figures = queries.summary(period, previous, filter, today);
        Map<Figure, Long> current = figures.current();
        Map<Figure, Long> before = figures.previous();
        Map<Figure, Long> now = figures.now();
        Set<Figure> order = new LinkedHashSet<>(Figure.headlineTable());
        order.addAll(List.of(Figure.values()));
        List<FigureValue> values = new ArrayList<>();
        for (Figure f : order) {
            values.add(f.isNow() ? FigureValue.of(f, now.getOrDefault(f, 0L), null)
                    : FigureValue.of(f, current.getOrDefault(f, 0L), before.getOrDefault(f, 0L), period, previous));
        }
        return new Summary(PeriodView.of(period), PeriodView.of(previous), ScopeView.of(filter), today, values,
                ReportViews.ChangeView.within(period, previous));
    }

    /** A change in percent only between periods the figure counts every day of. */
    private static boolean comparable(Figure figure, Period period, Period previous) {
        return figure.inForceThroughout(period.start(), period.end())
                && figure.inForceThroughout(previous.start(), previous.end());
    }

    public Series series(Figure figure, Period period, PeriodKind granularity, ReportFilter filter) {
        List<Period> parts = periods.split(period, granularity);
        // every part and its previous year in one statement: [part 0, previous 0, part 1, previous 1, ...]
        List<Period> asked = new ArrayList<>();
        for (Period part : parts) {
            asked.add(part);
            asked.add(periods.previousYear(part));
        }
        long[] sums = queries.sums(figure, asked, filter);
        List<SeriesPoint> points = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            long value = sums[2 * i];
            long before = sums[2 * i + 1];
            Period previous = asked.get(2 * i + 1);
            points.add(new SeriesPoint(PeriodView.of(parts.get(i)), value, before,
                    comparable(figure, parts.get(i), previous) ? FigureValue.change(value, before) : null));
        }
        return new Series(figure.code(), figure.label(), figure.unit().name(), PeriodView.of(period),
                granularity.name(), ScopeView.of(filter), points,
                FigureValue.note(figure, period.start(), period.end()));
    }

    public Breakdown breakdown(Figure figure, Period period, ReportFilter filter, FigureQueries.Dimension by,
            LocalDate today) {
        Period previous = periods.previousYear(period);
        List<Map<String, Long>> both = queries.breakdown(figure, List.of(period, previous), filter, by, today);
        Map<String, Long> current = both.get(0);
        Map<String, Long> before = both.get(1);
        Set<String> keys = new java.util.TreeSet<>(current.keySet());
        keys.addAll(before.keySet());
        List<BreakdownRow> rows = new ArrayList<>();
        for (String key : keys) {
            long value = current.getOrDefault(key, 0L);
            long old = before.getOrDefault(key, 0L);
            String name = by == FigureQueries.Dimension.PROVINCE && !key.isEmpty()
                    ? units.name(key, filter.units() == UnitMode.CURRENT ? today : period.end()) : null;
            rows.add(new BreakdownRow(key.isEmpty() ? null : key, name, value, old,
                    comparable(figure, period, previous) ? FigureValue.change(value, old) : null));
        }
        return new Breakdown(figure.code(), figure.label(), by.name(), PeriodView.of(period), PeriodView.of(previous),
                ScopeView.of(filter), rows, FigureValue.note(figure, period.start(), period.end()));
    }
}
