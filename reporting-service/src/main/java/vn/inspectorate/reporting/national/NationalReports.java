package vn.inspectorate.reporting.national;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import vn.inspectorate.reporting.figures.Figure;
import vn.inspectorate.reporting.figures.FigureQueries;
import vn.inspectorate.reporting.figures.FigureValue;
import vn.inspectorate.reporting.figures.ReportFilter;
import vn.inspectorate.reporting.figures.ReportService;
import vn.inspectorate.reporting.figures.ReportViews;
import vn.inspectorate.reporting.periods.Period;
import vn.inspectorate.reporting.units.AdministrativeUnits;
import vn.inspectorate.reporting.units.UnitMode;

/** Builds the periodic report from the figures of its period and scope. */
@ApplicationScoped
public class NationalReports {

    private final ReportService reports;
    private final FigureQueries queries;
    private final AdministrativeUnits units;

    NationalReports(ReportService reports, FigureQueries queries, AdministrativeUnits units) {
        this.reports = reports;
        this.queries = queries;
        this.units = units;
    }

    public NationalReport build(Period period, ReportFilter filter, LocalDate today) {
        ReportViews.Summary summary = reports.summary(period, filter, today);
        Set<String> headlineCodes = Figure.headlineTable().stream().map(Figure::code).collect(Collectors.toSet());
        List<FigureValue> headline = summary.figures().stream().filter(v -> headlineCodes.contains(v.figure())).toList();
        String scope = filter.province() == null ? "national" : filter.province();
        String title = "Inspectorate sector report " + period.key() + " (" + period.calendar().name().toLowerCase()
                + " periods, " + period.start() + " to " + period.end() + "), " + scope;
        List<NationalReport.ProvinceRow> byProvince = new ArrayList<>();
        if (filter.national()) {
            List<Figure> columns = Figure.headlineTable().stream().filter(f -> !f.isNow()).toList();
            LocalDate namesOn = filter.units() == UnitMode.CURRENT ? today : period.end();
            queries.byProvince(columns, period, filter, today).forEach((code, values) -> {
                Map<String, Long> row = new LinkedHashMap<>();
                columns.forEach(f -> row.put(f.code(), values.getOrDefault(f, 0L)));
                byProvince.add(new NationalReport.ProvinceRow(code.isEmpty() ? null : code,
                        code.isEmpty() ? "central bodies" : units.name(code, namesOn), row));
            });
        }
        return new NationalReport(title, summary.period(), summary.previousPeriod(), summary.scope(), today,
                headline, summary.figures(), byProvince, List.of(), summary.changes());
    }
}
