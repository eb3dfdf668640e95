package vn.inspectorate.reporting.publication;

import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import vn.inspectorate.platform.idempotency.Idempotent;
import vn.inspectorate.platform.problem.Problem;
import vn.inspectorate.platform.problem.ProblemException;
import vn.inspectorate.platform.security.CallerScope;
import vn.inspectorate.platform.security.Roles;
import vn.inspectorate.reporting.figures.ReportRequests;
import vn.inspectorate.reporting.periods.Period;
import vn.inspectorate.reporting.units.AdministrativeUnits;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.headers.Header;

/**
 * Publication of periodic reports: close a period (frozen snapshot + {@code report.published}) and read snapshots.
 * Central staff close the national report; a province closes its own (its provincial system or its inspectors), which
 * that province and central staff read, no other province.
 */
@Path("/api/v1/reports/publications")
@Produces(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
@Tag(name = "Report publication", description = "Closing periods and their frozen national reports")
public class PublicationResource {

    /**
     * Closing a period: {@code period} as {@code YYYY-MM}, {@code YYYY-Qn}, {@code YYYY-Hn} or {@code YYYY};
     * {@code province} closes that province's report (a provincial caller's own province when left out).
     */
    @Schema(name = "ReportPublishRequest")
    public record PublishRequest(@NotBlank @Size(max = 32) String period,
            @Schema(nullable = true, enumeration = {"calendar", "sector"}) @Size(max = 16) String calendar,
            @Schema(nullable = true, description = "The province whose own report is closed (ISO 3166-2:VN code); "
                    + "left out: the national report, or a provincial caller's province.") @Size(max = 16)
            String province) {

        public PublishRequest(String period, String calendar) {
            this(period, calendar, null);
        }
    }

    private final PublicationService publications;
    private final ReportRequests requests;
    private final CallerScope caller;
    private final AdministrativeUnits units;

    PublicationResource(PublicationService publications, ReportRequests requests, CallerScope caller,
            AdministrativeUnits units) {
        this.publications = publications;
        this.requests = requests;
        this.caller = caller;
        this.units = units;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CENTRAL_ANALYST, Roles.PLATFORM_ADMIN, Roles.PROVINCIAL_SYSTEM, Roles.INSPECTOR})
    @Operation(operationId = "publishReport", summary = "Close a period: freeze its national report, or a province's "
            + "own report, and announce it")
    @APIResponse(responseCode = "201", description = "The period was closed now",
            headers = @Header(name = "Location", description = "The published report",
                    schema = @Schema(type = SchemaType.STRING, format = "uri-reference")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PublicationService.Snapshot.class)))
    @APIResponse(responseCode = "200", description = "The period was already closed: the report published then",
            headers = @Header(name = "Location", description = "The published report",
                    schema = @Schema(type = SchemaType.STRING, format = "uri-reference")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PublicationService.Snapshot.class)))
    @APIResponse(responseCode = "403", description = "Not central staff (national report), or not of that province")
    @APIResponse(responseCode = "409", description = "A rebuild of the projections is running")
    @APIResponse(responseCode = "422", description = "The period is not over yet")
    @Idempotent
    public Response publish(@Valid @NotNull PublishRequest body) {
        List<Problem.FieldError> errors = ReportRequests.errors();
        Period p = requests.period(body.period(), body.calendar(), null, null, errors);
        String province = body.province() == null || body.province().isBlank() ? null
                : body.province().trim().toUpperCase(java.util.Locale.ROOT);
        if (province != null && !units.known(province)) {
            errors.add(Problem.FieldError.of("province", "error.unknown-province", body.province()));
        }
        ReportRequests.check(errors);
        province = publisherScope(province);
        if (!p.end().isBefore(requests.today())) {
            throw new ProblemException(Problem.keyed(422, "period-not-over", "problem.period-not-over.detail", p.key(),
                    p.end().toString()).withErrors(List.of(Problem.FieldError.of("period",
                    "problem.period-not-over.error"))));
        }
        PublicationService.Published published = publications.publish(p, province, requests.today(),
                caller.subject());
        URI location = URI.create("/api/v1/reports/publications/" + published.snapshot().snapshotId());
        return (published.created() ? Response.created(location) : Response.ok().location(location))
                .entity(published.snapshot()).build();
    }

    /**
     * The scope a caller may close: central analysts and administrators the nation only (a province closes its own
     * report), a provincial caller its own province only. Central inspectors read reports; they do not close them.
     */
    private String publisherScope(String province) {
        if (caller.isCentral()) {
            if (province != null) {
                throw ProblemException.keyed(403, "forbidden", "report.forbidden.publish-national-only");
            }
            return null;
        }
        String own = caller.province().orElseThrow(() -> ProblemException.keyed(403, "forbidden",
                "report.forbidden.publish-national"));
        if (province != null && !province.equals(own)) {
            throw ProblemException.keyed(403, "forbidden", "report.forbidden.publish-own-province", own);
        }
        return own;
    }

    @GET
    @RolesAllowed({Roles.CENTRAL_ANALYST, Roles.PLATFORM_ADMIN, Roles.PARTNER, Roles.PROVINCIAL_SYSTEM,
            Roles.INSPECTOR})
    @Operation(operationId = "listPublishedReports", summary = "The published reports the caller may read: national "
            + "ones and every province's for central staff, national ones for partners, a province's own for it")
    public List<PublicationService.Snapshot> list() {
        if (requests.centralStaff()) {
            return publications.list();
        }
        if (caller.hasRole(Roles.PARTNER)) {
            return publications.list(true, List.of());
        }
        return publications.list(false, caller.province().map(List::of).orElse(List.of()));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.CENTRAL_ANALYST, Roles.PLATFORM_ADMIN, Roles.PARTNER, Roles.PROVINCIAL_SYSTEM,
            Roles.INSPECTOR})
    @Operation(operationId = "getPublishedReport", summary = "One published report, national or of a province")
    public PublicationService.Snapshot get(
            @PathParam("id") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) String id) {
        // a report the caller may not read is answered like one that does not exist
        return ReportRequests.found("report.what.published", id, uuid -> publications.get(uuid).filter(this::mayRead));
    }

    private boolean mayRead(PublicationService.Snapshot s) {
        if (requests.centralStaff()) {
            return true;
        }
        if (s.national()) {
            return caller.hasRole(Roles.PARTNER);
        }
        return caller.province().map(s.scopeCode()::equals).orElse(false);
    }
}
