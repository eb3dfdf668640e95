package vn.inspectorate.complaints.cases;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.inspectorate.platform.idempotency.Idempotent;
import vn.inspectorate.platform.idempotency.IdempotencyKeys;
import vn.inspectorate.platform.security.CallerScope;
import vn.inspectorate.platform.security.Roles;

/** Handling staff of the case's province move it through its lifecycle, one explicit command per endpoint. */
@Path("/api/v1")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.INSPECTOR)
@Idempotent
@Tag(name = "Case lifecycle", description = "Handling staff move a case through its lifecycle")
public class CaseCommandResource {

    private final CaseLifecycleService lifecycle;
    private final CaseViews views;
    private final CallerScope caller;

    CaseCommandResource(CaseLifecycleService lifecycle, CaseViews views, CallerScope caller) {
        this.lifecycle = lifecycle;
        this.views = views;
        this.caller = caller;
    }

    @POST
    @Path("cases/{id}/classify")
    @Operation(operationId = "classifyCase", summary = "Classify a received case: its kind, instance and handling flags")
    @APIResponse(responseCode = "200", description = "The case after the command",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "409", description = "The case's status or kind does not allow this command now")
    @APIResponse(responseCode = "422", description = "The command cannot be applied as sent")
    public Response classify(@PathParam("id") UUID id, @Valid @NotNull CaseCommands.Classify body,
            @Size(max = 200) @HeaderParam(IdempotencyKeys.HEADER) String key) {
        return ok(lifecycle.classify(id, body, caller.subject()));
    }

    @POST
    @Path("cases/{id}/accept")
    @Operation(operationId = "acceptCase", summary = "Accept a classified case for handling")
    @APIResponse(responseCode = "200", description = "The case after the command",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "409", description = "The case's status or kind does not allow this command now")
    @APIResponse(responseCode = "422", description = "The command cannot be applied as sent")
    public Response accept(@PathParam("id") UUID id, @Valid @NotNull CaseCommands.Accept body,
            @Size(max = 200) @HeaderParam(IdempotencyKeys.HEADER) String key) {
        return ok(lifecycle.accept(id, body, caller.subject()));
    }

    @POST
    @Path("cases/{id}/not-accept")
    @Operation(operationId = "notAcceptCase", summary = "Decide not to accept a case, with the legal reason")
    @APIResponse(responseCode = "200", description = "The case after the command",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "409", description = "The case's status or kind does not allow this command now")
    @APIResponse(responseCode = "422", description = "The command cannot be applied as sent")
    public Response notAccept(@PathParam("id") UUID id, @Valid @NotNull CaseCommands.NotAccept body,
            @Size(max = 200) @HeaderParam(IdempotencyKeys.HEADER) String key) {
        return ok(lifecycle.notAccept(id, body, caller.subject()));
    }

    @POST
    @Path("cases/{id}/assign")
    @Operation(operationId = "assignCase", summary = "Assign an accepted case to a handling body")
    @APIResponse(responseCode = "200", description = "The case after the command",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "409", description = "The case's status or kind does not allow this command now")
    @APIResponse(responseCode = "422", description = "The command cannot be applied as sent")
    public Response assign(@PathParam("id") UUID id, @Valid @NotNull CaseCommands.Assign body,
            @Size(max = 200) @HeaderParam(IdempotencyKeys.HEADER) String key) {
        return ok(lifecycle.assign(id, body, caller.subject()));
    }

    @POST
    @Path("cases/{id}/extend")
    @Operation(operationId = "extendCase", summary = "Extend the handling deadline of a denunciation")
    @APIResponse(responseCode = "200", description = "The case after the command",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "409", description = "The case's status or kind does not allow this command now")
    @APIResponse(responseCode = "422", description = "The command cannot be applied as sent")
    public Response extend(@PathParam("id") UUID id, @Valid @NotNull CaseCommands.Extend body,
            @Size(max = 200) @HeaderParam(IdempotencyKeys.HEADER) String key) {
        return ok(lifecycle.extend(id, body, caller.subject()));
    }

    @POST
    @Path("cases/{id}/pause")
    @Operation(operationId = "pauseCase", summary = "Pause the handling clock")
    @APIResponse(responseCode = "200", description = "The case after the command",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "409", description = "The case's status or kind does not allow this command now")
    @APIResponse(responseCode = "422", description = "The command cannot be applied as sent")
    public Response pause(@PathParam("id") UUID id, @Valid @NotNull CaseCommands.Pause body,
            @Size(max = 200) @HeaderParam(IdempotencyKeys.HEADER) String key) {
        return ok(lifecycle.pause(id, body, caller.subject()));
    }

