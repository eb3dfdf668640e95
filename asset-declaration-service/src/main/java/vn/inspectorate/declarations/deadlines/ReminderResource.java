package vn.inspectorate.declarations.deadlines;

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
import vn.inspectorate.declarations.deadlines.DeadlineApi.RecordReminder;
import vn.inspectorate.platform.idempotency.IdempotencyKeys;
import vn.inspectorate.platform.idempotency.Idempotent;
import vn.inspectorate.platform.security.Roles;

@Path("/api/v1/declarants/{id}/reminders")
@Produces(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
@Tag(name = "Declaration deadlines", description = "Missing and late declarations, reminders and violations.")
public class ReminderResource {

    private final DeadlineService deadlines;

    ReminderResource(DeadlineService deadlines) {
        this.deadlines = deadlines;
    }

    /** Records a written reminder; once the dated number of reminders was sent, the next record is a violation. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ASSET_CONTROLLER)
    @Idempotent
    @Operation(operationId = "recordDeclarationReminder", summary = "Record a written reminder to a declarant",
            description = "Once the dated number of reminders was sent, the next record is a violation.")
    @APIResponse(responseCode = "201", description = "Recorded as a reminder or a violation.",
            content = @Content(schema = @Schema(implementation = DeadlineApi.Reminder.class)))
    @APIResponse(responseCode = "404", description = "No such declarant in the caller's scope.")
    @APIResponse(responseCode = "409", description = "The declaration was filed, or a violation is already recorded.")
    @APIResponse(responseCode = "422", description = "The declaration is not overdue yet.")
    public Response remind(@PathParam("id") UUID id, @Valid @NotNull RecordReminder body,
            @HeaderParam(IdempotencyKeys.HEADER) String key) {
        return Response.status(201).entity(deadlines.remind(id, body)).build();
    }
}
