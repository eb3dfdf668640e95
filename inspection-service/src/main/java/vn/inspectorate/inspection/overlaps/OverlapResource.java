package vn.inspectorate.inspection.overlaps;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import vn.inspectorate.platform.security.Roles;

/** The national overlap report and the settlement of conflicts. */
@Path("/api/v1/overlaps")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OverlapResource {

    private final OverlapService overlaps;

    OverlapResource(OverlapService overlaps) {
        this.overlaps = overlaps;
    }

    @GET
    @RolesAllowed({Roles.PROVINCIAL_SYSTEM, Roles.INSPECTOR, Roles.CENTRAL_ANALYST, Roles.PLATFORM_ADMIN})
    public OverlapService.OverlapReport report(@QueryParam("year") @NotNull @Min(2000) @Max(2100) Integer year,
            @QueryParam("province") String province) {
        return overlaps.report(year, province);
    }

    @POST
    @Path("/{id}/settlement")
    @RolesAllowed(Roles.INSPECTOR)
    public ConflictView settle(@PathParam("id") UUID id, @Valid @NotNull OverlapService.Settle request) {
        return overlaps.settle(id, request);
    }
}
