package vn.inspectorate.declarations.supplementary;

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
import vn.inspectorate.declarations.declarants.DeclarantApi;
import vn.inspectorate.declarations.supplementary.ChangeApi.Due;
import vn.inspectorate.platform.paging.Page;
import vn.inspectorate.platform.paging.PageRequest;
import vn.inspectorate.platform.security.Roles;
import vn.inspectorate.platform.time.VietnamTime;

@Path("/api/v1/agencies/{agency}/supplementary-declarations")
@Produces(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
@Tag(name = "Supplementary declarations", description = "Job changes and increases that make a supplementary "
        + "declaration due, and what is due.")
public class SupplementaryResource {

    private final SupplementaryService supplementary;

    SupplementaryResource(SupplementaryService supplementary) {
        this.supplementary = supplementary;
    }

    /** What the controller reminds declarants of: due, filed, late or missing, as of a day in Vietnam. */
    @GET
    @RolesAllowed(Roles.ASSET_CONTROLLER)
    @Operation(operationId = "listSupplementaryDeclarationsDue", summary = "Supplementary declarations due from an "
            + "agency's declarants for a year, a page at a time", description = "As of today in Vietnam unless asOf "
            + "is given. A written reminder for a missing one is recorded like any other (kind SUPPLEMENTARY). The "
            + "changes are reported ones and rises found when a submitted declaration is compared with the previous "
            + "one; a supplementary declaration of the year declared on or after the last change answers them.")
    public Page<Due> due(
            @PathParam("agency") @Pattern(regexp = DeclarantApi.CODE_PATTERN, message = "{declarations.agency-code}")
            String agency,
            @QueryParam("year") @NotNull @Min(2000) @Max(2100) Integer year, @QueryParam("asOf") LocalDate asOf,
            @QueryParam(PageRequest.SIZE) @Min(1) @Max(PageRequest.MAX_SIZE) Integer size,
            @QueryParam(PageRequest.AFTER) @Size(max = 2048) String after) {
        LocalDate on = asOf == null ? VietnamTime.today() : asOf;
        PageRequest page = PageRequest.of(size, after, "supplementary;" + agency + ";" + year + ";" + on, 2);
        return supplementary.due(agency, year, on, page);
    }
}
