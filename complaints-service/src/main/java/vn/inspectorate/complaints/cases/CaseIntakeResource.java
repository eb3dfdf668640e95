package vn.inspectorate.complaints.cases;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import vn.inspectorate.platform.idempotency.IdempotencyKeys;
import vn.inspectorate.platform.naturalkey.NaturalKeyMatch;
import vn.inspectorate.platform.problem.ProblemException;
import vn.inspectorate.platform.security.CallerScope;
import vn.inspectorate.platform.security.Roles;

/** Provincial systems post cases, one at a time or in batches; retries are answered with the original case. */
@Path("/api/v1")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PROVINCIAL_SYSTEM)
public class CaseIntakeResource {

    private final CaseIntakeService intake;
    private final CaseBatchIntake batches;
    private final CaseViews views;
    private final IdempotencyKeys idempotency;
    private final CallerScope caller;

    CaseIntakeResource(CaseIntakeService intake, CaseBatchIntake batches, CaseViews views,
            IdempotencyKeys idempotency, CallerScope caller) {
        this.intake = intake;
        this.batches = batches;
        this.views = views;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    /** 201 with the new case, or 200 with the case this source reference already created. */
    @POST
    @Path("cases")
    @Transactional
    public Response create(@Valid @NotNull CaseSubmission body,
            @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey) {
        String province = callerProvince();
        return idempotency.once(caller.subject() + " POST /api/v1/cases", idempotencyKey, body, () ->
                switch (intake.submit(body, province, caller.subject())) {
                    case IntakeOutcome.Created created -> Response.created(URI.create("/api/v1/cases/" + created.c().id))
                            .entity(views.ofNew(created.c(), created.likelyDuplicates())).build();
                    case IntakeOutcome.Duplicate duplicate -> Response.ok(views.of(
                            CitizenCase.findById(duplicate.caseId()))).build();
                    case IntakeOutcome.Conflict conflict -> throw NaturalKeyMatch.conflict("A case",
                            "source system and source reference", conflict.existingId(), conflict.differingFields());
                    case IntakeOutcome.Rejected rejected -> throw rejected.status() == 403
                            ? ProblemException.forbidden(rejected.errors().get(0).message())
                            : ProblemException.unprocessable("invalid-case", "The case cannot be filed as sent.",
                                    rejected.errors());
                });
    }

    /** Also answers {@code POST /api/v1/cases:batch} (see {@link BatchPathAlias}). */
    @POST
    @Path("cases/batch")
    @Transactional
    public Response batch(@Valid @NotNull BatchSubmission body,
            @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey) {
        String province = callerProvince();
        return idempotency.once(caller.subject() + " POST /api/v1/cases/batch", idempotencyKey, body,
                () -> Response.ok(batches.file(body.cases(), province, caller.subject())).build());
    }

    private String callerProvince() {
        return caller.province().orElseThrow(() ->
                ProblemException.forbidden("The token carries no province claim."));
    }
}
