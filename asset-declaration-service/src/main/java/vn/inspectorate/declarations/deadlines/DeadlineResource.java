package vn.inspectorate.declarations.deadlines;

import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import vn.inspectorate.declarations.deadlines.DeadlineApi.Overdue;
import vn.inspectorate.platform.problem.Problem.FieldError;
import vn.inspectorate.platform.problem.ProblemException;
import vn.inspectorate.platform.security.Roles;

@Path("/api/v1/agencies/{agency}/overdue-declarations")
@Produces(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
public class DeadlineResource {

    private final DeadlineService deadlines;

    DeadlineResource(DeadlineService deadlines) {
        this.deadlines = deadlines;
    }

    /** Missing and late first-time and annual declarations of an agency's declarants for a year. */
    @GET
    @RolesAllowed(Roles.ASSET_CONTROLLER)
    public List<Overdue> overdue(@PathParam("agency") @NotBlank String agency,
            @QueryParam("year") @NotNull @Min(2000) @Max(2100) Integer year, @QueryParam("asOf") String asOf) {
        LocalDate on;
        try {
            on = asOf == null ? LocalDate.now() : LocalDate.parse(asOf);
        } catch (java.time.DateTimeException e) {
            throw ProblemException.invalid("asOf must be an ISO date.", List.of(new FieldError("asOf", "not a date")));
        }
        return deadlines.overdue(agency, year, on);
    }
}
