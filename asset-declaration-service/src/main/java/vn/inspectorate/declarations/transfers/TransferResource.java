package vn.inspectorate.declarations.transfers;

import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.inspectorate.declarations.transfers.TransferApi.Confirm;
import vn.inspectorate.declarations.transfers.TransferApi.State;
import vn.inspectorate.declarations.transfers.TransferApi.Transfer;
import vn.inspectorate.platform.idempotency.IdempotencyKeys;
import vn.inspectorate.platform.idempotency.Idempotent;
import vn.inspectorate.platform.paging.Page;
import vn.inspectorate.platform.paging.PageRequest;
import vn.inspectorate.platform.security.Roles;

/** Central controllers' review of people registered by a second agency, and the confirmation of their moves. */
@Path("/api/v1/declarants/transfers")
@Produces(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
@Tag(name = "Declarant transfers", description = "Moves of declarants between agencies, confirmed centrally.")
public class TransferResource {

    private final TransferService transfers;

    TransferResource(TransferService transfers) {
        this.transfers = transfers;
    }

    @GET
    @RolesAllowed(Roles.ASSET_CONTROLLER)
    @Operation(operationId = "listDeclarantTransfers", summary = "Transfers between agencies, oldest first, a page "
            + "at a time",
            description = "Central controllers only. Pending: a person registered by an agency while another holds "
                    + "them; ids and agency codes only.")
    public Page<Transfer> list(@QueryParam("state") State state,
            @QueryParam(PageRequest.SIZE) @Min(1) @Max(PageRequest.MAX_SIZE) Integer size,
            @QueryParam(PageRequest.AFTER) @Size(max = 2048) String after) {
        return transfers.list(state, PageRequest.of(size, after, "declarant-transfers;" + state, 2));
    }

    @POST
    @Path("/{id}/confirmation")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ASSET_CONTROLLER)
    @Idempotent
    @Operation(operationId = "confirmDeclarantTransfer", summary = "Confirm that a person moved between agencies",
            description = "Central controllers only; recorded with who confirmed it and when. The move is a job change "
                    + "of the new registration.")
    @APIResponse(responseCode = "200", description = "Confirmed (or already confirmed on that day).",
            content = @Content(schema = @Schema(implementation = Transfer.class)))
    @APIResponse(responseCode = "403", description = "Not a central controller.")
    @APIResponse(responseCode = "404", description = "No such transfer.")
    @APIResponse(responseCode = "409", description = "Confirmed on another day, or the person already moved on.")
    public Response confirm(@PathParam("id") UUID id, @Valid @NotNull Confirm body,
            @HeaderParam(IdempotencyKeys.HEADER) String key) {
        return Response.ok(transfers.confirm(id, body).value()).build();
    }
}
