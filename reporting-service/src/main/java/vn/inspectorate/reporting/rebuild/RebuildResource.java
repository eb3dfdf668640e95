package vn.inspectorate.reporting.rebuild;

import io.smallrye.common.annotation.RunOnVirtualThread;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.inspectorate.platform.idempotency.IdempotencyKeys;
import vn.inspectorate.platform.problem.ProblemException;
import vn.inspectorate.platform.security.CallerScope;
import vn.inspectorate.platform.security.Roles;
import vn.inspectorate.reporting.projection.ProjectionStore;

/** Administration of the projections: rebuild from the topics, its progress, and the positions reflected. */
@Path("/api/v1/reports/admin")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PLATFORM_ADMIN)
@RunOnVirtualThread
public class RebuildResource {

    private final RebuildService rebuilds;
    private final ProjectionStore store;
    private final CallerScope caller;
    private final IdempotencyKeys idempotency;

    RebuildResource(RebuildService rebuilds, ProjectionStore store, CallerScope caller, IdempotencyKeys idempotency) {
        this.rebuilds = rebuilds;
        this.store = store;
        this.caller = caller;
        this.idempotency = idempotency;
    }

    /**
     * Starts a rebuild; poll the returned location for its progress. A retry with the same {@code Idempotency-Key}
     * answers the first response and starts nothing.
     */
    @POST
    @Path("/rebuilds")
    public Response start(@HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey) {
        return QuarkusTransaction.requiringNew().call(() -> idempotency.once(caller.subject()
                + " POST /api/v1/reports/admin/rebuilds", idempotencyKey, Map.of(), () -> {
                    RebuildService.Rebuild r = rebuilds.start(caller.subject());
                    return Response.accepted(r).location(URI.create("/api/v1/reports/admin/rebuilds/" + r.id()))
                            .build();
                }));
    }

    @GET
    @Path("/rebuilds/{id}")
    public RebuildService.Rebuild get(@PathParam("id") String id) {
        try {
            return rebuilds.get(UUID.fromString(id)).orElseThrow(() -> ProblemException.notFound("Rebuild " + id));
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("Rebuild " + id);
        }
    }

    /** The next offset to read per topic partition: every event before it is reflected in the figures. */
    @GET
    @Path("/positions")
    public List<ProjectionStore.Position> positions() {
        return store.positions();
    }
}
