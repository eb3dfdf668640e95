package vn.inspectorate.inspection.plans;

import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.inspectorate.inspection.plans.PlanApi.PlanView;
import vn.inspectorate.inspection.plans.PlanApi.PlannedInspectionView;
import vn.inspectorate.platform.idempotency.IdempotencyKeys;
import vn.inspectorate.platform.idempotency.Idempotent;
import vn.inspectorate.platform.paging.Page;
import vn.inspectorate.platform.paging.PageRequest;
import vn.inspectorate.platform.security.Roles;

/** Annual inspection plans. Writes by provincial systems and inspectors; approval and amendment by an approver. */
@Path("/api/v1/inspection-plans")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.PROVINCIAL_SYSTEM, Roles.INSPECTOR})
@Tag(name = "Inspection plans", description = "Annual plans: items with the overlap check, submission, approval, "
        + "amendments.")
@RunOnVirtualThread
public class PlanResource {

    private final PlanService plans;

    PlanResource(PlanService plans) {
        this.plans = plans;
    }

    @POST
    @Idempotent
    @RolesAllowed({Roles.PROVINCIAL_SYSTEM, Roles.INSPECTOR, Roles.PLATFORM_ADMIN})
    @Operation(operationId = "createInspectionPlan", summary = "Create the plan of a body for a year",
            description = "A live plan: body and year, for this year or later, created as an empty draft (items are "
                    + "added, the plan submitted and approved by the body's head). Body and year are the natural key: "
                    + "a repeat answers the existing plan; with `Idempotency-Key` a retried call answers its first "
                    + "result.\n\n"
                    + "**History (`backfilled: true`).** Loads a past year's plan as it was approved, so that "
                    + "inspections back-filled through `POST /api/v1/inspections/batch` can name their planned item "
                    + "(`plannedInspectionId`) and count as planned. Who: a `provincial-system` for its province's "
                    + "bodies, or `platform-admin` for any body; anyone else is 403. Which dates: `year` before this "
                    + "year and `approvedOn` before today, both in Vietnam time, `approvedOn` in the plan's year or "
                    + "the year before, else 422 `backfill-date`. The request carries `approvedOn` and `inspections` "
                    + "(1 to 500), each item exactly as an item added by an amendment (the entity upserted, the body "
                    + "and the entity's province in force on the planned start, the type in force then, the start in "
                    + "the plan's year) and one per entity and subject. The plan is created APPROVED, approved by the "
                    + "caller on `approvedOn`, with its items, all or nothing: one refused item writes nothing. It is "
                    + "marked `backfilled`; its items are not checked for overlaps, its approval event carries "
                    + "`backfilled: true` and no public event (hence no partner webhook) is sent for it. Correcting a "
                    + "loaded plan: loading it again with other values (another approval date, other items, or a live "
                    + "plan of the same body and year) is a `natural-key-conflict` and changes nothing; later changes "
                    + "are amendments through `POST /api/v1/inspection-plans/{id}/amendments`, recorded with who and "
                    + "when, and keep the plan's mark. A live create (without `backfilled`) keeps every live rule: a "
                    + "past year is 422 `past-plan-year`.")
    @APIResponse(responseCode = "201", description = "Created.",
            headers = @Header(name = "Location", description = "The plan's address.",
                    schema = @Schema(type = SchemaType.STRING, format = "uri-reference")),
            content = @Content(schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "200", description = "The body's plan for this year already exists with the same "
            + "values: the original plan.",
            content = @Content(schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "400", description = "Malformed request, an approval date or items on a live plan, "
            + "or a back-filled plan without them.")
    @APIResponse(responseCode = "403", description = "The caller may not act for the body, or may not load history.")
    @APIResponse(responseCode = "409", description = "The body's plan for this year exists with other values "
            + "(natural-key-conflict).")
    @APIResponse(responseCode = "422", description = "Unknown body, a past year (past-plan-year), a back-filled plan "
            + "of this year or later or approved on a date out of range (backfill-date), an invalid item, or the "
            + "Idempotency-Key used with another body.")
    public Response create(@Valid @NotNull PlanApi.CreatePlan request,
            @HeaderParam(IdempotencyKeys.HEADER) String key) {
        var written = plans.create(request);
        return written.response(v -> "/api/v1/inspection-plans/" + v.id());
    }

    @GET
    @RolesAllowed({Roles.PROVINCIAL_SYSTEM, Roles.INSPECTOR, Roles.CENTRAL_ANALYST, Roles.PLATFORM_ADMIN})
    @Operation(operationId = "listInspectionPlans", summary = "Plans in the caller's scope by year and body, a page at"
            + " a time")
    public Page<PlanView> list(@QueryParam("year") @Min(2000) @Max(2100) Integer year,
            @QueryParam("bodyCode") @Size(max = 40) String bodyCode,
            @QueryParam(PageRequest.SIZE) @Min(1) @Max(PageRequest.MAX_SIZE) Integer size,
            @QueryParam(PageRequest.AFTER) @Size(max = 2048) String after) {
        return plans.list(year, bodyCode, PageRequest.of(size, after, "plans;" + year + ";" + bodyCode, 3));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.PROVINCIAL_SYSTEM, Roles.INSPECTOR, Roles.CENTRAL_ANALYST, Roles.PLATFORM_ADMIN})
    @Operation(operationId = "getInspectionPlan", summary = "One plan with its items, conflicts and amendments")
    @APIResponse(responseCode = "200", description = "The plan.",
            content = @Content(schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "404", description = "No such plan in the caller's scope.")
    public PlanView get(@PathParam("id") UUID id) {
        return plans.get(id);
    }

    @POST
    @Path("/{id}/inspections")
    @Idempotent
    @Operation(operationId = "addPlannedInspection", summary = "Add a planned inspection to a draft plan",
            description = "The entity is upserted by registry code; entity and subject are the item's natural key. "
                    + "The answer lists the overlap conflicts found.")
    @APIResponse(responseCode = "201", description = "Added.",
            content = @Content(schema = @Schema(implementation = PlannedInspectionView.class)))
    @APIResponse(responseCode = "200", description = "The plan already holds this entity and subject: the original item.",
            content = @Content(schema = @Schema(implementation = PlannedInspectionView.class)))
    @APIResponse(responseCode = "404", description = "No such plan in the caller's scope.")
    @APIResponse(responseCode = "409", description = "The plan is not a draft.")
    @APIResponse(responseCode = "422", description = "Unknown responsible body, entity outside its jurisdiction or "
            + "registered elsewhere, a start outside the plan's year, or a type not in force on the planned start "
            + "(type-not-in-force).")
    public Response addInspection(@PathParam("id") UUID id, @Valid @NotNull PlanApi.AddPlannedInspection request,
            @HeaderParam(IdempotencyKeys.HEADER) String key) {
        var written = plans.addItem(id, request);
        return written.response();
    }

    @POST
    @Path("/{id}/submission")
    @Consumes(MediaType.WILDCARD)
    @Idempotent
    @Operation(operationId = "submitInspectionPlan", summary = "Submit a draft plan for approval")
    @APIResponse(responseCode = "200", description = "Submitted, or already submitted.",
            content = @Content(schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "404", description = "No such plan in the caller's scope.")
    @APIResponse(responseCode = "409", description = "The plan is neither a draft nor submitted.")
    @APIResponse(responseCode = "422", description = "The plan has no inspections.")
    public PlanView submit(@PathParam("id") UUID id) {
        return plans.submit(id);
    }

    @POST
    @Path("/{id}/approval")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.INSPECTOR)
    @Idempotent
    @Operation(operationId = "approveInspectionPlan", summary = "Approve a submitted plan (the body's head)")
    @APIResponse(responseCode = "200", description = "Approved, or already in force.",
            content = @Content(schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "404", description = "No such plan in the caller's scope.")
    @APIResponse(responseCode = "409", description = "The plan is a draft, or has unsettled overlap conflicts.")
    public PlanView approve(@PathParam("id") UUID id) {
        return plans.approve(id);
    }

    @POST
    @Path("/{id}/amendments")
    @RolesAllowed(Roles.INSPECTOR)
    @Idempotent
    @Operation(operationId = "amendInspectionPlan", summary = "Add and withdraw items of a plan in force",
            description = "Recorded as a numbered amendment; the answer is the amended plan.")
    @APIResponse(responseCode = "201", description = "Amended.",
            headers = @Header(name = "Location", description = "The amended plan's address.",
                    schema = @Schema(type = SchemaType.STRING, format = "uri-reference")),
            content = @Content(schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "404", description = "No such plan in the caller's scope.")
    @APIResponse(responseCode = "409", description = "The plan is not in force.")
    @APIResponse(responseCode = "422", description = "Nothing to add or withdraw, an item not in the plan or already "
            + "opened, or an invalid item.")
    public Response amend(@PathParam("id") UUID id, @Valid @NotNull PlanApi.Amend request,
            @HeaderParam(IdempotencyKeys.HEADER) String key) {
        return Response.status(201).entity(plans.amend(id, request))
                .location(URI.create("/api/v1/inspection-plans/" + id)).build();
    }
}
