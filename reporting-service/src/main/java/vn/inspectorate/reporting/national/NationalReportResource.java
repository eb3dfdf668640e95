package vn.inspectorate.reporting.national;

import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import vn.inspectorate.platform.language.Languages;
import vn.inspectorate.platform.problem.Problem;
import vn.inspectorate.platform.security.Roles;
import vn.inspectorate.reporting.figures.ReportFilter;
import vn.inspectorate.reporting.figures.ReportRequests;
import vn.inspectorate.reporting.periods.Period;
import vn.inspectorate.reporting.language.ReportLabels;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;

/** The periodic report (monthly, quarterly, six-monthly, yearly) as JSON, CSV or XLSX, headline table first. */
@Path("/api/v1/reports/national")
@RunOnVirtualThread
@Tag(name = "National report", description = "The periodic report, headline table first")
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
    @Operation(operationId = "getNationalReport", summary = "The periodic report as JSON, CSV or XLSX (by format)")
    @APIResponse(responseCode = "200", description = "The report in the format asked for", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NationalReport.class)),
            @Content(mediaType = ReportFormats.CSV, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = ReportFormats.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    public Response report(
            @QueryParam("period") @Size(max = 32) String period,
            @QueryParam("calendar") @Parameter(schema = @Schema(enumeration = {"calendar", "sector"})) String calendar,
            @QueryParam("format") @Parameter(schema = @Schema(enumeration = {"json", "csv", "xlsx"})) String format,
            @QueryParam("province") @Size(max = 16) String province,
            @QueryParam("units") @Parameter(schema = @Schema(enumeration = {"filed", "current"})) String units,
            @QueryParam("bom") @Parameter(description = "CSV only: start with a UTF-8 byte-order mark (the default, "
                    + "for spreadsheet programs); false for none") @DefaultValue("true") boolean bom,
            @HeaderParam(Languages.ACCEPT_LANGUAGE) @Parameter(description = "vi (the default) or en: the language "
                    + "of labels, notes and export headers") String acceptLanguage) {
        List<Problem.FieldError> errors = ReportRequests.errors();
        String f = format == null ? "json" : format.trim().toLowerCase(Locale.ROOT);
        if (!List.of("json", "csv", "xlsx").contains(f)) {
            errors.add(Problem.FieldError.of("format", "error.unknown-format", format));
        }
        if (period == null) {
            errors.add(Problem.FieldError.of("period", "error.period-required"));
        }
        Period p = period == null ? null : requests.period(period, calendar, null, null, errors);
        ReportFilter scope = requests.filter(province, null, null, null, units, errors);
        ReportRequests.check(errors);
        NationalReport report = reports.build(p, scope, requests.today());
        String file = "inspectorate-report-" + p.key() + "-" + p.calendar().name().toLowerCase(Locale.ROOT);
        Locale language = Languages.negotiate(acceptLanguage);
        return switch (f) {
            case "csv" -> Response.ok(ReportFormats.csv(ReportLabels.report(report, null, language), language, bom),
                            ReportFormats.CSV + "; charset=UTF-8")
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file + ".csv\"").build();
            case "xlsx" -> Response.ok(ReportFormats.xlsx(ReportLabels.report(report, null, language), language),
                            ReportFormats.XLSX)
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file + ".xlsx\"").build();
            default -> Response.ok(report, MediaType.APPLICATION_JSON).build();
        };
    }
}
