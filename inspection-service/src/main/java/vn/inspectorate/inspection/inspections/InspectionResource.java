package vn.inspectorate.inspection.inspections;

import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.inspectorate.inspection.conclusions.ConclusionApi;
import vn.inspectorate.inspection.conclusions.ConclusionService;
import vn.inspectorate.inspection.conclusions.FollowUpService;
import vn.inspectorate.inspection.inspections.InspectionApi.InspectionView;
import vn.inspectorate.inspection.reference.InspectedEntityInput;
import vn.inspectorate.platform.idempotency.IdempotencyKeys;
import vn.inspectorate.platform.idempotency.Idempotent;
import vn.inspectorate.platform.paging.Page;
import vn.inspectorate.platform.paging.PageRequest;
import vn.inspectorate.platform.security.Roles;

/** Inspections: opening decision, status changes, conclusion and closure of the follow-up. */
@Path("/api/v1/inspections")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.PROVINCIAL_SYSTEM, Roles.INSPECTOR})
@Tag(name = "Inspections", description = "Opening decisions, status changes, conclusions and closure.")
@RunOnVirtualThread
public class InspectionResource {

    private final InspectionService inspections;
    private final ConclusionService conclusions;
    private final FollowUpService followUps;

    InspectionResource(InspectionService inspections, ConclusionService conclusions, FollowUpService followUps) {
        this.inspections = inspections;
        this.conclusions = conclusions;
        this.followUps = followUps;
    }

    @POST
    @Idempotent
    @Operation(operationId = "openInspection", summary = "Open an inspection by decision",
            description = "Planned, ad hoc, re-inspection or from cases. Body and decision number are the natural key: "
                    + "a repeat answers the inspection already opened.")
    @APIResponse(responseCode = "201", description = "Opened.",
            headers = @Header(name = "Location", description = "The inspection's address.",
                    schema = @Schema(type = SchemaType.STRING, format = "uri-reference")),
            content = @Content(schema = @Schema(implementation = InspectionView.class)))
    @APIResponse(responseCode = "200", description = "Already opened by this decision: the original inspection.",
            content = @Content(schema = @Schema(implementation = InspectionView.class)))
    @APIResponse(responseCode = "409", description = "The planned inspection is no longer planned, or has unsettled "
            + "overlap conflicts.")
    @APIResponse(responseCode = "422", description = "Unknown body, case or planned inspection, entity outside the "
            + "body's jurisdiction, or no duration rule or a type not in force on the decision date "
            + "(type-not-in-force: ADMINISTRATIVE and SPECIALIZED until 30 June 2025, INSPECTION from 1 July 2025).")
    public Response open(@Valid @NotNull InspectionApi.OpenInspection request,
            @HeaderParam(IdempotencyKeys.HEADER) String key) {
        var written = inspections.open(request);
        return written.response(v -> "/api/v1/inspections/" + v.id());
    }

