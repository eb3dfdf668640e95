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
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.inspectorate.declarations.verification.VerificationApi.Conclude;
import vn.inspectorate.declarations.verification.VerificationApi.CreatePlan;
import vn.inspectorate.declarations.verification.VerificationApi.PlanView;
import vn.inspectorate.declarations.verification.VerificationApi.VerificationView;
import vn.inspectorate.platform.idempotency.Idempotent;
import vn.inspectorate.platform.security.Roles;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
@Tag(name = "Declaration verification", description = "Yearly verification plans, verifications and their "
        + "conclusions.")
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
    @Idempotent
    @Operation(operationId = "createVerificationPlan", summary = "Draw an agency's yearly verification plan")
    @APIResponse(responseCode = "201", description = "Drawn.",
            headers = @Header(name = "Location", description = "The plan's address.",
                    schema = @Schema(type = SchemaType.STRING, format = "uri-reference")),
            content = @Content(schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "200", description = "The agency's plan for the year, asked for again with the same values.",
            content = @Content(schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "409", description = "The agency already has a plan for the year with other values.")
    public Response plan(@Valid @NotNull CreatePlan body) {
        var drawn = verifications.plan(body);
        PlanView plan = drawn.value();
        return drawn.created()
                ? Response.status(201).entity(plan).location(URI.create("/api/v1/verification-plans/" + plan.id())).build()
                : Response.ok(plan).build();
    }

    @GET
    @Path("/verification-plans/{id}")
    @RolesAllowed({Roles.ASSET_CONTROLLER, Roles.CENTRAL_ANALYST, Roles.PLATFORM_ADMIN})
    @Operation(operationId = "getVerificationPlan", summary = "A verification plan with its verifications")
    @APIResponse(responseCode = "200", description = "The plan.",
            content = @Content(schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "404", description = "No such plan in the caller's scope.")
    public PlanView readPlan(@PathParam("id") UUID id) {
        return verifications.readPlan(id);
    }

    @GET
    @Path("/verifications/{id}")
    @RolesAllowed(Roles.ASSET_CONTROLLER)
    @Operation(operationId = "getVerification", summary = "One verification")
    @APIResponse(responseCode = "200", description = "The verification.",
            content = @Content(schema = @Schema(implementation = VerificationView.class)))
    @APIResponse(responseCode = "404", description = "No such verification in the caller's scope.")
    public VerificationView read(@PathParam("id") UUID id) {
        return verifications.read(id);
    }

    /** Concludes honest or dishonest; the declaration becomes verified and can no longer be corrected. */
    @POST
    @Path("/verifications/{id}/conclusion")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ASSET_CONTROLLER)
    @Idempotent
    @Operation(operationId = "concludeVerification", summary = "Conclude a verification honest or dishonest",
            description = "The declaration becomes verified and can no longer be corrected.")
    @APIResponse(responseCode = "200", description = "Concluded.",
            content = @Content(schema = @Schema(implementation = VerificationView.class)))
    @APIResponse(responseCode = "404", description = "No such verification in the caller's scope.")
    @APIResponse(responseCode = "409", description = "Already concluded.")
    public Response conclude(@PathParam("id") UUID id, @Valid @NotNull Conclude body) {
        return Response.ok(verifications.conclude(id, body)).build();
    }
}
