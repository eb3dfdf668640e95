package vn.inspectorate.declarations.deadlines;

import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
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
import vn.inspectorate.declarations.access.DeclarationAccess;
import vn.inspectorate.declarations.deadlines.DeadlineApi.RecordReminder;
import vn.inspectorate.platform.idempotency.IdempotencyKeys;
import vn.inspectorate.platform.security.Roles;

@Path("/api/v1/declarants/{id}/reminders")
@Produces(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
public class ReminderResource {

    private final DeadlineService deadlines;
    private final IdempotencyKeys idempotency;
    private final DeclarationAccess access;

    ReminderResource(DeadlineService deadlines, IdempotencyKeys idempotency, DeclarationAccess access) {
        this.deadlines = deadlines;
        this.idempotency = idempotency;
        this.access = access;
    }

    /** Records a written reminder; once the dated number of reminders was sent, the next record is a violation. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ASSET_CONTROLLER)
    @Transactional
    public Response remind(@PathParam("id") UUID id, @Valid @NotNull RecordReminder body,
            @HeaderParam(IdempotencyKeys.HEADER) String key) {
        return idempotency.once(access.caller().subject() + " POST /api/v1/declarants/" + id + "/reminders", key, body,
                () -> Response.status(201).entity(deadlines.remind(id, body)).build());
    }
}
