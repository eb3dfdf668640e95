package vn.inspectorate.inspection.conclusions;

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
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.inspectorate.inspection.conclusions.ConclusionApi.RecommendationView;
import vn.inspectorate.inspection.conclusions.ConclusionApi.TransferView;
import vn.inspectorate.inspection.reference.InspectedEntityInput;
import vn.inspectorate.platform.idempotency.IdempotencyKeys;
import vn.inspectorate.platform.idempotency.Idempotent;
import vn.inspectorate.platform.paging.Page;
import vn.inspectorate.platform.paging.PageRequest;
import vn.inspectorate.platform.security.Roles;
import vn.inspectorate.platform.time.VietnamTime;

/** Follow-up of conclusions: recoveries, recommendations done, transfers acknowledged, overdue list. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.PROVINCIAL_SYSTEM, Roles.INSPECTOR})
@Tag(name = "Inspection follow-up", description = "Recoveries, recommendations done, transfers acknowledged, overdue "
        + "recommendations.")
@RunOnVirtualThread
public class FollowUpResource {

    private final FollowUpService followUps;

    FollowUpResource(FollowUpService followUps) {
        this.followUps = followUps;
    }

    @POST
    @Path("/recommendations/{id}/payments")
    @Idempotent
    @Operation(operationId = "recordRecoveryPayment", summary = "Record a (partial) recovery of a recommendation",
            description = "The payment reference is the natural key: a repeat records nothing new.")
    @APIResponse(responseCode = "201", description = "Recorded; the recommendation with its recovered totals.",
            content = @Content(schema = @Schema(implementation = RecommendationView.class)))
    @APIResponse(responseCode = "200", description = "Already recorded under this reference.",
            content = @Content(schema = @Schema(implementation = RecommendationView.class)))
    @APIResponse(responseCode = "404", description = "No such recommendation in the caller's scope.")
    @APIResponse(responseCode = "409", description = "Not a recovery recommendation, or the inspection is not in "
            + "follow-up.")
    @APIResponse(responseCode = "422", description = "Paid before the conclusion, nothing recovered, or more than "
            + "what remains.")
    public Response recordPayment(@PathParam("id") UUID id, @Valid @NotNull ConclusionApi.Payment request,
            @HeaderParam(IdempotencyKeys.HEADER) String key) {
        var written = followUps.recordPayment(id, request);
        return written.response();
    }

    @POST
    @Path("/recommendations/{id}/completion")
    @Idempotent
    @Operation(operationId = "completeRecommendation", summary = "Mark a recommendation done")
    @APIResponse(responseCode = "200", description = "Done, or already done.",
            content = @Content(schema = @Schema(implementation = RecommendationView.class)))
    @APIResponse(responseCode = "404", description = "No such recommendation in the caller's scope.")
    @APIResponse(responseCode = "409", description = "The inspection is not in follow-up.")
    @APIResponse(responseCode = "422", description = "Done before the conclusion, or discipline on a recommendation "
            + "that is not disciplinary.")
    public RecommendationView complete(@PathParam("id") UUID id, @Valid @NotNull ConclusionApi.Completion request) {
        return followUps.complete(id, request);
    }

    @POST
    @Path("/transfers/{id}/acknowledgement")
    @Idempotent
    @Operation(operationId = "acknowledgeTransfer", summary = "Record an investigation body's acknowledgement of a "
            + "transfer")
    @APIResponse(responseCode = "200", description = "Acknowledged, or already acknowledged.",
            content = @Content(schema = @Schema(implementation = TransferView.class)))
    @APIResponse(responseCode = "404", description = "No such transfer in the caller's scope.")
    @APIResponse(responseCode = "409", description = "The inspection is not in follow-up.")
    @APIResponse(responseCode = "422", description = "Acknowledged before the transfer.")
    public TransferView acknowledge(@PathParam("id") UUID id, @Valid @NotNull ConclusionApi.Acknowledgement request) {
        return followUps.acknowledge(id, request);
    }

    @GET
    @Path("/follow-ups/overdue")
    @RolesAllowed({Roles.PROVINCIAL_SYSTEM, Roles.INSPECTOR, Roles.CENTRAL_ANALYST, Roles.PLATFORM_ADMIN})
    @Operation(operationId = "listOverdueRecommendations", summary = "Recommendations not done by their due date, "
            + "earliest due first, a page at a time")
    public Page<RecommendationView> overdue(@QueryParam("asOf") LocalDate asOf,
            @QueryParam("province") @Pattern(regexp = InspectedEntityInput.PROVINCE_CODE,
                    message = "{inspectorate.constraint.province-code}")
            String province,
            @QueryParam(PageRequest.SIZE) @Min(1) @Max(PageRequest.MAX_SIZE) Integer size,
            @QueryParam(PageRequest.AFTER) @Size(max = 2048) String after) {
        LocalDate on = asOf == null ? VietnamTime.today() : asOf;
        return followUps.overdue(on, province, PageRequest.of(size, after, "overdue;" + on + ";" + province, 2));
    }
}
