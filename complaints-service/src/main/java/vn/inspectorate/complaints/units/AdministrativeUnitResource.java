package vn.inspectorate.complaints.units;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.inspectorate.platform.time.VietnamTime;

/** Reference data: the provincial-level units in force on a date (default today). */
@Path("/api/v1/administrative-units")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Administrative units", description = "Reference data: the provincial-level units")
public class AdministrativeUnitResource {

    private final AdministrativeUnits units;

    AdministrativeUnitResource(AdministrativeUnits units) {
        this.units = units;
    }

    @GET
        @Operation(operationId = "listAdministrativeUnits", summary = "The provincial-level units in force on a date")
    public List<AdministrativeUnits.UnitView> list(@QueryParam("on") LocalDate on) {
        return units.inForceOn(on == null ? VietnamTime.today() : on);
    }
}