    @POST
    @Path("cases/{id}/resume")
    @Operation(operationId = "resumeCase", summary = "Resume the handling clock")
    @APIResponse(responseCode = "200", description = "The case after the command",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "409", description = "The case's status or kind does not allow this command now")
    @APIResponse(responseCode = "422", description = "The command cannot be applied as sent")
    public Response resume(@PathParam("id") UUID id, @Valid @NotNull CaseCommands.Resume body,
            @Size(max = 200) @HeaderParam(IdempotencyKeys.HEADER) String key) {
        return ok(lifecycle.resume(id, body, caller.subject()));
    }

    @POST
    @Path("cases/{id}/transfer")
    @Operation(operationId = "transferCase", summary = "Transfer a case to the competent body")
    @APIResponse(responseCode = "200", description = "The case after the command",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "409", description = "The case's status or kind does not allow this command now")
    @APIResponse(responseCode = "422", description = "The command cannot be applied as sent")
    public Response transfer(@PathParam("id") UUID id, @Valid @NotNull CaseCommands.Transfer body,
            @Size(max = 200) @HeaderParam(IdempotencyKeys.HEADER) String key) {
        return ok(lifecycle.transfer(id, body, caller.subject()));
    }

    @POST
    @Path("cases/{id}/resolve")
    @Operation(operationId = "resolveCase", summary = "Record the decision that resolves a case")
    @APIResponse(responseCode = "200", description = "The case after the command",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "409", description = "The case's status or kind does not allow this command now")
    @APIResponse(responseCode = "422", description = "The command cannot be applied as sent")
    public Response resolve(@PathParam("id") UUID id, @Valid @NotNull CaseCommands.Resolve body,
            @Size(max = 200) @HeaderParam(IdempotencyKeys.HEADER) String key) {
        return ok(lifecycle.resolve(id, body, caller.subject()));
    }

    @POST
    @Path("cases/{id}/escalate")
    @Operation(operationId = "escalateCase", summary = "Escalate a complaint to the second instance")
    @APIResponse(responseCode = "200", description = "The case after the command",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "409", description = "The case's status or kind does not allow this command now")
    @APIResponse(responseCode = "422", description = "The command cannot be applied as sent")
    public Response escalate(@PathParam("id") UUID id, @Valid @NotNull CaseCommands.Escalate body,
            @Size(max = 200) @HeaderParam(IdempotencyKeys.HEADER) String key) {
        return ok(lifecycle.escalate(id, body, caller.subject()));
    }

    @POST
    @Path("cases/{id}/close")
    @Operation(operationId = "closeCase", summary = "Close a case")
    @APIResponse(responseCode = "200", description = "The case after the command",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "409", description = "The case's status or kind does not allow this command now")
    @APIResponse(responseCode = "422", description = "The command cannot be applied as sent")
    public Response close(@PathParam("id") UUID id, @Valid @NotNull CaseCommands.Close body,
            @Size(max = 200) @HeaderParam(IdempotencyKeys.HEADER) String key) {
        return ok(lifecycle.close(id, body, caller.subject()));
    }

    @POST
    @Path("cases/{id}/withdraw-part")
    @Operation(operationId = "withdrawCasePart", summary = "Record the withdrawal of part of a complaint or denunciation")
    @APIResponse(responseCode = "200", description = "The case after the command",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "409", description = "The case's status or kind does not allow this command now")
    @APIResponse(responseCode = "422", description = "The command cannot be applied as sent")
    public Response withdrawPart(@PathParam("id") UUID id, @Valid @NotNull CaseCommands.WithdrawPart body,
            @Size(max = 200) @HeaderParam(IdempotencyKeys.HEADER) String key) {
        return ok(lifecycle.withdrawPart(id, body, caller.subject()));
    }

    @POST
    @Path("cases/{id}/notify-denouncer")
    @Operation(operationId = "notifyDenouncer", summary = "Record that the denouncer was notified of the outcome")
    @APIResponse(responseCode = "200", description = "The case after the command",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "409", description = "The case's status or kind does not allow this command now")
    @APIResponse(responseCode = "422", description = "The command cannot be applied as sent")
    public Response notifyDenouncer(@PathParam("id") UUID id, @Valid @NotNull CaseCommands.NotifyDenouncer body,
            @Size(max = 200) @HeaderParam(IdempotencyKeys.HEADER) String key) {
        return ok(lifecycle.notifyDenouncer(id, body, caller.subject()));
    }

    /** The case after the command; a retry with the same {@code Idempotency-Key} gets this answer again. */
    private Response ok(CitizenCase changed) {
        return Response.ok(views.of(changed)).build();
    }
}
