package vn.inspectorate.reporting.rebuild;

import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import vn.inspectorate.platform.idempotency.Idempotent;
import vn.inspectorate.platform.idempotency.IdempotencyKeys;
import vn.inspectorate.platform.security.CallerScope;
import vn.inspectorate.platform.security.Roles;
import vn.inspectorate.reporting.figures.ReportRequests;
import vn.inspectorate.reporting.projection.ProjectionStore;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.headers.Header;

/** Administration of the projections: rebuild from the topics, its progress, and the positions reflected. */
@Path("/api/v1/reports/admin")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PLATFORM_ADMIN)
@RunOnVirtualThread
@Tag(name = "Projection administration", description = "Rebuilding the projections and their positions")
public class RebuildResource {

    private final RebuildService rebuilds;
    private final ProjectionStore store;
    private final CallerScope caller;

    RebuildResource(RebuildService rebuilds, ProjectionStore store, CallerScope caller) {
        this.rebuilds = rebuilds;
        this.store = store;
        this.caller = caller;
    }

    /**
     * Starts a rebuild; poll the returned location for its progress. A retry with the same {@code Idempotency-Key}
     * answers the first response and starts nothing.
     */
    @POST
    @Path("/rebuilds")
    @Operation(operationId = "startProjectionRebuild", summary = "Rebuild the projections from the topics")
    @APIResponse(responseCode = "202", description = "The rebuild started; its progress is at Location",
            headers = @Header(name = "Location", description = "The rebuild's progress",
                    schema = @Schema(type = SchemaType.STRING, format = "uri-reference")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RebuildService.Rebuild.class)))
    @APIResponse(responseCode = "409", description = "A rebuild is already running")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for another request")
    @Idempotent
    public Response start(@Parameter(description = "Makes a retry safe: the same key answers the first response again")
            @Size(max = 200) @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey) {
        RebuildService.Rebuild r = rebuilds.start(caller.subject());
        return Response.accepted(r).location(URI.create("/api/v1/reports/admin/rebuilds/" + r.id())).build();
    }

    @GET
    @Path("/rebuilds/{id}")
    @Operation(operationId = "getProjectionRebuild", summary = "The progress of a rebuild")
    public RebuildService.Rebuild get(
            @PathParam("id") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) String id) {
        return ReportRequests.found("report.what.rebuild", id, rebuilds::get);
    }

    /** The next offset to read per topic partition: every event before it is reflected in the figures. */
    @GET
    @Path("/positions")
    @Operation(operationId = "listProjectionPositions", summary = "The next offset to read per topic partition")
    public List<ProjectionStore.Position> positions() {
        return store.positions();
    }
}
