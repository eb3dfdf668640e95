package vn.inspectorate.declarations.publication;

import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.inspectorate.platform.security.Roles;
import vn.inspectorate.platform.time.VietnamTime;

@Path("/api/v1/public-declarations")
@Produces(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
@Tag(name = "Declaration publication", description = "Publication at the workplace and the redacted public view.")
public class PublicDeclarationResource {

    private final PublicationService publications;

    PublicDeclarationResource(PublicationService publications) {
        this.publications = publications;
    }

    /**
     * The redacted view, readable by every platform role except partners (who get only sanitized aggregates) during
     * the publication period; outside it the declaration is not found.
     */
    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ASSET_CONTROLLER, Roles.INSPECTOR, Roles.PROVINCIAL_SYSTEM, Roles.CENTRAL_ANALYST,
            Roles.PLATFORM_ADMIN})
    @Operation(operationId = "getPublicDeclaration", summary = "The redacted view of a published declaration")
    @APIResponse(responseCode = "200", description = "The redacted declaration.",
            content = @Content(schema = @Schema(implementation = PublicationService.PublicDeclaration.class)))
    @APIResponse(responseCode = "404", description = "Not published, or outside its publication period.")
    public PublicationService.PublicDeclaration view(@PathParam("id") UUID id) {
        return publications.view(id, VietnamTime.today());
    }
}
