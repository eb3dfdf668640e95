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
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.inspectorate.platform.idempotency.Idempotent;
import vn.inspectorate.platform.security.Roles;
import vn.inspectorate.platform.time.VietnamTime;

@Path("/api/v1/declarations/{id}/publication")
@Produces(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
@Tag(name = "Declaration publication", description = "Publication at the workplace and the redacted public view.")
public class PublicationResource {

    /** Body of a publication: the day it is posted (today when absent); the body itself is required. */
    @Schema(name = "DeclarationPublish")
    public record Publish(@PastOrPresent LocalDate publishedOn) {
    }

    private final PublicationService publications;

    PublicationResource(PublicationService publications) {
        this.publications = publications;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ASSET_CONTROLLER)
    @Idempotent
    @Operation(operationId = "publishDeclaration", summary = "Publish a filed declaration for the dated period",
            description = "Posted today when `publishedOn` is absent; the body is a JSON object, `{}` at least.")
    @APIResponse(responseCode = "200", description = "Published; the period it is visible.",
            content = @Content(schema = @Schema(implementation = PublicationService.Publication.class)))
    @APIResponse(responseCode = "404", description = "No such declaration under the caller's control.")
    @APIResponse(responseCode = "409", description = "The declaration is a draft.")
    @APIResponse(responseCode = "422", description = "Published before it was declared.")
    public Response publish(@PathParam("id") UUID id, @jakarta.validation.Valid
            @jakarta.validation.constraints.NotNull Publish body) {
        LocalDate on = body.publishedOn() == null ? VietnamTime.today() : body.publishedOn();
        return Response.ok(publications.publish(id, on)).build();
    }
}
