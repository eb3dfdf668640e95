package vn.inspectorate.reporting.figures;

import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import vn.inspectorate.platform.problem.Problem;
import vn.inspectorate.platform.security.Roles;
import vn.inspectorate.reporting.periods.Period;
import vn.inspectorate.reporting.periods.PeriodKind;

/**
 * Statistics for a period and scope: summary, time series, breakdowns, and the drill-down from a figure to the ids
 * of its records (not for partners, who see public aggregates only).
 */
@Path("/api/v1/reports")
@Produces(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
public class ReportResource {

    private static final int MAX_DRILL_DOWN = 1000;

    private final ReportRequests requests;
    private final ReportService reports;
    private final FigureQueries queries;

    ReportResource(ReportRequests requests, ReportService reports, FigureQueries queries) {
        this.requests = requests;
        this.reports = reports;
        this.queries = queries;
    }

    /** The figures this service reports. */
    @GET
    @Path("/figures")
    @RolesAllowed({Roles.CENTRAL_ANALYST, Roles.PLATFORM_ADMIN, Roles.PROVINCIAL_SYSTEM, Roles.INSPECTOR, Roles.PARTNER})
    public List<FigureInfo> figures() {
        return Arrays.stream(Figure.values())
                .map(f -> new FigureInfo(f.code(), f.label(), f.unit().name(), f.isHeadline(), f.isNow()))
                .toList();
    }

    public record FigureInfo(String figure, String label, String unit, boolean headline, boolean now) {
    }

    @GET
    @Path("/summary")
    @RolesAllowed({Roles.CENTRAL_ANALYST, Roles.PLATFORM_ADMIN, Roles.PROVINCIAL_SYSTEM, Roles.INSPECTOR, Roles.PARTNER})
    public ReportViews.Summary summary(@QueryParam("period") String period, @QueryParam("calendar") String calendar,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("province") String province,
            @QueryParam("body") String body, @QueryParam("sector") String sector, @QueryParam("kind") String kind,
            @QueryParam("units") String units) {
        List<Problem.FieldError> errors = ReportRequests.errors();
        Period p = requests.period(period, calendar, from, to, errors);
        ReportFilter f = requests.filter(province, body, sector, kind, units, errors);
        ReportRequests.check(errors);
        return reports.summary(p, f, requests.today());
    }

    @GET
    @Path("/series")
    @RolesAllowed({Roles.CENTRAL_ANALYST, Roles.PLATFORM_ADMIN, Roles.PROVINCIAL_SYSTEM, Roles.INSPECTOR, Roles.PARTNER})
    public ReportViews.Series series(@QueryParam("figure") String figure, @QueryParam("period") String period,
            @QueryParam("granularity") String granularity, @QueryParam("calendar") String calendar,
            @QueryParam("province") String province, @QueryParam("body") String body,
            @QueryParam("sector") String sector, @QueryParam("kind") String kind, @QueryParam("units") String units) {
        List<Problem.FieldError> errors = ReportRequests.errors();
        Figure fig = requests.figure(figure, errors);
        if (period == null) {
            errors.add(new Problem.FieldError("period", "required: YYYY, YYYY-Hn or YYYY-Qn"));
        }
        Period p = period == null ? null : requests.period(period, calendar, null, null, errors);
        PeriodKind g = granularity(granularity, p, errors);
        if (fig != null && fig.isNow()) {
            errors.add(new Problem.FieldError("figure", "'" + figure + "' is a figure of the current state, not of a period"));
        }
        ReportFilter f = requests.filter(province, body, sector, kind, units, errors);
        ReportRequests.check(errors);
        return reports.series(fig, p, g, f);
    }

    @GET
    @Path("/breakdown")
    @RolesAllowed({Roles.CENTRAL_ANALYST, Roles.PLATFORM_ADMIN, Roles.PROVINCIAL_SYSTEM, Roles.INSPECTOR, Roles.PARTNER})
    public ReportViews.Breakdown breakdown(@QueryParam("figure") String figure, @QueryParam("by") String by,
            @QueryParam("period") String period, @QueryParam("calendar") String calendar,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("province") String province,
            @QueryParam("body") String body, @QueryParam("sector") String sector, @QueryParam("kind") String kind,
            @QueryParam("units") String units) {
        List<Problem.FieldError> errors = ReportRequests.errors();
        Figure fig = requests.figure(figure, errors);
        if (fig != null && fig.isNow()) {
            errors.add(new Problem.FieldError("figure", "'" + figure + "' is a figure of the current state, not of a period"));
        }
        FigureQueries.Dimension dimension = null;
        try {
            dimension = FigureQueries.Dimension.valueOf(String.valueOf(by).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new Problem.FieldError("by", "unknown dimension '" + by + "'; allowed: province, body, sector, kind"));
        }
        Period p = requests.period(period, calendar, from, to, errors);
        ReportFilter f = requests.filter(province, body, sector, kind, units, errors);
        ReportRequests.check(errors);
        return reports.breakdown(fig, p, f, dimension, requests.today());
    }

    @GET
    @Path("/drill-down")
    @RolesAllowed({Roles.CENTRAL_ANALYST, Roles.PLATFORM_ADMIN, Roles.PROVINCIAL_SYSTEM, Roles.INSPECTOR})
    public ReportViews.DrillDown drillDown(@QueryParam("figure") String figure, @QueryParam("period") String period,
            @QueryParam("calendar") String calendar, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("province") String province, @QueryParam("body") String body,
            @QueryParam("sector") String sector, @QueryParam("kind") String kind, @QueryParam("units") String units,
            @QueryParam("after") String after, @QueryParam("limit") String limit) {
        List<Problem.FieldError> errors = ReportRequests.errors();
        Figure fig = requests.figure(figure, errors);
        Period p = requests.period(period, calendar, from, to, errors);
        ReportFilter f = requests.filter(province, body, sector, kind, units, errors);
        UUID afterId = null;
        if (after != null) {
            try {
                afterId = UUID.fromString(after);
            } catch (IllegalArgumentException e) {
                errors.add(new Problem.FieldError("after", "not a record id"));
            }
        }
        int size = 100;
        if (limit != null) {
            try {
                size = Integer.parseInt(limit);
            } catch (NumberFormatException e) {
                size = -1;
            }
            if (size < 1 || size > MAX_DRILL_DOWN) {
                errors.add(new Problem.FieldError("limit", "between 1 and " + MAX_DRILL_DOWN));
            }
        }
        ReportRequests.check(errors);
        List<UUID> ids = queries.records(fig, p, f, requests.today(), afterId, size + 1);
        UUID next = ids.size() > size ? ids.get(size - 1) : null;
        return new ReportViews.DrillDown(fig.code(), ReportViews.PeriodView.of(p), ReportViews.ScopeView.of(f),
                ids.size() > size ? ids.subList(0, size) : ids, next);
    }

    private static PeriodKind granularity(String value, Period p, List<Problem.FieldError> errors) {
        PeriodKind g;
        try {
            g = value == null ? PeriodKind.MONTH
                    : PeriodKind.valueOf(value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            errors.add(new Problem.FieldError("granularity", "unknown granularity '" + value
                    + "'; allowed: month, quarter, half-year, year"));
            return null;
        }
        if (p != null && p.kind() != null && g.months() > p.kind().months()) {
            errors.add(new Problem.FieldError("granularity", g.name().toLowerCase(Locale.ROOT)
                    + " is longer than the period " + p.key()));
        }
        return g;
    }
}
