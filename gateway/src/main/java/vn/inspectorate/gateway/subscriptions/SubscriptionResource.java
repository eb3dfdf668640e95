package vn.inspectorate.gateway.subscriptions;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.RunOnVirtualThread;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
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
import vn.inspectorate.contracts.EventCatalog;
import vn.inspectorate.gateway.ratelimit.ClientRateLimiter;
import vn.inspectorate.gateway.subscriptions.SubscriptionApi.CreateSubscription;
import vn.inspectorate.gateway.subscriptions.SubscriptionApi.DeliveryView;
import vn.inspectorate.gateway.subscriptions.SubscriptionApi.EventTypeView;
import vn.inspectorate.gateway.subscriptions.SubscriptionApi.SubscriptionView;
import vn.inspectorate.platform.paging.Page;
import vn.inspectorate.platform.paging.PageRequest;
import vn.inspectorate.platform.problem.Problem;
import vn.inspectorate.platform.problem.ProblemException;
import vn.inspectorate.platform.security.CallerScope;
import vn.inspectorate.platform.idempotency.Idempotent;
import vn.inspectorate.platform.security.Roles;

/** Partner webhook subscriptions, served by the gateway itself. A partner sees only its own subscriptions. */
@Path("/api/v1/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PARTNER)
@RunOnVirtualThread
@Tag(name = "Subscriptions", description = "Partner webhook subscriptions to the public, sanitized events.")
public class SubscriptionResource {

    private final SubscriptionService service;
    private final CallerScope caller;
    private final SecurityIdentity identity;
    private final ClientRateLimiter limiter;
    private final RoutingContext http;

    SubscriptionResource(SubscriptionService service, CallerScope caller, SecurityIdentity identity,
            ClientRateLimiter limiter, RoutingContext http) {
        this.service = service;
        this.caller = caller;
        this.identity = identity;
        this.limiter = limiter;
        this.http = http;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createSubscription", summary = "Subscribe a callback URL to public event types",
            description = "The answer carries the signing secret, once.")
    @APIResponse(responseCode = "201", description = "Subscribed.",
            headers = @Header(name = "Location", description = "The subscription's address.",
                    schema = @Schema(type = SchemaType.STRING, format = "uri-reference")),
            content = @Content(schema = @Schema(implementation = SubscriptionView.class)))
    @APIResponse(responseCode = "200", description = "The partner's subscription for this callback URL, asked for again "
            + "with the same event types and provinces (in any order); without the secret.",
            content = @Content(schema = @Schema(implementation = SubscriptionView.class)))
    @APIResponse(responseCode = "409", description = "The partner already has a subscription for this callback URL with "
            + "other event types or provinces.")
    @APIResponse(responseCode = "422", description = "A callback URL that is not public http(s), or an event type that "
            + "is not public.")
    @Idempotent
    public Response create(@Valid @NotNull CreateSubscription request) {
        SubscriptionService.Creation creation = service.create(owner(), request);
        SubscriptionView view = creation.subscription();
        return creation.created() ? Response.created(URI.create("/api/v1/subscriptions/" + view.id())).entity(view).build()
                : Response.ok(view).build();
    }

    @GET
    @Operation(operationId = "listSubscriptions", summary = "The partner's subscriptions, oldest first, a page at a "
            + "time")
    public Page<SubscriptionView> list(
            @QueryParam(PageRequest.SIZE) @Min(1) @Max(PageRequest.MAX_SIZE) Integer size,
            @QueryParam(PageRequest.AFTER) @Size(max = 2048) String after) {
        String owner = owner();
        return service.list(owner, PageRequest.of(size, after, "subscriptions", 2));
    }

    /** The public, sanitized event types a subscription may ask for. */
    @GET
    @Path("event-types")
    @Operation(operationId = "listSubscribableEventTypes", summary = "The public event types a subscription may ask "
            + "for")
    public List<EventTypeView> eventTypes() {
        owner();
        return EventCatalog.all().stream().filter(EventCatalog.Entry::publicEvent)
                .map(e -> new EventTypeView(e.type(), e.payloadType().getSimpleName())).toList();
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getSubscription", summary = "One of the partner's subscriptions")
    @APIResponse(responseCode = "200", description = "The subscription.",
            content = @Content(schema = @Schema(implementation = SubscriptionView.class)))
    @APIResponse(responseCode = "404", description = "No such subscription of the partner.")
    public SubscriptionView get(@PathParam("id") UUID id) {
        return service.get(owner(), id);
    }

    @POST
    @Path("{id}/pause")
    @Operation(operationId = "pauseSubscription", summary = "Pause deliveries to a subscription")
    @APIResponse(responseCode = "200", description = "Paused.",
            content = @Content(schema = @Schema(implementation = SubscriptionView.class)))
    @APIResponse(responseCode = "404", description = "No such subscription of the partner.")
    @Idempotent
    public Response pause(@PathParam("id") UUID id) {
        return Response.ok(service.pause(owner(), id)).build();
    }

    @POST
    @Path("{id}/resume")
    @Operation(operationId = "resumeSubscription", summary = "Resume deliveries")
    @APIResponse(responseCode = "200", description = "Active.",
            content = @Content(schema = @Schema(implementation = SubscriptionView.class)))
    @APIResponse(responseCode = "404", description = "No such subscription of the partner.")
    @Idempotent
    public Response resume(@PathParam("id") UUID id) {
        return Response.ok(service.resume(owner(), id)).build();
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "deleteSubscription", summary = "Delete a subscription")
    @APIResponse(responseCode = "204", description = "Deleted.")
    @APIResponse(responseCode = "404", description = "No such subscription of the partner.")
    @Idempotent
    public Response delete(@PathParam("id") UUID id) {
        service.delete(owner(), id);
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/deliveries")
    @Operation(operationId = "listSubscriptionDeliveries", summary = "The deliveries of a subscription with their "
            + "attempts, newest first, a page at a time")
    @APIResponse(responseCode = "200", description = "A page of its deliveries, newest first.")
    @APIResponse(responseCode = "404", description = "No such subscription of the partner.")
    public Page<DeliveryView> deliveries(@PathParam("id") UUID id,
            @QueryParam(PageRequest.SIZE) @Min(1) @Max(PageRequest.MAX_SIZE) Integer size,
            @QueryParam(PageRequest.AFTER) @Size(max = 2048) String after,
            @QueryParam("limit") @Min(1) @Max(PageRequest.MAX_SIZE) @Parameter(deprecated = true,
                    description = "The older name of `size`.") Integer limit) {
        if (size != null && limit != null) {
            throw PageRequest.limitWithSize();
        }
        String owner = owner();
        return service.deliveries(owner, id, PageRequest.of(size != null ? size : limit, after,
                "deliveries;" + id, 1));
    }

    /**
     * The partner's client id owns its subscriptions; also takes one token from the partner's rate limit and announces
     * the limit on the response, as the proxied routes do.
     */
    private String owner() {
        limiter.tryConsume(identity).ifPresent(decision -> {
            decision.headers().forEach((name, value) -> http.response().headers().set(name, value));
            if (!decision.allowed()) {
                // the problem mapper keeps the headers (Retry-After, RateLimit) of a WebApplicationException
                Response.ResponseBuilder refused = Response.status(429);
                decision.headers().forEach(refused::header);
                throw new WebApplicationException("The request rate of your client is over its limit; retry after "
                        + decision.retryAfterSeconds() + " s.", refused.build());
            }
        });
        return caller.clientId().orElse(caller.subject());
    }
}
