package vn.inspectorate.declarations.declarations;

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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import vn.inspectorate.declarations.access.DeclarationAccess;
import vn.inspectorate.declarations.accesslog.AccessLog;
import vn.inspectorate.declarations.declarations.DeclarationApi.CorrectDeclaration;
import vn.inspectorate.declarations.declarations.DeclarationApi.CreateDeclaration;
import vn.inspectorate.declarations.declarations.DeclarationApi.DeclarationDetail;
import vn.inspectorate.declarations.declarations.DeclarationApi.DeclarationSummary;
import vn.inspectorate.platform.idempotency.IdempotencyKeys;
import vn.inspectorate.platform.problem.Problem.FieldError;
import vn.inspectorate.platform.problem.ProblemException;
import vn.inspectorate.platform.security.Roles;

@Path("/api/v1/declarations")
@Produces(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
public class DeclarationResource {

    /** The header (or query parameter {@code purpose}) stating why a declaration's detail is read. */
    public static final String PURPOSE_HEADER = "X-Access-Purpose";

    private final DeclarationService declarations;
    private final IdempotencyKeys idempotency;
    private final DeclarationAccess access;
    private final AccessLog accessLog;

    DeclarationResource(DeclarationService declarations, IdempotencyKeys idempotency, DeclarationAccess access,
            AccessLog accessLog) {
        this.declarations = declarations;
        this.idempotency = idempotency;
        this.access = access;
        this.accessLog = accessLog;
    }

    /** Records a draft declaration with its items. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ASSET_CONTROLLER, Roles.PROVINCIAL_SYSTEM})
    @Transactional
    public Response create(@Valid @NotNull CreateDeclaration body, @HeaderParam(IdempotencyKeys.HEADER) String key) {
        return idempotency.once(access.caller().subject() + " POST /api/v1/declarations", key, body,
                () -> {
                    var filing = declarations.create(body);
                    return Response.status(filing.created() ? 201 : 200).entity(filing.declaration()).build();
                });
    }

    /** Submits a draft: change analysis, red flags, events. Submitting again returns the submitted declaration. */
    @POST
    @Path("/{id}/submission")
    @RolesAllowed({Roles.ASSET_CONTROLLER, Roles.PROVINCIAL_SYSTEM})
    public DeclarationSummary submit(@PathParam("id") UUID id) {
        return declarations.submit(id);
    }

    /** The one correction of a submitted declaration (not of a verified one). */
    @POST
    @Path("/{id}/correction")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ASSET_CONTROLLER, Roles.PROVINCIAL_SYSTEM})
    @Transactional
    public Response correct(@PathParam("id") UUID id, @Valid @NotNull CorrectDeclaration body,
            @HeaderParam(IdempotencyKeys.HEADER) String key) {
        return idempotency.once(access.caller().subject() + " POST /api/v1/declarations/" + id + "/correction", key,
                body, () -> Response.ok(declarations.correct(id, body)).build());
    }

    @GET
    @RolesAllowed({Roles.ASSET_CONTROLLER, Roles.PROVINCIAL_SYSTEM, Roles.CENTRAL_ANALYST, Roles.PLATFORM_ADMIN})
    public List<DeclarationSummary> list(@QueryParam("agency") String agency, @QueryParam("year") Integer year,
            @QueryParam("declarantId") UUID declarantId) {
        return declarations.list(agency, year, declarantId);
    }

    /** Totals, changes and flags without items or identities; not logged. */
    @GET
    @Path("/{id}/summary")
    @RolesAllowed({Roles.ASSET_CONTROLLER, Roles.PROVINCIAL_SYSTEM, Roles.CENTRAL_ANALYST, Roles.PLATFORM_ADMIN})
    public DeclarationSummary summary(@PathParam("id") UUID id) {
        return declarations.readSummary(id);
    }

    /** The full declaration; each read writes one access-log row with the stated purpose. */
    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.ASSET_CONTROLLER)
    @Transactional
    public DeclarationDetail detail(@PathParam("id") UUID id, @HeaderParam(PURPOSE_HEADER) String purposeHeader,
            @QueryParam("purpose") String purposeQuery) {
        String purpose = purposeHeader != null && !purposeHeader.isBlank() ? purposeHeader : purposeQuery;
        if (purpose == null || purpose.isBlank() || purpose.length() > 500) {
            throw ProblemException.invalid("State why you read this declaration (header " + PURPOSE_HEADER
                    + " or query parameter purpose, at most 500 characters).",
                    List.of(new FieldError("purpose", "required, 1 to 500 characters")));
        }
        Declaration d = declarations.controllable(id);
        accessLog.record(d.id, access.caller().subject(), access.detailRole(), purpose.strip());
        return declarations.detail(d);
    }
}
