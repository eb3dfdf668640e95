package vn.inspectorate.inspection.plans;

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
import vn.inspectorate.inspection.plans.PlanApi.PlanView;
import vn.inspectorate.platform.idempotency.IdempotencyKeys;
import vn.inspectorate.platform.security.Roles;

/** Annual inspection plans. Writes by provincial systems and inspectors; approval and amendment by an approver. */
@Path("/api/v1/inspection-plans")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.PROVINCIAL_SYSTEM, Roles.INSPECTOR})
public class PlanResource {

    private final PlanService plans;
    private final IdempotencyKeys idempotency;
    private final InspectorateAccess access;

    PlanResource(PlanService plans, IdempotencyKeys idempotency, InspectorateAccess access) {
        this.plans = plans;
        this.idempotency = idempotency;
        this.access = access;
    }

    @POST
    @Transactional
    public Response create(@Valid @NotNull PlanApi.CreatePlan request,
            @HeaderParam(IdempotencyKeys.HEADER) String key) {
        return idempotency.once(access.subject() + " POST /api/v1/inspection-plans", key, request, () -> {
            var written = plans.create(request);
            return Response.status(written.created() ? 201 : 200).entity(written.value())
                    .location(URI.create("/api/v1/inspection-plans/" + written.value().id())).build();
        });
    }

    @GET
    @RolesAllowed({Roles.PROVINCIAL_SYSTEM, Roles.INSPECTOR, Roles.CENTRAL_ANALYST, Roles.PLATFORM_ADMIN})
    public List<PlanView> list(@QueryParam("year") Integer year, @QueryParam("bodyCode") String bodyCode) {
        return plans.list(year, bodyCode);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.PROVINCIAL_SYSTEM, Roles.INSPECTOR, Roles.CENTRAL_ANALYST, Roles.PLATFORM_ADMIN})
    public PlanView get(@PathParam("id") UUID id) {
        return plans.get(id);
    }

    @POST
    @Path("/{id}/inspections")
    @Transactional
    public Response addInspection(@PathParam("id") UUID id, @Valid @NotNull PlanApi.AddPlannedInspection request,
            @HeaderParam(IdempotencyKeys.HEADER) String key) {
        return idempotency.once(access.subject() + " POST /api/v1/inspection-plans/" + id + "/inspections", key,
                request, () -> {
                    var written = plans.addItem(id, request);
                    return Response.status(written.created() ? 201 : 200).entity(written.value()).build();
                });
    }

    @POST
    @Path("/{id}/submission")
    @Consumes(MediaType.WILDCARD)
    public PlanView submit(@PathParam("id") UUID id) {
        return plans.submit(id);
    }

    @POST
    @Path("/{id}/approval")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.INSPECTOR)
    public PlanView approve(@PathParam("id") UUID id) {
        return plans.approve(id);
    }

    @POST
    @Path("/{id}/amendments")
    @RolesAllowed(Roles.INSPECTOR)
    @Transactional
    public Response amend(@PathParam("id") UUID id, @Valid @NotNull PlanApi.Amend request,
            @HeaderParam(IdempotencyKeys.HEADER) String key) {
        return idempotency.once(access.subject() + " POST /api/v1/inspection-plans/" + id + "/amendments", key,
                request, () -> Response.status(201).entity(plans.amend(id, request)).build());
    }
}
