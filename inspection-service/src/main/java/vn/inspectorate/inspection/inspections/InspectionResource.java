package vn.inspectorate.inspection.inspections;

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
import java.net.URI;
import java.util.List;
import java.util.UUID;
import vn.inspectorate.inspection.access.InspectorateAccess;
import vn.inspectorate.inspection.conclusions.ConclusionApi;
import vn.inspectorate.inspection.conclusions.ConclusionService;
import vn.inspectorate.inspection.conclusions.FollowUpService;
import vn.inspectorate.inspection.inspections.InspectionApi.InspectionView;
import vn.inspectorate.platform.idempotency.IdempotencyKeys;
import vn.inspectorate.platform.security.Roles;

/** Inspections: opening decision, status changes, conclusion and closure of the follow-up. */
@Path("/api/v1/inspections")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.PROVINCIAL_SYSTEM, Roles.INSPECTOR})
public class InspectionResource {

    private final InspectionService inspections;
    private final ConclusionService conclusions;
    private final FollowUpService followUps;
    private final IdempotencyKeys idempotency;
    private final InspectorateAccess access;

    InspectionResource(InspectionService inspections, ConclusionService conclusions, FollowUpService followUps,
            IdempotencyKeys idempotency, InspectorateAccess access) {
        this.inspections = inspections;
        this.conclusions = conclusions;
        this.followUps = followUps;
        this.idempotency = idempotency;
        this.access = access;
    }

    @POST
    @Transactional
    public Response open(@Valid @NotNull InspectionApi.OpenInspection request,
            @HeaderParam(IdempotencyKeys.HEADER) String key) {
        return idempotency.once(access.subject() + " POST /api/v1/inspections", key, request, () -> {
            var written = inspections.open(request);
            return Response.status(written.created() ? 201 : 200).entity(written.value())
                    .location(URI.create("/api/v1/inspections/" + written.value().id())).build();
        });
    }

    @GET
    @RolesAllowed({Roles.PROVINCIAL_SYSTEM, Roles.INSPECTOR, Roles.CENTRAL_ANALYST, Roles.PLATFORM_ADMIN})
    public List<InspectionView> list(@QueryParam("province") String province,
            @QueryParam("status") InspectionStatus status, @QueryParam("overrun") Boolean overrun) {
        return inspections.list(province, status, overrun);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.PROVINCIAL_SYSTEM, Roles.INSPECTOR, Roles.CENTRAL_ANALYST, Roles.PLATFORM_ADMIN})
    public InspectionView get(@PathParam("id") UUID id) {
        return inspections.get(id);
    }

    @POST
    @Path("/{id}/start")
    public InspectionView start(@PathParam("id") UUID id, @Valid @NotNull InspectionApi.Start request) {
        return inspections.start(id, request);
    }

    @POST
    @Path("/{id}/extensions")
    public InspectionView extend(@PathParam("id") UUID id, @Valid @NotNull InspectionApi.Extend request) {
        return inspections.extend(id, request);
    }

    @POST
    @Path("/{id}/report")
    public InspectionView submitReport(@PathParam("id") UUID id, @Valid @NotNull InspectionApi.SubmitReport request) {
        return inspections.submitReport(id, request);
    }

    @POST
    @Path("/{id}/conclusion")
    @Transactional
    public Response conclude(@PathParam("id") UUID id, @Valid @NotNull ConclusionApi.Conclude request,
            @HeaderParam(IdempotencyKeys.HEADER) String key) {
        return idempotency.once(access.subject() + " POST /api/v1/inspections/" + id + "/conclusion", key, request,
                () -> {
                    var result = conclusions.conclude(id, request);
                    return Response.status(result.created() ? 201 : 200).entity(result.inspection()).build();
                });
    }

    @POST
    @Path("/{id}/follow-up")
    @Consumes(MediaType.WILDCARD)
    public InspectionView startFollowUp(@PathParam("id") UUID id) {
        return inspections.startFollowUp(id);
    }

    @POST
    @Path("/{id}/closure")
    public InspectionView close(@PathParam("id") UUID id, @Valid @NotNull InspectionApi.Close request) {
        return followUps.close(id, request.closedOn());
    }
}
