package vn.inspectorate.declarations.ruleversions;

import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.inspectorate.declarations.ruleversions.RuleVersionsApi.ChangeView;
import vn.inspectorate.declarations.ruleversions.RuleVersionsApi.NewParameterVersion;
import vn.inspectorate.declarations.ruleversions.RuleVersionsApi.NewRedFlagVersion;
import vn.inspectorate.declarations.ruleversions.RuleVersionsApi.ParameterVersionView;
import vn.inspectorate.declarations.ruleversions.RuleVersionsApi.RedFlagVersionView;
import vn.inspectorate.declarations.ruleversions.RuleVersionsApi.RulesView;
import vn.inspectorate.platform.idempotency.IdempotencyKeys;
import vn.inspectorate.platform.idempotency.Idempotent;
import vn.inspectorate.platform.security.Roles;

/**
 * The dated rules declarations are judged by: legal numbers and red-flag rules. Platform admins add versions from an
 * effective date; controllers and analysts read them with the changes.
 */
@Path("/api/v1/declaration-rules")
@Produces(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
@RolesAllowed({Roles.PLATFORM_ADMIN, Roles.ASSET_CONTROLLER, Roles.CENTRAL_ANALYST})
@Tag(name = "Declaration rules", description = "The dated legal numbers and red-flag rules declarations are judged "
        + "by; platform admins add versions from an effective date, every change recorded with who, when and why. "
        + "A declaration is judged by the versions in force on its declaration date; flags already raised keep the "
        + "rule version they were raised under.")
public class RuleVersionsResource {

    private static final String CACHE_NOTE = " The service keeps the rules in memory: a new version is used at once "
            + "by the instance that added it, and by every other instance within a minute "
            + "(`inspectorate.declarations.rule-data.max-age`).";

    private static final String SUBJECT_PATTERN = "^(rule-parameter|red-flag-rule):[A-Z][A-Z0-9_]{0,59}$";

    private final ParameterVersions parameters;
    private final RedFlagVersions redFlags;
    private final RuleChanges changes;

    RuleVersionsResource(ParameterVersions parameters, RedFlagVersions redFlags, RuleChanges changes) {
        this.parameters = parameters;
        this.redFlags = redFlags;
        this.changes = changes;
    }

    @GET
    @Operation(operationId = "listDeclarationRules", summary = "Every version of the legal numbers and the red-flag "
            + "rules, with their effective dates")
    public RulesView list() {
        return new RulesView(parameters.all(), redFlags.all());
    }

    @POST
    @Path("/parameters")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @Idempotent
    @Operation(operationId = "addRuleParameterVersion", summary = "Add a version of a dated legal number from an "
            + "effective date", description = "The previous version ends the day before; declarations dated before "
            + "keep the old value, and those already judged keep what they were judged by. (code, effectiveFrom) is "
            + "the natural key: the same version again answers it with 200, another value or source a 409 "
            + "`natural-key-conflict`. Recorded in the rule changes with its reason." + CACHE_NOTE)
    @APIResponse(responseCode = "201", description = "Added and recorded.",
            content = @Content(schema = @Schema(implementation = ParameterVersionView.class)))
    @APIResponse(responseCode = "200", description = "The same version exists: the version.",
            content = @Content(schema = @Schema(implementation = ParameterVersionView.class)))
    @APIResponse(responseCode = "409", description = "Another version from the same date, or a date not after the "
            + "latest version's (`rule-version-order`).")
    @APIResponse(responseCode = "422", description = "A value outside the code's range, a deadline day the month "
            + "does not have, or an effective date in the past.")
    public Response addParameter(@Valid @NotNull NewParameterVersion request,
            @HeaderParam(IdempotencyKeys.HEADER) String key) {
        var written = parameters.add(request);
        return written.response();
    }

    @POST
    @Path("/red-flags")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @Idempotent
    @Operation(operationId = "addRedFlagRuleVersion", summary = "Add a version of a red-flag rule from an effective "
            + "date", description = "Numbered on from the rule's latest version, which ends the day before. "
            + "Declarations dated before are judged by the old version; flags already raised keep theirs. "
            + "(ruleId, effectiveFrom) is the natural key: the same version again answers it with 200, another "
            + "weight, params or description a 409 `natural-key-conflict`. Recorded in the rule changes with its "
            + "reason." + CACHE_NOTE)
    @APIResponse(responseCode = "201", description = "Added and recorded.",
            content = @Content(schema = @Schema(implementation = RedFlagVersionView.class)))
    @APIResponse(responseCode = "200", description = "The same version exists: the version.",
            content = @Content(schema = @Schema(implementation = RedFlagVersionView.class)))
    @APIResponse(responseCode = "409", description = "Another version from the same date, or a date not after the "
            + "latest version's (`rule-version-order`).")
    @APIResponse(responseCode = "422", description = "An unknown rule, params other than the rule reads or out of "
            + "range, or an effective date in the past.")
    public Response addRedFlag(@Valid @NotNull NewRedFlagVersion request,
            @HeaderParam(IdempotencyKeys.HEADER) String key) {
        var written = redFlags.add(request);
        return written.response();
    }

    @GET
    @Path("/changes")
    @Operation(operationId = "listDeclarationRuleChanges", summary = "The recorded rule changes, latest first",
            description = "Who made each change, when, why and what it changed; `subject` narrows to "
                    + "`rule-parameter:<code>` or `red-flag-rule:<ruleId>`.")
    public List<ChangeView> changes(@QueryParam("subject") @Pattern(regexp = SUBJECT_PATTERN,
                    message = "{declarations.rule-subject}") String subject,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(500) int limit) {
        return changes.latest(subject, limit);
    }
}
