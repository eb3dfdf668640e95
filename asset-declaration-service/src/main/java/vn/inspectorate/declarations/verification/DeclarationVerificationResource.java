package vn.inspectorate.declarations.verification;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import vn.inspectorate.declarations.access.DeclarationAccess;
import vn.inspectorate.declarations.verification.VerificationApi.RequestVerification;
import vn.inspectorate.declarations.verification.VerificationApi.VerificationView;
import vn.inspectorate.platform.idempotency.IdempotencyKeys;
import vn.inspectorate.platform.security.Roles;

/** Verifications of one declaration: the list, and a verification at the request of a competent authority. */
@Path("/api/v1/declarations/{id}/verifications")
@Produces(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
public class DeclarationVerificationResource {

    private final VerificationService verifications;
    private final IdempotencyKeys idempotency;
    private final DeclarationAccess access;

    DeclarationVerificationResource(VerificationService verifications, IdempotencyKeys idempotency,
            DeclarationAccess access) {
        this.verifications = verifications;
        this.idempotency = idempotency;
        this.access = access;
    }

    /** A verification at the request of a competent authority. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ASSET_CONTROLLER)
    @Transactional
    public Response request(@PathParam("id") UUID id, @Valid @NotNull RequestVerification body,
            @HeaderParam(IdempotencyKeys.HEADER) String key) {
        return idempotency.once(access.caller().subject() + " POST /api/v1/declarations/" + id + "/verifications", key,
                body, () -> Response.status(201).entity(verifications.request(id, body.reason())).build());
    }

    @GET
    @RolesAllowed(Roles.ASSET_CONTROLLER)
    public List<VerificationView> ofDeclaration(@PathParam("id") UUID id) {
        return verifications.ofDeclaration(id);
    }
}
