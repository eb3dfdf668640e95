package vn.inspectorate.declarations.publication;

import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.time.ZonedDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
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
     * The redacted view, open to everyone without a token during the publication period; outside it the declaration
     * is not found. The answer is the same for every caller, so shared caches may keep it, at most until the period
     * ends; a conditional request with the current ETag is answered 304.
     */
    @GET
    @Path("/{id}")
    @PermitAll // no security requirement in the document either: the platform declares none globally
    @Operation(operationId = "getPublicDeclaration", summary = "The redacted view of a published declaration",
            description = "Public: no token. No names, identity numbers, addresses, descriptions or family members' "
                    + "identifiers; cacheable (ETag, Cache-Control).")
    @APIResponse(responseCode = "200", description = "The redacted declaration.",
            headers = {@Header(name = HttpHeaders.ETAG, description = "The view's version.",
                    schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = HttpHeaders.CACHE_CONTROL, description = "public, max-age in seconds.",
                            schema = @Schema(type = SchemaType.STRING))},
            content = @Content(schema = @Schema(implementation = PublicationService.PublicDeclaration.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag in If-None-Match.")
    @APIResponse(responseCode = "404", description = "Not published, or outside its publication period.")
    public Response view(@PathParam("id") UUID id, @Context Request request) {
        ZonedDateTime now = VietnamTime.now().atZoneSameInstant(VietnamTime.ZONE);
        PublicationService.PublicDeclaration view = publications.view(id, now.toLocalDate());
        EntityTag tag = new EntityTag(PublicView.version(view));
        String cache = PublicView.cacheControl(view, now);
        Response.ResponseBuilder unchanged = request.evaluatePreconditions(tag);
        if (unchanged != null) {
            return unchanged.tag(tag).header(HttpHeaders.CACHE_CONTROL, cache).build();
        }
        return Response.ok(view).tag(tag).header(HttpHeaders.CACHE_CONTROL, cache).build();
    }
}
