package vn.inspectorate.inspection.overlaps;

import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.inspectorate.inspection.reference.InspectedEntityInput;
import vn.inspectorate.platform.idempotency.Idempotent;
import vn.inspectorate.platform.security.Roles;

/** The national overlap report and the settlement of conflicts. */
@Path("/api/v1/overlaps")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Overlaps", description = "The national overlap report of inspections and its settlement.")
@RunOnVirtualThread
public class OverlapResource {

    private final OverlapService overlaps;

    OverlapResource(OverlapService overlaps) {
        this.overlaps = overlaps;
    }

    @GET
    @RolesAllowed({Roles.PROVINCIAL_SYSTEM, Roles.INSPECTOR, Roles.CENTRAL_ANALYST, Roles.PLATFORM_ADMIN})
    @Operation(operationId = "getOverlapReport", summary = "Every overlap conflict of a year, settled or not")
    public OverlapService.OverlapReport report(@QueryParam("year") @NotNull @Min(2000) @Max(2100) Integer year,
            @QueryParam("province") @Pattern(regexp = InspectedEntityInput.PROVINCE_CODE,
                    message = "{inspectorate.constraint.province-code}")
            String province) {
        return overlaps.report(year, province);
    }

    @POST
    @Path("/{id}/settlement")
    @RolesAllowed(Roles.INSPECTOR)
    @Idempotent
    @Operation(operationId = "settleOverlapConflict", summary = "Decide which body proceeds",
            description = "The other side's planned inspection is withdrawn. Settling again for the same body changes "
                    + "nothing.")
    @APIResponse(responseCode = "200", description = "Settled.",
            content = @Content(schema = @Schema(implementation = ConflictView.class)))
    @APIResponse(responseCode = "404", description = "No such conflict in the caller's scope.")
    @APIResponse(responseCode = "409", description = "Already settled in favour of the other body.")
    @APIResponse(responseCode = "422", description = "The proceeding body is not a party to the conflict.")
    public ConflictView settle(@PathParam("id") UUID id, @Valid @NotNull OverlapService.Settle request) {
        return overlaps.settle(id, request);
    }
}
