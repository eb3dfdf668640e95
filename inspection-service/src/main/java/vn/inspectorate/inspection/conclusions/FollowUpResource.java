package vn.inspectorate.inspection.conclusions;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import vn.inspectorate.inspection.access.InspectorateAccess;
import vn.inspectorate.inspection.conclusions.ConclusionApi.RecommendationView;
import vn.inspectorate.inspection.conclusions.ConclusionApi.TransferView;
import vn.inspectorate.platform.idempotency.IdempotencyKeys;
import vn.inspectorate.platform.security.Roles;

/** Follow-up of conclusions: recoveries, recommendations done, transfers acknowledged, overdue list. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.PROVINCIAL_SYSTEM, Roles.INSPECTOR})
public class FollowUpResource {

    private final FollowUpService followUps;
    private final IdempotencyKeys idempotency;
    private final InspectorateAccess access;

    FollowUpResource(FollowUpService followUps, IdempotencyKeys idempotency, InspectorateAccess access) {
        this.followUps = followUps;
        this.idempotency = idempotency;
        this.access = access;
    }

    @POST
    @Path("/recommendations/{id}/payments")
    @Transactional
    public Response recordPayment(@PathParam("id") UUID id, @Valid @NotNull ConclusionApi.Payment request,
            @HeaderParam(IdempotencyKeys.HEADER) String key) {
        return idempotency.once(access.subject() + " POST /api/v1/recommendations/" + id + "/payments", key, request,
                () -> {
                    var written = followUps.recordPayment(id, request);
                    return Response.status(written.created() ? 201 : 200).entity(written.value()).build();
                });
    }

    @POST
    @Path("/recommendations/{id}/completion")
    public RecommendationView complete(@PathParam("id") UUID id, @Valid @NotNull ConclusionApi.Completion request) {
        return followUps.complete(id, request);
    }

    @POST
    @Path("/transfers/{id}/acknowledgement")
    public TransferView acknowledge(@PathParam("id") UUID id, @Valid @NotNull ConclusionApi.Acknowledgement request) {
        return followUps.acknowledge(id, request);
    }

    @GET
    @Path("/follow-ups/overdue")
    @RolesAllowed({Roles.PROVINCIAL_SYSTEM, Roles.INSPECTOR, Roles.CENTRAL_ANALYST, Roles.PLATFORM_ADMIN})
    public List<RecommendationView> overdue(@QueryParam("asOf") LocalDate asOf, @QueryParam("province") String province) {
        return followUps.overdue(asOf == null ? LocalDate.now(ZoneOffset.UTC) : asOf, province);
    }
}
