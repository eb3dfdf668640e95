package vn.inspectorate.declarations.declarants;

import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.transaction.Transactional;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.inspectorate.declarations.accesslog.ReadPurpose;
import vn.inspectorate.declarations.declarants.DeclarantApi.DeclarantDetail;
import vn.inspectorate.declarations.declarants.DeclarantApi.DeclarantSummary;
import vn.inspectorate.declarations.declarants.DeclarantApi.RegisterDeclarant;
import vn.inspectorate.platform.idempotency.IdempotencyKeys;
import vn.inspectorate.platform.idempotency.Idempotent;
import vn.inspectorate.platform.paging.Page;
import vn.inspectorate.platform.paging.PageRequest;
import vn.inspectorate.platform.security.Roles;

@Path("/api/v1/declarants")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
@Tag(name = "Declarants", description = "Officials who declare assets and income, and their family members.")
public class DeclarantResource {

    private final DeclarantService declarants;

    DeclarantResource(DeclarantService declarants) {
        this.declarants = declarants;
    }

    /**
     * Registers a declarant with the agency; registering the same citizen id with it again returns the first
     * registration (200). A person another agency holds is registered the same way; the move is confirmed centrally.
     */
    @POST
    @RolesAllowed({Roles.ASSET_CONTROLLER, Roles.PROVINCIAL_SYSTEM})
    @Idempotent
    @Operation(operationId = "registerDeclarant", summary = "Register a declarant",
            description = "The agency and the citizen identity number are the natural key: registering it again with "
                    + "the same agency answers the first registration. Whether another agency holds the person is not "
                    + "told: the registration is this agency's own, and central controllers confirm the move between "
                    + "agencies (declarant transfers).")
    @APIResponse(responseCode = "201", description = "Registered.",
            headers = @Header(name = "Location", description = "The declarant's address.",
                    schema = @Schema(type = SchemaType.STRING, format = "uri-reference")),
            content = @Content(schema = @Schema(implementation = DeclarantSummary.class)))
    @APIResponse(responseCode = "200", description = "Already registered with this agency: the first registration.",
            content = @Content(schema = @Schema(implementation = DeclarantSummary.class)))
    @APIResponse(responseCode = "409", description = "Registered with this agency with other details.")
    public Response register(@Valid @NotNull RegisterDeclarant body,
            @HeaderParam(IdempotencyKeys.HEADER) String key) {
        var registered = declarants.register(body);
        return registered.response(v -> "/api/v1/declarants/" + v.id());
    }

    /**
     * The identities go only to a controller of the declarant's agency or province who states why they are read; each
     * such read writes one access-log row, as a declaration's detail read does. Without a purpose, the summary.
     */
    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ASSET_CONTROLLER, Roles.PROVINCIAL_SYSTEM, Roles.CENTRAL_ANALYST, Roles.PLATFORM_ADMIN})
    @Transactional // a read that writes its access-log row: not a retried write, so no Idempotency-Key
    @Operation(operationId = "getDeclarant", summary = "One declarant",
            description = "A controller of the declarant's agency or province who states a purpose in the header "
                    + ReadPurpose.HEADER + " or the query parameter purpose gets the identities, and the read writes "
                    + "one access-log row; everyone else, and a controller stating no purpose, gets the summary.")
    @APIResponse(responseCode = "200", description = "The declarant's detail or summary.", content = @Content(
            schema = @Schema(anyOf = {DeclarantDetail.class, DeclarantSummary.class})))
    @APIResponse(responseCode = "404", description = "No such declarant in the caller's scope.")
    public Object read(@PathParam("id") UUID id,
            @HeaderParam(ReadPurpose.HEADER) @Parameter(description = "Why the identities are read (or the query "
                    + "parameter purpose).", schema = @Schema(type = SchemaType.STRING,
                    maxLength = ReadPurpose.MAX_LENGTH))
            String purposeHeader,
            @QueryParam(ReadPurpose.PARAMETER) @Parameter(description = "Why the identities are read, when the header "
                    + "is absent.") @Size(max = ReadPurpose.MAX_LENGTH) String purpose) {
        return declarants.read(id, ReadPurpose.stated(purposeHeader, purpose, "read.declarant-identity"));
    }

    @GET
    @RolesAllowed({Roles.ASSET_CONTROLLER, Roles.PROVINCIAL_SYSTEM, Roles.CENTRAL_ANALYST, Roles.PLATFORM_ADMIN})
    @Operation(operationId = "listDeclarants", summary = "Declarants in the caller's scope by agency, a page at a "
            + "time (follow `next` or the `Link: rel=\"next\"` header)")
    public Page<DeclarantSummary> list(
            @QueryParam("agency") @Pattern(regexp = DeclarantApi.CODE_PATTERN, message = "{declarations.agency-code}")
            String agency,
            @QueryParam("province")
            @Pattern(regexp = DeclarantApi.PROVINCE_PATTERN, message = "{declarations.province-code}")
            String province,
            @QueryParam(PageRequest.SIZE) @Min(1) @Max(PageRequest.MAX_SIZE) Integer size,
            @QueryParam(PageRequest.AFTER) @Size(max = 2048) String after) {
        PageRequest page = PageRequest.of(size, after, "declarants;agency=" + agency + ";province=" + province, 2);
        return declarants.list(agency, province, page);
    }
}
