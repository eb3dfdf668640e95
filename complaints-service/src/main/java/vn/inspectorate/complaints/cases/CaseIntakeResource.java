package vn.inspectorate.complaints.cases;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import vn.inspectorate.platform.idempotency.Idempotent;
import vn.inspectorate.platform.idempotency.IdempotencyKeys;
import vn.inspectorate.platform.language.Languages;
import vn.inspectorate.platform.naturalkey.NaturalKeyMatch;
import vn.inspectorate.platform.problem.ProblemException;
import vn.inspectorate.platform.security.CallerScope;
import vn.inspectorate.platform.security.Roles;

/**
 * Provincial systems post cases, one at a time or in batches; retries are answered with the original case. This
 * service's resources run on worker threads, not virtual ones: intake measured half as fast on virtual threads (see
 * docs/service-shape.md).
 */
@Path("/api/v1")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PROVINCIAL_SYSTEM)
@Tag(name = "Case intake", description = "Provincial systems file cases, one at a time or in batches")
public class CaseIntakeResource {

    private final CaseIntakeService intake;
    private final CaseViews views;
    private final CallerScope caller;

    CaseIntakeResource(CaseIntakeService intake, CaseViews views,
            CallerScope caller) {
        this.intake = intake;
        this.views = views;
        this.caller = caller;
    }

    /** 201 with the new case, or 200 with the case this source reference already created. */
    @POST
    @Path("cases")
    @Idempotent
    @Operation(operationId = "fileCase", summary = "File a case")
    @APIResponse(responseCode = "201", description = "The case was filed",
            headers = @Header(name = "Location", description = "The new case",
                    schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
                            format = "uri-reference")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "200", description = "This source reference already filed this case: the case as it is",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "409", description = "This source reference already filed a different case")
    @APIResponse(responseCode = "422", description = "The case cannot be filed as sent (e.g. the reopened case is unknown)")
    public Response create(@Valid @NotNull CaseSubmission body,
            @Parameter(description = "Makes a retry safe: the same key answers the first response again")
            @Size(max = 200) @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey) {
        String province = callerProvince();
        return switch (intake.fileOne(body, province, caller.subject())) {
            case IntakeOutcome.Filed filed when filed.written().created() ->
                    Response.created(URI.create("/api/v1/cases/" + filed.created().id))
                            .entity(views.ofNew(filed.created(), filed.likelyDuplicates())).build();
            case IntakeOutcome.Filed filed ->
                    Response.ok(views.of(CitizenCase.findById(filed.written().value()))).build();
            case IntakeOutcome.Conflict conflict -> throw new ProblemException(NaturalKeyMatch.problemKeyed(
                    "case.natural-key", conflict.existingId(), conflict.differingFields()));
            case IntakeOutcome.Rejected rejected -> throw rejected.status() == 403
                    ? ProblemException.keyed(403, "forbidden", rejected.errors().get(0).text().key(),
                            rejected.errors().get(0).text().args())
                    : ProblemException.unprocessable("invalid-case", rejected.errors(), "intake.invalid");
        };
    }

    /** Also answers {@code POST /api/v1/cases:batch} (see {@link BatchPathAlias}). */
    @POST
    @Path("cases/batch")
    @Idempotent
    @Operation(operationId = "fileCaseBatch", summary = "File up to 1,000 cases, each answered on its own",
            description = "Also answers POST /api/v1/cases:batch.")
    @APIResponse(responseCode = "200", description = "One result per submitted case, in order",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = BatchResult.class)))
    public Response batch(@Valid @NotNull BatchSubmission body,
            @Parameter(description = "Makes a retry safe: the same key answers the first response again")
            @Size(max = 200) @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
            @Context HttpHeaders headers) {
        String province = callerProvince();
        // the refused items' field messages sit inside the result: written in the request's language
        Locale language = Languages.negotiate(headers.getHeaderString(Languages.ACCEPT_LANGUAGE));
        return Response.ok(intake.file(body.cases(), province, caller.subject(), body.history()).localized(language))
                .header(Languages.CONTENT_LANGUAGE, Languages.tag(language))
                .header(Languages.VARY, Languages.ACCEPT_LANGUAGE).build();
    }

    private String callerProvince() {
        return caller.province().orElseThrow(() ->
                ProblemException.keyed(403, "forbidden", "access.no-province-claim"));
    }
}
