package vn.inspectorate.complaints.rules;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.inspectorate.complaints.rules.RuleSetApi.NewRuleSet;
import vn.inspectorate.complaints.rules.RuleSetApi.RuleSetView;
import vn.inspectorate.platform.idempotency.Idempotent;
import vn.inspectorate.platform.idempotency.IdempotencyKeys;
import vn.inspectorate.platform.security.Roles;

/**
 * The dated rule sets of the legal clocks of cases. Platform admins add a version from an effective date; the roles
 * that file, handle and follow cases read them (the numbers are the law's, and say which deadlines a case gets).
 */
@Path("/api/v1/case-rule-sets")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.PROVINCIAL_SYSTEM, Roles.INSPECTOR, Roles.CENTRAL_ANALYST, Roles.PLATFORM_ADMIN})
@Tag(name = "Case rule sets", description = "The legal clocks of cases as dated versions: a case is judged by the "
        + "set in force on its receipt date and keeps it.")
public class RuleSetResource {

    private final RuleSetVersions sets;

    RuleSetResource(RuleSetVersions sets) {
        this.sets = sets;
    }

    @GET
    @Operation(operationId = "listCaseRuleSets", summary = "The rule sets, oldest first, with their values",
            description = "Each with the receipt dates it judges and, for the sets added through this API, who "
                    + "added it, when and why.")
    public List<RuleSetView> list() {
        return sets.list();
    }

    @GET
    @Path("/{version}")
    @Operation(operationId = "getCaseRuleSet", summary = "One rule set")
    @APIResponse(responseCode = "200", description = "The set.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RuleSetView.class)))
    @APIResponse(responseCode = "404", description = "No set has this version.")
    public RuleSetView get(@PathParam("version") @Pattern(regexp = RuleSetApi.VERSION_PATTERN) String version) {
        return sets.get(version);
    }

    @POST
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Idempotent
    @Operation(operationId = "addCaseRuleSet", summary = "Add a version of the rule set from an effective date",
            description = "Every rule exactly once. Cases received before `effectiveFrom` keep the set they were "
                    + "judged by; cases received from then on get this one. `effectiveFrom` is after today and after "
                    + "the latest set's. Recorded with who added it, when and why. The instance that answers uses "
                    + "the set at once; other instances of the service read it within the reference data's maximum "
                    + "age (`inspectorate.complaints.reference-data.max-age`, 5 minutes), well before the set takes "
                    + "effect.")
    @APIResponse(responseCode = "201", description = "Added and recorded.",
            headers = @Header(name = "Location", description = "The set's address.",
                    schema = @Schema(type = SchemaType.STRING, format = "uri-reference")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RuleSetView.class)))
    @APIResponse(responseCode = "200", description = "The same set exists (version, date and values): the set.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RuleSetView.class)))
    @APIResponse(responseCode = "409", description = "The version or the date belongs to a set with other content "
            + "(`natural-key-conflict`), or the date is not after the latest set's (`rule-version-order`).")
    @APIResponse(responseCode = "422", description = "A rule missing or listed twice, a unit the rule is not counted "
            + "in, a number out of its range, a variant shorter than the normal limit or on a rule without variants "
            + "(`invalid-rule-set`); an effective date not after today (`rule-set-not-in-future`).")
    public Response add(@Valid @NotNull NewRuleSet request,
            @Parameter(description = "Makes a retry safe: the same key answers the first response again")
            @Size(max = 200) @HeaderParam(IdempotencyKeys.HEADER) String key) {
        var written = sets.add(request);
        return written.response(v -> "/api/v1/case-rule-sets/" + v.version());
    }
}
