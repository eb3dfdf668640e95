package vn.inspectorate.reporting.figures;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import vn.inspectorate.platform.problem.Problem;
import vn.inspectorate.platform.security.Roles;
import vn.inspectorate.reporting.periods.Period;
import vn.inspectorate.reporting.periods.PeriodKind;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Statistics for a period and scope: summary, time series, breakdowns, and the drill-down from a figure to the ids
 * of its records (not for partners, who see public aggregates only).
 */
@Path("/api/v1/reports")
@Produces(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
@Tag(name = "Reports", description = "Statistics for a period and scope")
public class ReportResource {

    /** A drill-down page holds bare ids, not records: more fit in a page than the platform's 200 records. */
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
    @Operation(operationId = "listReportFigures", summary = "The figures this service reports")
    public List<FigureInfo> figures() {
        return Arrays.stream(Figure.values())
                .map(f -> new FigureInfo(f.code(), f.label(), f.unit().name(), f.isHeadline(), f.isNow(),
                        f.inForceFrom(), f.inForceTo()))
                .toList();
    }

    /** A figure of the catalogue; {@code inForceFrom}/{@code inForceTo} bound the days it counts (null: open). */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "ReportFigure")
    public record FigureInfo(String figure, String label, String unit, boolean headline, boolean now,
            @Schema(nullable = true, description = "The first day the figure counts; null: since ever.")
            LocalDate inForceFrom,
            @Schema(nullable = true, description = "The last day the figure counts; null: still in force.")
            LocalDate inForceTo) {
    }

    @GET
    @Path("/summary")
    @RolesAllowed({Roles.CENTRAL_ANALYST, Roles.PLATFORM_ADMIN, Roles.PROVINCIAL_SYSTEM, Roles.INSPECTOR, Roles.PARTNER})
    @Operation(operationId = "getReportSummary", summary = "Every figure for a period and scope, with the same period a year before")
    public ReportViews.Summary summary(
            @QueryParam("period") @Size(max = 32) String period,
            @QueryParam("calendar") @Parameter(schema = @Schema(enumeration = {"calendar", "sector"})) String calendar,
            @QueryParam("from") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "date")) String from,
            @QueryParam("to") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "date")) String to,
            @QueryParam("province") @Size(max = 16) String province,
            @QueryParam("body") @Size(max = 64) String body,
            @QueryParam("sector") @Size(max = 64) String sector,
            @QueryParam("kind") @Size(max = 64) String kind,
            @QueryParam("units") @Parameter(schema = @Schema(enumeration = {"filed", "current"})) String units) {
        List<Problem.FieldError> errors = ReportRequests.errors();
        Period p = requests.period(period, calendar, from, to, errors);
        ReportFilter f = requests.filter(province, body, sector, kind, units, errors);
        ReportRequests.check(errors);
        return reports.summary(p, f, requests.today());
    }

    @GET
    @Path("/series")
    @RolesAllowed({Roles.CENTRAL_ANALYST, Roles.PLATFORM_ADMIN, Roles.PROVINCIAL_SYSTEM, Roles.INSPECTOR, Roles.PARTNER})
    @Operation(operationId = "getReportSeries", summary = "One figure over the months, quarters or half-years of a period")
    public ReportViews.Series series(
            @QueryParam("figure") @Size(max = 64) String figure,
            @QueryParam("period") @Size(max = 32) String period,
            @QueryParam("granularity") @Size(max = 16) String granularity,
            @QueryParam("calendar") @Parameter(schema = @Schema(enumeration = {"calendar", "sector"})) String calendar,
            @QueryParam("province") @Size(max = 16) String province,
            @QueryParam("body") @Size(max = 64) String body,
            @QueryParam("sector") @Size(max = 64) String sector,
            @QueryParam("kind") @Size(max = 64) String kind,
            @QueryParam("units") @Parameter(schema = @Schema(enumeration = {"filed", "current"})) String units) {
        List<Problem.FieldError> errors = ReportRequests.errors();
        Figure fig = requests.figure(figure, errors);
        if (period == null) {
            errors.add(Problem.FieldError.of("period", "error.period-required-short"));
        }
        Period p = period == null ? null : requests.period(period, calendar, null, null, errors);
        PeriodKind g = granularity(granularity, p, errors);
        ReportRequests.ofAPeriod(fig, figure, errors);
        ReportFilter f = requests.filter(province, body, sector, kind, units, errors);
        ReportRequests.check(errors);
        return reports.series(fig, p, g, f);
    }

    @GET
    @Path("/breakdown")
    @RolesAllowed({Roles.CENTRAL_ANALYST, Roles.PLATFORM_ADMIN, Roles.PROVINCIAL_SYSTEM, Roles.INSPECTOR, Roles.PARTNER})
    @Operation(operationId = "getReportBreakdown", summary = "One figure by province, body, sector or kind")
    public ReportViews.Breakdown breakdown(
            @QueryParam("figure") @Size(max = 64) String figure,
            @QueryParam("by") @Parameter(schema = @Schema(enumeration = {"province", "body", "sector", "kind"})) String by,
            @QueryParam("period") @Size(max = 32) String period,
            @QueryParam("calendar") @Parameter(schema = @Schema(enumeration = {"calendar", "sector"})) String calendar,
            @QueryParam("from") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "date")) String from,
            @QueryParam("to") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "date")) String to,
            @QueryParam("province") @Size(max = 16) String province,
            @QueryParam("body") @Size(max = 64) String body,
            @QueryParam("sector") @Size(max = 64) String sector,
            @QueryParam("kind") @Size(max = 64) String kind,
            @QueryParam("units") @Parameter(schema = @Schema(enumeration = {"filed", "current"})) String units) {
        List<Problem.FieldError> errors = ReportRequests.errors();
        Figure fig = requests.figure(figure, errors);
        ReportRequests.ofAPeriod(fig, figure, errors);
        FigureQueries.Dimension dimension = null;
        try {
            dimension = FigureQueries.Dimension.valueOf(String.valueOf(by).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(Problem.FieldError.of("by", "error.unknown-value", String.valueOf(by),
                    "province, body, sector, kind"));
        }
        Period p = requests.period(period, calendar, from, to, errors);
        ReportFilter f = requests.filter(province, body, sector, kind, units, errors);
        ReportRequests.check(errors);
        return reports.breakdown(fig, p, f, dimension, requests.today());
    }

    @GET
    @Path("/drill-down")
    @RolesAllowed({Roles.CENTRAL_ANALYST, Roles.PLATFORM_ADMIN, Roles.PROVINCIAL_SYSTEM, Roles.INSPECTOR})
    @Operation(operationId = "getReportDrillDown", summary = "The ids of the records behind a figure, a page at a time")
    public ReportViews.DrillDown drillDown(
            @QueryParam("figure") @Size(max = 64) String figure,
            @QueryParam("period") @Size(max = 32) String period,
            @QueryParam("calendar") @Parameter(schema = @Schema(enumeration = {"calendar", "sector"})) String calendar,
            @QueryParam("from") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "date")) String from,
            @QueryParam("to") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "date")) String to,
            @QueryParam("province") @Size(max = 16) String province,
            @QueryParam("body") @Size(max = 64) String body,
            @QueryParam("sector") @Size(max = 64) String sector,
            @QueryParam("kind") @Size(max = 64) String kind,
            @QueryParam("units") @Parameter(schema = @Schema(enumeration = {"filed", "current"})) String units,
            @QueryParam("after") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) String after,
            @QueryParam("size") @Min(1) @Max(MAX_DRILL_DOWN) Integer size,
            @QueryParam("limit") @Min(1) @Max(MAX_DRILL_DOWN) @Parameter(deprecated = true,
                    description = "The older name of `size`.") Integer limit) {
        List<Problem.FieldError> errors = ReportRequests.errors();
        Figure fig = requests.figure(figure, errors);
        Period p = requests.period(period, calendar, from, to, errors);
        ReportFilter f = requests.filter(province, body, sector, kind, units, errors);
        UUID afterId = null;
        if (after != null) {
            try {
                afterId = UUID.fromString(after);
            } catch (IllegalArgumentException e) {
                errors.add(Problem.FieldError.of("after", "error.not-a-record-id"));
            }
        }
        if (size != null && limit != null) {
            errors.add(Problem.FieldError.of("limit", "paging.limit-with-size"));
        }
        int pageSize = size != null ? size : limit != null ? limit : 100;
        ReportRequests.check(errors);
        List<UUID> ids = queries.records(fig, p, f, requests.today(), afterId, pageSize + 1);
        UUID next = ids.size() > pageSize ? ids.get(pageSize - 1) : null;
        List<UUID> page = ids.size() > pageSize ? ids.subList(0, pageSize) : ids;
        return new ReportViews.DrillDown(fig.code(), ReportViews.PeriodView.of(p), ReportViews.ScopeView.of(f),
                page, next, fig == Figure.CASES_MATTERS_RECEIVED ? queries.matters(page) : List.of());
    }

    private static PeriodKind granularity(String value, Period p, List<Problem.FieldError> errors) {
        PeriodKind g;
        try {
            g = value == null ? PeriodKind.MONTH
                    : PeriodKind.valueOf(value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            errors.add(Problem.FieldError.of("granularity", "error.unknown-value", value,
                    "month, quarter, half-year, year"));
            return null;
        }
        if (p != null && p.kind() != null && g.months() > p.kind().months()) {
            errors.add(Problem.FieldError.of("granularity", "error.granularity-longer",
                    g.name().toLowerCase(Locale.ROOT), p.key()));
        }
        return g;
    }
}
