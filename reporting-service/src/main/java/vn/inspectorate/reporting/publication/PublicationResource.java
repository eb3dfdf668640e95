package vn.inspectorate.reporting.publication;

import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import vn.inspectorate.platform.idempotency.Idempotent;
import vn.inspectorate.platform.paging.Page;
import vn.inspectorate.platform.paging.PageRequest;
import vn.inspectorate.platform.problem.Problem;
import vn.inspectorate.platform.problem.ProblemException;
import vn.inspectorate.platform.security.CallerScope;
import vn.inspectorate.platform.security.Roles;
import vn.inspectorate.reporting.figures.ReportRequests;
import vn.inspectorate.reporting.periods.Period;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.headers.Header;

/** Publication of national reports: close a period (frozen snapshot + {@code report.published}) and read snapshots. */
@Path("/api/v1/reports/publications")
@Produces(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
@Tag(name = "Report publication", description = "Closing periods and their frozen national reports")
public class PublicationResource {

    /** Closing a period: {@code period} as {@code YYYY-MM}, {@code YYYY-Qn}, {@code YYYY-Hn} or {@code YYYY}. */
    @Schema(name = "ReportPublishRequest")
    public record PublishRequest(@NotBlank @Size(max = 32) String period,
            @Schema(nullable = true, enumeration = {"calendar", "sector"}) @Size(max = 16) String calendar) {
    }

    private final PublicationService publications;
    private final ReportRequests requests;
    private final CallerScope caller;

    PublicationResource(PublicationService publications, ReportRequests requests, CallerScope caller) {
        this.publications = publications;
        this.requests = requests;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CENTRAL_ANALYST, Roles.PLATFORM_ADMIN})
    @Operation(operationId = "publishReport", summary = "Close a period: freeze its national report and announce it")
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
    @APIResponse(responseCode = "409", description = "A rebuild of the projections is running")
    @APIResponse(responseCode = "422", description = "The period is not over yet")
    @Idempotent
    public Response publish(@Valid @NotNull PublishRequest body) {
        List<Problem.FieldError> errors = ReportRequests.errors();
        Period p = requests.period(body.period(), body.calendar(), null, null, errors);
        ReportRequests.check(errors);
        if (!p.end().isBefore(requests.today())) {
            throw ProblemException.unprocessable("period-not-over", "The period " + p.key() + " ends on " + p.end()
                    + "; it can be closed from the day after.",
                    List.of(new Problem.FieldError("period", "not over yet")));
        }
        PublicationService.Published published = publications.publish(p, requests.today(), caller.subject());
        URI location = URI.create("/api/v1/reports/publications/" + published.snapshot().snapshotId());
        return (published.created() ? Response.created(location) : Response.ok().location(location))
                .entity(published.snapshot()).build();
    }

    @GET
    @RolesAllowed({Roles.CENTRAL_ANALYST, Roles.PLATFORM_ADMIN, Roles.PARTNER})
    @Operation(operationId = "listPublishedReports", summary = "The published national reports, newest first, a page "
            + "at a time")
    public Page<PublicationService.Snapshot> list(
            @QueryParam(PageRequest.SIZE) @Min(1) @Max(PageRequest.MAX_SIZE) Integer size,
            @QueryParam(PageRequest.AFTER) @Size(max = 2048) String after) {
        return publications.list(PageRequest.of(size, after, "publications", 2));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.CENTRAL_ANALYST, Roles.PLATFORM_ADMIN, Roles.PARTNER})
    @Operation(operationId = "getPublishedReport", summary = "One published national report")
    public PublicationService.Snapshot get(
            @PathParam("id") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) String id) {
        return ReportRequests.found("Published report", id, publications::get);
    }
}
