package vn.inspectorate.reporting.national;

import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import vn.inspectorate.platform.problem.Problem;
import vn.inspectorate.platform.security.Roles;
import vn.inspectorate.reporting.figures.ReportFilter;
import vn.inspectorate.reporting.figures.ReportRequests;
import vn.inspectorate.reporting.periods.Period;

/** The periodic report (monthly, quarterly, six-monthly, yearly) as JSON, CSV or XLSX, headline table first. */
@Path("/api/v1/reports/national")
@RunOnVirtualThread
public class NationalReportResource {

    private final ReportRequests requests;
    private final NationalReports reports;

    NationalReportResource(ReportRequests requests, NationalReports reports) {
        this.requests = requests;
        this.reports = reports;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, ReportFormats.CSV, ReportFormats.XLSX})
    @RolesAllowed({Roles.CENTRAL_ANALYST, Roles.PLATFORM_ADMIN, Roles.PROVINCIAL_SYSTEM, Roles.INSPECTOR, Roles.PARTNER})
    public Response report(@QueryParam("period") String period, @QueryParam("calendar") String calendar,
            @QueryParam("format") String format, @QueryParam("province") String province,
            @QueryParam("units") String units) {
        List<Problem.FieldError> errors = ReportRequests.errors();
        String f = format == null ? "json" : format.trim().toLowerCase(Locale.ROOT);
        if (!List.of("json", "csv", "xlsx").contains(f)) {
            errors.add(new Problem.FieldError("format", "unknown format '" + format + "'; allowed: json, csv, xlsx"));
        }
        if (period == null) {
            errors.add(new Problem.FieldError("period", "required: YYYY-MM, YYYY-Qn, YYYY-Hn or YYYY"));
        }
        Period p = period == null ? null : requests.period(period, calendar, null, null, errors);
        ReportFilter scope = requests.filter(province, null, null, null, units, errors);
        ReportRequests.check(errors);
        NationalReport report = reports.build(p, scope, requests.today());
        String file = "inspectorate-report-" + p.key() + "-" + p.calendar().name().toLowerCase(Locale.ROOT);
        return switch (f) {
            case "csv" -> Response.ok(ReportFormats.csv(report), ReportFormats.CSV + "; charset=UTF-8")
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file + ".csv\"").build();
            case "xlsx" -> Response.ok(ReportFormats.xlsx(report), ReportFormats.XLSX)
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file + ".xlsx\"").build();
            default -> Response.ok(report, MediaType.APPLICATION_JSON).build();
        };
    }
}
