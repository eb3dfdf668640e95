package vn.inspectorate.declarations.accesslog;

import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.inspectorate.declarations.access.DeclarationAccess;
import vn.inspectorate.platform.paging.Page;
import vn.inspectorate.platform.paging.PageRequest;
import vn.inspectorate.platform.problem.Problem;
import vn.inspectorate.platform.problem.ProblemException;
import vn.inspectorate.declarations.language.Refusals;
import vn.inspectorate.platform.security.Roles;

/** Review of the detail-read log: central controllers, central analysts and platform administrators. */
@Path("/api/v1/access-log")
@Produces(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
@Tag(name = "Declaration access log", description = "Who read which declaration in detail or which declarant's identity, when and why.")
public class AccessLogResource {

    private final AccessLog log;
    private final DeclarationAccess access;

    AccessLogResource(AccessLog log, DeclarationAccess access) {
        this.log = log;
        this.access = access;
    }

    @GET
    @RolesAllowed({Roles.ASSET_CONTROLLER, Roles.CENTRAL_ANALYST, Roles.PLATFORM_ADMIN})
    @Operation(operationId = "listDeclarationAccessLog", summary = "Detail reads of declarations and identity reads "
            + "of declarants, oldest first, a page at a time")
    public Page<AccessLog.Entry> review(@QueryParam("declarationId") UUID declarationId,
            @QueryParam("declarantId") UUID declarantId,
            @QueryParam("subject") @Size(max = 255) String subject, @QueryParam("from") OffsetDateTime from,
            @QueryParam("to") OffsetDateTime to,
            @QueryParam(PageRequest.SIZE) @Min(1) @Max(PageRequest.MAX_SIZE) Integer size,
            @QueryParam(PageRequest.AFTER) @Size(max = 2048) String after,
            @QueryParam("limit") @Min(1) @Max(PageRequest.MAX_SIZE) @Parameter(deprecated = true,
                    description = "The older name of `size`.") Integer limit) {
        if (!access.isNationalReader()) {
            throw Refusals.forbidden("access-log.forbidden");
        }
        if (size != null && limit != null) {
            throw PageRequest.limitWithSize();
        }
        PageRequest page = PageRequest.of(size != null ? size : limit, after, "access-log;" + declarationId + ";"
                + declarantId + ";" + subject + ";" + from + ";" + to, 1);
        return log.find(declarationId, declarantId, subject, from, to, page);
    }
}
