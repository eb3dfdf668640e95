package vn.inspectorate.declarations.verification;

import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.inspectorate.declarations.verification.VerificationApi.RequestVerification;
import vn.inspectorate.declarations.verification.VerificationApi.VerificationView;
import vn.inspectorate.platform.idempotency.IdempotencyKeys;
import vn.inspectorate.platform.idempotency.Idempotent;
import vn.inspectorate.platform.security.Roles;

/** Verifications of one declaration: the list, and a verification at the request of a competent authority. */
@Path("/api/v1/declarations/{id}/verifications")
@Produces(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
@Tag(name = "Declaration verification", description = "Yearly verification plans, verifications and their "
        + "conclusions.")
public class DeclarationVerificationResource {

    private final VerificationService verifications;

    DeclarationVerificationResource(VerificationService verifications) {
        this.verifications = verifications;
    }

    /** A verification at the request of a competent authority. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ASSET_CONTROLLER)
    @Idempotent
    @Operation(operationId = "requestVerification", summary = "Verify a declaration at a competent authority's request")
    @APIResponse(responseCode = "201", description = "Opened.",
            headers = @Header(name = "Location", description = "The verification's address.",
                    schema = @Schema(type = SchemaType.STRING, format = "uri-reference")),
            content = @Content(schema = @Schema(implementation = VerificationView.class)))
    @APIResponse(responseCode = "404", description = "No such declaration under the caller's control.")
    @APIResponse(responseCode = "409", description = "The declaration is a draft.")
    public Response request(@PathParam("id") UUID id, @Valid @NotNull RequestVerification body,
            @HeaderParam(IdempotencyKeys.HEADER) String key) {
        VerificationView opened = verifications.request(id, body.reason());
        return Response.status(201).entity(opened).location(URI.create("/api/v1/verifications/" + opened.id())).build();
    }

    @GET
    @RolesAllowed(Roles.ASSET_CONTROLLER)
    @Operation(operationId = "listDeclarationVerifications", summary = "The verifications of a declaration")
    @APIResponse(responseCode = "200", description = "Its verifications, possibly none.",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = VerificationView.class)))
    @APIResponse(responseCode = "404", description = "No such declaration under the caller's control.")
    public List<VerificationView> ofDeclaration(@PathParam("id") UUID id) {
        return verifications.ofDeclaration(id);
    }
}
