package vn.inspectorate.declarations.declarations;

import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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
import java.net.URI;
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
import vn.inspectorate.declarations.access.DeclarationAccess;
import vn.inspectorate.declarations.accesslog.AccessLog;
import vn.inspectorate.declarations.accesslog.ReadPurpose;
import vn.inspectorate.declarations.declarants.DeclarantApi;
import vn.inspectorate.declarations.declarations.DeclarationApi.CorrectDeclaration;
import vn.inspectorate.declarations.declarations.DeclarationApi.CreateDeclaration;
import vn.inspectorate.declarations.declarations.DeclarationApi.DeclarationDetail;
import vn.inspectorate.declarations.declarations.DeclarationApi.DeclarationSummary;
import vn.inspectorate.platform.idempotency.IdempotencyKeys;
import vn.inspectorate.platform.idempotency.Idempotent;
import vn.inspectorate.platform.paging.Page;
import vn.inspectorate.platform.paging.PageRequest;
import vn.inspectorate.platform.problem.Problem.FieldError;
import vn.inspectorate.platform.security.CallerScope;
import vn.inspectorate.platform.security.Roles;

@Path("/api/v1/declarations")
@Produces(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
@Tag(name = "Declarations", description = "Asset and income declarations: drafts, submission, the one correction, "
        + "summaries and the logged detail.")
public class DeclarationResource {

    /** The header (or query parameter {@code purpose}) stating why a declaration's detail is read. */
    public static final String PURPOSE_HEADER = ReadPurpose.HEADER;
    private static final int MAX_PURPOSE = ReadPurpose.MAX_LENGTH;

    private final DeclarationService declarations;
    private final DeclarationAccess access;
    private final AccessLog accessLog;
    private final CallerScope caller;

    DeclarationResource(DeclarationService declarations, DeclarationAccess access, AccessLog accessLog,
            CallerScope caller) {
        this.declarations = declarations;
        this.access = access;
        this.accessLog = accessLog;
        this.caller = caller;
    }

    /** Records a draft declaration with its items. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ASSET_CONTROLLER, Roles.PROVINCIAL_SYSTEM})
    @Idempotent
    @Operation(operationId = "createDeclaration", summary = "Record a draft declaration with its items")
    @APIResponse(responseCode = "201", description = "Recorded as a draft.",
            headers = @Header(name = "Location", description = "The declaration's address.",
                    schema = @Schema(type = SchemaType.STRING, format = "uri-reference")),
            content = @Content(schema = @Schema(implementation = DeclarationSummary.class)))
    @APIResponse(responseCode = "404", description = "No such declarant in the caller's scope.")
    @APIResponse(responseCode = "200", description = "The declarant's annual declaration for the year, sent again with the same values.",
            content = @Content(schema = @Schema(implementation = DeclarationSummary.class)))
    @APIResponse(responseCode = "409", description = "The declarant already has an annual declaration for the year with other values.")
    @APIResponse(responseCode = "422", description = "A year after the declaration date, or invalid items.")
    public Response create(@Valid @NotNull CreateDeclaration body, @HeaderParam(IdempotencyKeys.HEADER) String key) {
        var filing = declarations.create(body);
        DeclarationSummary declaration = filing.value();
        return filing.created()
                ? Response.status(201).entity(declaration)
                        .location(URI.create("/api/v1/declarations/" + declaration.id())).build()
                : Response.ok(declaration).build();
    }

    /** Submits a draft: change analysis, red flags, events. Submitting again returns the submitted declaration. */
    @POST
    @Path("/{id}/submission")
    @RolesAllowed({Roles.ASSET_CONTROLLER, Roles.PROVINCIAL_SYSTEM})
    @Operation(operationId = "submitDeclaration", summary = "Submit a draft declaration",
            description = "Totals, change against the previous declaration, red flags and events. Submitting again "
                    + "changes nothing and answers the submitted declaration.")
    @APIResponse(responseCode = "200", description = "Submitted, or already submitted.",
            content = @Content(schema = @Schema(implementation = DeclarationSummary.class)))
    @APIResponse(responseCode = "404", description = "No such declaration in the caller's scope.")
    @Idempotent
    public Response submit(@PathParam("id") UUID id) {
        // no Idempotency-Key: submitting again is itself harmless; @Idempotent gives the write its transaction
        return Response.ok(declarations.submit(id)).build();
    }

    /** The one correction of a submitted declaration (not of a verified one). */
    @POST
    @Path("/{id}/correction")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ASSET_CONTROLLER, Roles.PROVINCIAL_SYSTEM})
    @Idempotent
    @Operation(operationId = "correctDeclaration", summary = "The one correction of a submitted declaration",
            description = "A full replacement of its items.")
    @APIResponse(responseCode = "200", description = "Corrected.",
            content = @Content(schema = @Schema(implementation = DeclarationSummary.class)))
    @APIResponse(responseCode = "404", description = "No such declaration in the caller's scope.")
    @APIResponse(responseCode = "409", description = "A draft, already corrected, or verified.")
    @APIResponse(responseCode = "422", description = "Invalid items.")
    public Response correct(@PathParam("id") UUID id, @Valid @NotNull CorrectDeclaration body,
            @HeaderParam(IdempotencyKeys.HEADER) String key) {
        return Response.ok(declarations.correct(id, body)).build();
    }

    @GET
    @RolesAllowed({Roles.ASSET_CONTROLLER, Roles.PROVINCIAL_SYSTEM, Roles.CENTRAL_ANALYST, Roles.PLATFORM_ADMIN})
    @Operation(operationId = "listDeclarations", summary = "Declaration summaries in the caller's scope, latest "
            + "first, a page at a time (follow `next` or the `Link: rel=\"next\"` header)")
    public Page<DeclarationSummary> list(
            @QueryParam("agency") @Pattern(regexp = DeclarantApi.CODE_PATTERN, message = "{declarations.agency-code}")
            String agency,
            @QueryParam("year") @Min(2000) @Max(2100) Integer year, @QueryParam("declarantId") UUID declarantId,
            @QueryParam(PageRequest.SIZE) @Min(1) @Max(PageRequest.MAX_SIZE) Integer size,
            @QueryParam(PageRequest.AFTER) @Size(max = 2048) String after) {
        PageRequest page = PageRequest.of(size, after, "declarations;agency=" + agency + ";year=" + year
                + ";declarant=" + declarantId, 2);
        return declarations.list(agency, year, declarantId, page);
    }

    /** Totals, changes and flags without items or identities; not logged. */
    @GET
    @Path("/{id}/summary")
    @RolesAllowed({Roles.ASSET_CONTROLLER, Roles.PROVINCIAL_SYSTEM, Roles.CENTRAL_ANALYST, Roles.PLATFORM_ADMIN})
    @Operation(operationId = "getDeclarationSummary", summary = "Totals, changes and flags of a declaration")
    @APIResponse(responseCode = "200", description = "The summary.",
            content = @Content(schema = @Schema(implementation = DeclarationSummary.class)))
    @APIResponse(responseCode = "404", description = "No such declaration in the caller's scope.")
    public DeclarationSummary summary(@PathParam("id") UUID id) {
        return declarations.readSummary(id);
    }

    /** The full declaration; each read writes one access-log row with the stated purpose. */
    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.ASSET_CONTROLLER)
    @Transactional // a read that writes its access-log row: not a retried write, so no Idempotency-Key
    @Operation(operationId = "getDeclaration", summary = "The full declaration, for controllers",
            description = "States its purpose in the header " + PURPOSE_HEADER + " or the query parameter purpose; "
                    + "each read writes one access-log row.")
    @APIResponse(responseCode = "200", description = "The declaration.",
            content = @Content(schema = @Schema(implementation = DeclarationDetail.class)))
    @APIResponse(responseCode = "404", description = "No such declaration under the caller's control.")
    public DeclarationDetail detail(@PathParam("id") UUID id,
            @HeaderParam(PURPOSE_HEADER) @Parameter(description = "Why the declaration is read (or the query "
                    + "parameter purpose).", schema = @Schema(type = SchemaType.STRING, maxLength = MAX_PURPOSE))
            String purposeHeader,
            @QueryParam("purpose") @Parameter(description = "Why the declaration is read, when the header is absent.")
            @Size(max = MAX_PURPOSE) String purpose) {
        String stated = ReadPurpose.required(purposeHeader, purpose, "read.declaration");
        Declaration d = declarations.controllable(id);
        accessLog.record(d.id, caller.subject(), access.detailRole(), stated);
        return declarations.detail(d);
    }
}
