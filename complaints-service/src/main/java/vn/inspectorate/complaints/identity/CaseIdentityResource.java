package vn.inspectorate.complaints.identity;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.inspectorate.complaints.cases.CaseHistoryLog;
import vn.inspectorate.complaints.cases.CitizenCase;
import vn.inspectorate.complaints.units.InspectionBodies;
import vn.inspectorate.platform.idempotency.Idempotent;
import vn.inspectorate.platform.problem.ProblemException;
import vn.inspectorate.platform.security.CallerScope;
import vn.inspectorate.platform.security.Roles;

/**
 * The identity of a case's complainant or denouncer, for the handling body of the case only: an inspector whose
 * {@code agency} claim is the case's current body, or a body above it (the provincial inspectorate of the case's
 * province, the Government Inspectorate). Any other inspector of the province gets a 403; another province's case
 * stays "not found". Every reading is written to the identity access log (who, for which body, when, why) and to the
 * case history (never what): the read is a write, so it is {@code @Idempotent}, which gives the reading and its log
 * entries one transaction.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.INSPECTOR)
@Tag(name = "Case identity", description = "Who filed a case, for its handling body only; every reading is logged")
public class CaseIdentityResource {

    static final String DEFAULT_PURPOSE = "handling";

    private final IdentityVault vault;
    private final CaseHistoryLog history;
    private final IdentityReadLog reads;
    private final InspectionBodies bodies;
    private final CallerScope caller;

    CaseIdentityResource(IdentityVault vault, CaseHistoryLog history, IdentityReadLog reads, InspectionBodies bodies,
            CallerScope caller) {
        this.vault = vault;
        this.history = history;
        this.reads = reads;
        this.bodies = bodies;
        this.caller = caller;
    }

    @GET
    @Path("cases/{id}/identity")
    @Idempotent
    @Operation(operationId = "getCaseIdentity", summary = "Read the complainant or denouncer of a case (logged)",
            description = "For an inspector of the case's handling body (claim agency) or of a body above it: the "
                    + "provincial inspectorate of the case's province, the Government Inspectorate. Each reading is "
                    + "logged with its purpose.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CaseIdentity.class)))
    @APIResponse(responseCode = "403", description = "The caller is not of the case's handling body nor above it")
    public Response identity(@PathParam("id") UUID id,
            @QueryParam("purpose") @Parameter(description = "Why the identity is read; 'handling' when absent.")
            @Size(max = 500) String purpose) {
        String agency = caller.agency().orElse(null);
        CitizenCase c = readable(id, agency);
        CaseIdentity identity = vault.load(c.id)
                .orElseThrow(() -> ProblemException.keyed(404, "not-found", "identity.not-found"));
        String why = purpose == null || purpose.isBlank() ? DEFAULT_PURPOSE : purpose.strip();
        reads.record(c.id, caller.subject(), agency, why);
        history.record(c.id, caller.subject(), "read-identity", c.status, c.status, Map.of("purpose", why,
                "readerBody", agency));
        return Response.ok(identity).build();
    }

    /** The case, if the caller's body handles it or stands above the body that does. */
    private CitizenCase readable(UUID id, String agency) {
        CitizenCase c = CitizenCase.findById(id);
        boolean central = agency != null && bodies.find(agency)
                .map(b -> InspectionBodies.CENTRAL.equals(b.level())).orElse(false);
        if (c == null || !(caller.maySee(c.provinceCode) || central)) {
            throw ProblemException.keyed(404, "not-found", "case.not-found");
        }
        String handling = c.handlingBodyCode != null ? c.handlingBodyCode : c.receivingBodyCode;
        if (!bodies.isOrIsAbove(agency, handling, c.provinceCode)) {
            throw ProblemException.keyed(403, "forbidden", agency == null ? "identity.reader-no-agency"
                    : "identity.reader-not-handling-body", handling);
        }
        return c;
    }
}
