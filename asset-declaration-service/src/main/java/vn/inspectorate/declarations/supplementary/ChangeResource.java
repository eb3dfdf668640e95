package vn.inspectorate.declarations.supplementary;

import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.inspectorate.declarations.supplementary.ChangeApi.Change;
import vn.inspectorate.declarations.supplementary.ChangeApi.RecordChange;
import vn.inspectorate.platform.idempotency.IdempotencyKeys;
import vn.inspectorate.platform.idempotency.Idempotent;
import vn.inspectorate.platform.security.Roles;

@Path("/api/v1/declarants/{id}/changes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
@Tag(name = "Supplementary declarations", description = "Job changes and increases that make a supplementary "
        + "declaration due, and what is due.")
public class ChangeResource {

    private final SupplementaryService supplementary;

    ChangeResource(SupplementaryService supplementary) {
        this.supplementary = supplementary;
    }

    @POST
    @RolesAllowed({Roles.ASSET_CONTROLLER, Roles.PROVINCIAL_SYSTEM})
    @Idempotent
    @Operation(operationId = "recordDeclarantChange", summary = "Record a job change or an increase of assets or income",
            description = "A job change, or an increase at or above the threshold in force on its day (300 million "
                    + "VND, 1 billion from 2026-07-01), makes a supplementary declaration due by the year's deadline, "
                    + "unless the declarant declares annually. The same change again answers the first record.")
    @APIResponse(responseCode = "201", description = "Recorded; whether a supplementary declaration is due, by when.",
            content = @Content(schema = @Schema(implementation = Change.class)))
    @APIResponse(responseCode = "200", description = "Already recorded: the first record.",
            content = @Content(schema = @Schema(implementation = Change.class)))
    @APIResponse(responseCode = "404", description = "No such declarant for which the caller files.")
    @APIResponse(responseCode = "409", description = "A different change of the same kind is recorded for that day.")
    public Response record(@PathParam("id") UUID id, @Valid @NotNull RecordChange body,
            @HeaderParam(IdempotencyKeys.HEADER) String key) {
        return supplementary.record(id, body).response(c -> "/api/v1/declarants/" + id + "/changes/" + c.id());
    }
}