    @GET
    @RolesAllowed({Roles.PROVINCIAL_SYSTEM, Roles.INSPECTOR, Roles.CENTRAL_ANALYST, Roles.PLATFORM_ADMIN})
    @Operation(operationId = "listInspections", summary = "Inspections in the caller's scope in the order they were "
            + "opened, a page at a time (follow `next` or the `Link: rel=\"next\"` header)")
    public Page<InspectionView> list(
            @QueryParam("province") @Pattern(regexp = InspectedEntityInput.PROVINCE_CODE,
                    message = "{inspectorate.constraint.province-code}")
            String province,
            @QueryParam("status") InspectionStatus status, @QueryParam("overrun") Boolean overrun,
            @QueryParam(PageRequest.SIZE) @Min(1) @Max(PageRequest.MAX_SIZE) Integer size,
            @QueryParam(PageRequest.AFTER) @Size(max = 2048) String after) {
        PageRequest page = PageRequest.of(size, after, "inspections;province=" + province + ";status=" + status
                + ";overrun=" + overrun, 2);
        return inspections.list(province, status, overrun, page);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.PROVINCIAL_SYSTEM, Roles.INSPECTOR, Roles.CENTRAL_ANALYST, Roles.PLATFORM_ADMIN})
    @Operation(operationId = "getInspection", summary = "One inspection with its extensions, conflicts and conclusion")
    @APIResponse(responseCode = "200", description = "The inspection.",
            content = @Content(schema = @Schema(implementation = InspectionView.class)))
    @APIResponse(responseCode = "404", description = "No such inspection in the caller's scope.")
    public InspectionView get(@PathParam("id") UUID id) {
        return inspections.get(id);
    }

    @POST
    @Path("/{id}/start")
    @Idempotent
    @Operation(operationId = "startInspection", summary = "Start an opened inspection")
    @APIResponse(responseCode = "200", description = "Started.",
            content = @Content(schema = @Schema(implementation = InspectionView.class)))
    @APIResponse(responseCode = "404", description = "No such inspection in the caller's scope.")
    @APIResponse(responseCode = "409", description = "The inspection is not opened.")
    @APIResponse(responseCode = "422", description = "Started before it was opened.")
    public InspectionView start(@PathParam("id") UUID id, @Valid @NotNull InspectionApi.Start request) {
        return inspections.start(id, request);
    }

    @POST
    @Path("/{id}/extensions")
    @Idempotent
    @Operation(operationId = "extendInspection", summary = "Extend a running inspection within its level's limits")
    @APIResponse(responseCode = "200", description = "Extended; the new due date.",
            content = @Content(schema = @Schema(implementation = InspectionView.class)))
    @APIResponse(responseCode = "404", description = "No such inspection in the caller's scope.")
    @APIResponse(responseCode = "409", description = "The inspection is not running.")
    @APIResponse(responseCode = "422", description = "No extension left, too many days, or decided outside the "
            + "inspection's run.")
    public InspectionView extend(@PathParam("id") UUID id, @Valid @NotNull InspectionApi.Extend request) {
        return inspections.extend(id, request);
    }

    @POST
    @Path("/{id}/report")
    @Idempotent
    @Operation(operationId = "submitInspectionReport", summary = "Record the team's report of a running inspection")
    @APIResponse(responseCode = "200", description = "Report recorded.",
            content = @Content(schema = @Schema(implementation = InspectionView.class)))
    @APIResponse(responseCode = "404", description = "No such inspection in the caller's scope.")
    @APIResponse(responseCode = "409", description = "The inspection is not running.")
    @APIResponse(responseCode = "422", description = "Submitted before the inspection was opened.")
    public InspectionView submitReport(@PathParam("id") UUID id, @Valid @NotNull InspectionApi.SubmitReport request) {
        return inspections.submitReport(id, request);
    }

    @POST
    @Path("/{id}/conclusion")
    @Idempotent
    @Operation(operationId = "concludeInspection", summary = "Conclude an inspection whose report was submitted",
            description = "A repeat with the same conclusion number answers the inspection as concluded.")
    @APIResponse(responseCode = "201", description = "Concluded.",
            headers = @Header(name = "Location", description = "The concluded inspection's address.",
                    schema = @Schema(type = SchemaType.STRING, format = "uri-reference")),
            content = @Content(schema = @Schema(implementation = InspectionView.class)))
    @APIResponse(responseCode = "200", description = "Already concluded with this number.",
            content = @Content(schema = @Schema(implementation = InspectionView.class)))
    @APIResponse(responseCode = "404", description = "No such inspection in the caller's scope.")
    @APIResponse(responseCode = "409", description = "The inspection's report is not submitted, or it was concluded "
            + "with another number.")
    @APIResponse(responseCode = "422", description = "Dates out of order, inconsistent amounts or publication.")
    public Response conclude(@PathParam("id") UUID id, @Valid @NotNull ConclusionApi.Conclude request,
            @HeaderParam(IdempotencyKeys.HEADER) String key) {
        var written = conclusions.conclude(id, request);
        return written.response(v -> "/api/v1/inspections/" + id);
    }

    @POST
    @Path("/{id}/follow-up")
    @Consumes(MediaType.WILDCARD)
    @Idempotent
    @Operation(operationId = "startInspectionFollowUp", summary = "Start the follow-up of a concluded inspection")
    @APIResponse(responseCode = "200", description = "In follow-up.",
            content = @Content(schema = @Schema(implementation = InspectionView.class)))
    @APIResponse(responseCode = "404", description = "No such inspection in the caller's scope.")
    @APIResponse(responseCode = "409", description = "The inspection is not concluded.")
    public InspectionView startFollowUp(@PathParam("id") UUID id) {
        return inspections.startFollowUp(id);
    }

    @POST
    @Path("/{id}/closure")
    @Idempotent
    @Operation(operationId = "closeInspection", summary = "Close the follow-up with what was actually done")
    @APIResponse(responseCode = "200", description = "Closed.",
            content = @Content(schema = @Schema(implementation = InspectionView.class)))
    @APIResponse(responseCode = "404", description = "No such inspection in the caller's scope.")
    @APIResponse(responseCode = "409", description = "The inspection is not in follow-up.")
    @APIResponse(responseCode = "422", description = "Closed before the conclusion.")
    public InspectionView close(@PathParam("id") UUID id, @Valid @NotNull InspectionApi.Close request) {
        return followUps.close(id, request.closedOn());
    }
}
