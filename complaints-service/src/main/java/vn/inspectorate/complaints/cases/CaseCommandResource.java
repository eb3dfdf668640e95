package vn.inspectorate.complaints.cases;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
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
import java.util.UUID;
import java.util.function.Supplier;
import vn.inspectorate.platform.idempotency.IdempotencyKeys;
import vn.inspectorate.platform.security.CallerScope;
import vn.inspectorate.platform.security.Roles;

/** Handling staff of the case's province move it through its lifecycle, one explicit command per endpoint. */
@Path("/api/v1")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.INSPECTOR)
@Transactional
public class CaseCommandResource {

    private final CaseLifecycleService lifecycle;
    private final IdempotencyKeys idempotency;
    private final CaseViews views;
    private final CallerScope caller;

    CaseCommandResource(CaseLifecycleService lifecycle, IdempotencyKeys idempotency, CaseViews views,
            CallerScope caller) {
        this.lifecycle = lifecycle;
        this.idempotency = idempotency;
        this.views = views;
        this.caller = caller;
    }

    @POST
    @Path("cases/{id}/classify")
    public Response classify(@PathParam("id") UUID id, @Valid @NotNull CaseCommands.Classify body,
            @HeaderParam(IdempotencyKeys.HEADER) String key) {
        return run(id, "classify", key, body, () -> lifecycle.classify(id, body, caller.subject()));
    }

    @POST
    @Path("cases/{id}/accept")
    public Response accept(@PathParam("id") UUID id, @Valid @NotNull CaseCommands.Accept body,
            @HeaderParam(IdempotencyKeys.HEADER) String key) {
        return run(id, "accept", key, body, () -> lifecycle.accept(id, body, caller.subject()));
    }

    @POST
    @Path("cases/{id}/not-accept")
    public Response notAccept(@PathParam("id") UUID id, @Valid @NotNull CaseCommands.NotAccept body,
            @HeaderParam(IdempotencyKeys.HEADER) String key) {
        return run(id, "not-accept", key, body, () -> lifecycle.notAccept(id, body, caller.subject()));
    }

    @POST
    @Path("cases/{id}/assign")
    public Response assign(@PathParam("id") UUID id, @Valid @NotNull CaseCommands.Assign body,
            @HeaderParam(IdempotencyKeys.HEADER) String key) {
        return run(id, "assign", key, body, () -> lifecycle.assign(id, body, caller.subject()));
    }

    @POST
    @Path("cases/{id}/extend")
    public Response extend(@PathParam("id") UUID id, @Valid @NotNull CaseCommands.Extend body,
            @HeaderParam(IdempotencyKeys.HEADER) String key) {
        return run(id, "extend", key, body, () -> lifecycle.extend(id, body, caller.subject()));
    }

    @POST
    @Path("cases/{id}/pause")
    public Response pause(@PathParam("id") UUID id, @Valid @NotNull CaseCommands.Pause body,
            @HeaderParam(IdempotencyKeys.HEADER) String key) {
        return run(id, "pause", key, body, () -> lifecycle.pause(id, body, caller.subject()));
    }

    @POST
    @Path("cases/{id}/resume")
    public Response resume(@PathParam("id") UUID id, @Valid @NotNull CaseCommands.Resume body,
            @HeaderParam(IdempotencyKeys.HEADER) String key) {
        return run(id, "resume", key, body, () -> lifecycle.resume(id, body, caller.subject()));
    }

    @POST
    @Path("cases/{id}/transfer")
    public Response transfer(@PathParam("id") UUID id, @Valid @NotNull CaseCommands.Transfer body,
            @HeaderParam(IdempotencyKeys.HEADER) String key) {
        return run(id, "transfer", key, body, () -> lifecycle.transfer(id, body, caller.subject()));
    }

    @POST
    @Path("cases/{id}/resolve")
    public Response resolve(@PathParam("id") UUID id, @Valid @NotNull CaseCommands.Resolve body,
            @HeaderParam(IdempotencyKeys.HEADER) String key) {
        return run(id, "resolve", key, body, () -> lifecycle.resolve(id, body, caller.subject()));
    }

    @POST
    @Path("cases/{id}/escalate")
    public Response escalate(@PathParam("id") UUID id, @Valid @NotNull CaseCommands.Escalate body,
            @HeaderParam(IdempotencyKeys.HEADER) String key) {
        return run(id, "escalate", key, body, () -> lifecycle.escalate(id, body, caller.subject()));
    }

    @POST
    @Path("cases/{id}/close")
    public Response close(@PathParam("id") UUID id, @Valid @NotNull CaseCommands.Close body,
            @HeaderParam(IdempotencyKeys.HEADER) String key) {
        return run(id, "close", key, body, () -> lifecycle.close(id, body, caller.subject()));
    }

    @POST
    @Path("cases/{id}/withdraw-part")
    public Response withdrawPart(@PathParam("id") UUID id, @Valid @NotNull CaseCommands.WithdrawPart body,
            @HeaderParam(IdempotencyKeys.HEADER) String key) {
        return run(id, "withdraw-part", key, body, () -> lifecycle.withdrawPart(id, body, caller.subject()));
    }

    @POST
    @Path("cases/{id}/notify-denouncer")
    public Response notifyDenouncer(@PathParam("id") UUID id, @Valid @NotNull CaseCommands.NotifyDenouncer body,
            @HeaderParam(IdempotencyKeys.HEADER) String key) {
        return run(id, "notify-denouncer", key, body, () -> lifecycle.notifyDenouncer(id, body, caller.subject()));
    }

    /** Runs a command once per {@code Idempotency-Key}: a retried command answers as the first time. */
    private Response run(UUID id, String command, String key, Object body, Supplier<CitizenCase> change) {
        return idempotency.once(caller.subject() + " POST /api/v1/cases/" + id + "/" + command, key, body,
                () -> Response.ok(views.of(change.get())).build());
    }
}
