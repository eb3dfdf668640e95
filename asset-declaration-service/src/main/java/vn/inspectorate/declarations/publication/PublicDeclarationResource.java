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
import vn.inspectorate.platform.security.Roles;

@Path("/api/v1/public-declarations")
@Produces(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
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
    public PublicationService.PublicDeclaration view(@PathParam("id") UUID id) {
        return publications.view(id, LocalDate.now());
    }
}
