package vn.inspectorate.declarations.verification;

import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import vn.inspectorate.declarations.verification.VerificationApi.Conclude;
import vn.inspectorate.declarations.verification.VerificationApi.CreatePlan;
import vn.inspectorate.declarations.verification.VerificationApi.PlanView;
import vn.inspectorate.declarations.verification.VerificationApi.VerificationView;
import vn.inspectorate.platform.security.Roles;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
public class VerificationResource {

    private final VerificationService verifications;

    VerificationResource(VerificationService verifications) {
        this.verifications = verifications;
    }

    /** Draws an agency's yearly plan: at least the dated share at random (seed recorded) plus every high-risk one. */
    @POST
    @Path("/verification-plans")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ASSET_CONTROLLER)
    public Response plan(@Valid @NotNull CreatePlan body) {
        var created = verifications.plan(body);
        return Response.status(created.created() ? 201 : 200).entity(created.plan()).build();
    }

    @GET
    @Path("/verification-plans/{id}")
    @RolesAllowed({Roles.ASSET_CONTROLLER, Roles.CENTRAL_ANALYST, Roles.PLATFORM_ADMIN})
    public PlanView readPlan(@PathParam("id") UUID id) {
        return verifications.readPlan(id);
    }

    @GET
    @Path("/verifications/{id}")
    @RolesAllowed(Roles.ASSET_CONTROLLER)
    public VerificationView read(@PathParam("id") UUID id) {
        return verifications.read(id);
    }

    /** Concludes honest or dishonest; the declaration becomes verified and can no longer be corrected. */
    @POST
    @Path("/verifications/{id}/conclusion")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ASSET_CONTROLLER)
    public VerificationView conclude(@PathParam("id") UUID id, @Valid @NotNull Conclude body) {
        return verifications.conclude(id, body);
    }
}
