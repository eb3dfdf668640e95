package vn.inspectorate.declarations.deadlines;

import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.inspectorate.declarations.deadlines.DeadlineApi.Overdue;
import vn.inspectorate.declarations.declarants.DeclarantApi;
import vn.inspectorate.platform.paging.Page;
import vn.inspectorate.platform.paging.PageRequest;
import vn.inspectorate.platform.security.Roles;
import vn.inspectorate.platform.time.VietnamTime;

@Path("/api/v1/agencies/{agency}/overdue-declarations")
@Produces(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
@Tag(name = "Declaration deadlines", description = "Missing and late declarations, reminders and violations.")
public class DeadlineResource {

    private final DeadlineService deadlines;

    DeadlineResource(DeadlineService deadlines) {
        this.deadlines = deadlines;
    }

    /** Missing and late first-time and annual declarations of an agency's declarants for a year. */
    @GET
    @RolesAllowed(Roles.ASSET_CONTROLLER)
    @Operation(operationId = "listOverdueDeclarations", summary = "Missing and late declarations of an agency for a "
            + "year, a page at a time", description = "As of today in Vietnam unless asOf is given.")
    public Page<Overdue> overdue(
            @PathParam("agency") @Pattern(regexp = DeclarantApi.CODE_PATTERN, message = "{declarations.agency-code}")
            String agency,
            @QueryParam("year") @NotNull @Min(2000) @Max(2100) Integer year, @QueryParam("asOf") LocalDate asOf,
            @QueryParam(PageRequest.SIZE) @Min(1) @Max(PageRequest.MAX_SIZE) Integer size,
            @QueryParam(PageRequest.AFTER) @Size(max = 2048) String after) {
        LocalDate on = asOf == null ? VietnamTime.today() : asOf;
        PageRequest page = PageRequest.of(size, after, "overdue;" + agency + ";" + year + ";" + on, 2);
        return deadlines.overdue(agency, year, on, page);
    }
}
