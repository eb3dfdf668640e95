package vn.inspectorate.declarations.declarants;

import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import vn.inspectorate.declarations.declarants.DeclarantApi.DeclarantSummary;
import vn.inspectorate.declarations.declarants.DeclarantApi.RegisterDeclarant;
import vn.inspectorate.platform.idempotency.IdempotencyKeys;
import vn.inspectorate.platform.security.CallerScope;
import vn.inspectorate.platform.security.Roles;

@Path("/api/v1/declarants")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
public class DeclarantResource {

    private final DeclarantService declarants;
    private final IdempotencyKeys idempotency;
    private final CallerScope caller;

    DeclarantResource(DeclarantService declarants, IdempotencyKeys idempotency, CallerScope caller) {
        this.declarants = declarants;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    /** Registers a declarant; registering the same citizen id again returns the first registration (200). */
    @POST
    @RolesAllowed({Roles.ASSET_CONTROLLER, Roles.PROVINCIAL_SYSTEM})
    @Transactional
    public Response register(@Valid @NotNull RegisterDeclarant body,
            @HeaderParam(IdempotencyKeys.HEADER) String key) {
        return idempotency.once(caller.subject() + " POST /api/v1/declarants", key, body, () -> {
            var r = declarants.register(body);
            return Response.status(r.created() ? 201 : 200).entity(r.declarant()).build();
        });
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ASSET_CONTROLLER, Roles.PROVINCIAL_SYSTEM, Roles.CENTRAL_ANALYST, Roles.PLATFORM_ADMIN})
    public Object read(@PathParam("id") UUID id) {
        return declarants.read(id);
    }

    @GET
    @RolesAllowed({Roles.ASSET_CONTROLLER, Roles.PROVINCIAL_SYSTEM, Roles.CENTRAL_ANALYST, Roles.PLATFORM_ADMIN})
    public List<DeclarantSummary> list(@QueryParam("agency") String agency, @QueryParam("province") String province) {
        return declarants.list(agency, province);
    }
}
