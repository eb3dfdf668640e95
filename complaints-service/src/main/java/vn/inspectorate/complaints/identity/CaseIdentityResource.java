package vn.inspectorate.complaints.identity;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.inspectorate.complaints.cases.CaseAccess;
import vn.inspectorate.complaints.cases.CaseHistoryLog;
import vn.inspectorate.complaints.cases.CitizenCase;
import vn.inspectorate.platform.idempotency.Idempotent;
import vn.inspectorate.platform.problem.ProblemException;
import vn.inspectorate.platform.security.CallerScope;
import vn.inspectorate.platform.security.Roles;

/**
 * The identity of a case's complainant or denouncer, for the handling staff of the case's province only. Every
 * reading is written to the case history (who and when, never what): the read is a write, so it is
 * {@code @Idempotent}, which gives the reading and its log entry one transaction.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.INSPECTOR)
@Tag(name = "Case identity", description = "Who filed a case, for its handling staff only; every reading is logged")
public class CaseIdentityResource {

    private final CaseAccess access;
    private final IdentityVault vault;
    private final CaseHistoryLog history;
    private final CallerScope caller;

    CaseIdentityResource(CaseAccess access, IdentityVault vault, CaseHistoryLog history, CallerScope caller) {
        this.access = access;
        this.vault = vault;
        this.history = history;
        this.caller = caller;
    }

    @GET
    @Path("cases/{id}/identity")
    @Idempotent
    @Operation(operationId = "getCaseIdentity", summary = "Read the complainant or denouncer of a case (logged)")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CaseIdentity.class)))
    public Response identity(@PathParam("id") UUID id) {
        CitizenCase c = access.visible(id);
        CaseIdentity identity = vault.load(c.id)
                .orElseThrow(() -> ProblemException.keyed(404, "not-found", "identity.not-found"));
        history.record(c.id, caller.subject(), "read-identity", c.status, c.status, Map.of("purpose", "handling"));
        return Response.ok(identity).build();
    }
}
