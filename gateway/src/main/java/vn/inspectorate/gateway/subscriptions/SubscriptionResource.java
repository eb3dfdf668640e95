package vn.inspectorate.gateway.subscriptions;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.RunOnVirtualThread;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
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
import vn.inspectorate.contracts.EventCatalog;
import vn.inspectorate.gateway.ratelimit.ClientRateLimiter;
import vn.inspectorate.gateway.subscriptions.SubscriptionApi.CreateSubscription;
import vn.inspectorate.gateway.subscriptions.SubscriptionApi.DeliveryView;
import vn.inspectorate.gateway.subscriptions.SubscriptionApi.EventTypeView;
import vn.inspectorate.gateway.subscriptions.SubscriptionApi.SubscriptionView;
import vn.inspectorate.platform.security.CallerScope;
import vn.inspectorate.platform.security.Roles;

/** Partner webhook subscriptions, served by the gateway itself. A partner sees only its own subscriptions. */
@Path("/api/v1/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PARTNER)
@RunOnVirtualThread
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
    public Response create(@Valid @NotNull CreateSubscription request) {
        SubscriptionService.Creation creation = service.create(owner(), request);
        SubscriptionView view = creation.subscription();
        return creation.created() ? Response.created(URI.create("/api/v1/subscriptions/" + view.id())).entity(view).build()
                : Response.ok(view).build();
    }

    @GET
    public List<SubscriptionView> list() {
        return service.list(owner());
    }

    /** The public, sanitized event types a subscription may ask for. */
    @GET
    @Path("event-types")
    public List<EventTypeView> eventTypes() {
        owner();
        return EventCatalog.all().stream().filter(EventCatalog.Entry::publicEvent)
                .map(e -> new EventTypeView(e.type(), e.payloadType().getSimpleName())).toList();
    }

    @GET
    @Path("{id}")
    public SubscriptionView get(@PathParam("id") UUID id) {
        return service.get(owner(), id);
    }

    @POST
    @Path("{id}/pause")
    public SubscriptionView pause(@PathParam("id") UUID id) {
        return service.pause(owner(), id);
    }

    @POST
    @Path("{id}/resume")
    public SubscriptionView resume(@PathParam("id") UUID id) {
        return service.resume(owner(), id);
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") UUID id) {
        service.delete(owner(), id);
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/deliveries")
    public List<DeliveryView> deliveries(@PathParam("id") UUID id,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        return service.deliveries(owner(), id, limit);
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
