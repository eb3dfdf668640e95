package vn.inspectorate.declarations.publication;

import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.UUID;
import vn.inspectorate.platform.security.Roles;

@Path("/api/v1/declarations/{id}/publication")
@Produces(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
public class PublicationResource {

    /** Body of a publication: the day it is posted (today when absent). */
    public record Publish(@PastOrPresent LocalDate publishedOn) {
    }

    private final PublicationService publications;

    PublicationResource(PublicationService publications) {
        this.publications = publications;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ASSET_CONTROLLER)
    public PublicationService.Publication publish(@PathParam("id") UUID id, @jakarta.validation.Valid Publish body) {
        LocalDate on = body == null || body.publishedOn() == null ? LocalDate.now() : body.publishedOn();
        return publications.publish(id, on);
    }
}
