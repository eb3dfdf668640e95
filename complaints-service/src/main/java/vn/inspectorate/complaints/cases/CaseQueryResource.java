package vn.inspectorate.complaints.cases;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.inspectorate.platform.paging.PageRequest;
import vn.inspectorate.platform.problem.Problem;
import vn.inspectorate.platform.problem.ProblemException;
import vn.inspectorate.platform.security.CallerScope;
import vn.inspectorate.platform.security.Roles;

/** Reading cases: provincial roles their own province, central roles the nation; never with identity. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.PROVINCIAL_SYSTEM, Roles.INSPECTOR, Roles.CENTRAL_ANALYST, Roles.PLATFORM_ADMIN})
@Tag(name = "Case queries", description = "Cases and their history, never with identity")
public class CaseQueryResource {

    static final String SORT_PATTERN = "(receivedOn|currentDueOn|updatedAt|createdAt)(,(asc|desc|ASC|DESC))?";

    private final CaseQueryService queries;
    private final CaseAccess access;
    private final CaseViews views;
    private final CaseHistoryLog history;
    private final CallerScope caller;

    CaseQueryResource(CaseQueryService queries, CaseAccess access, CaseViews views, CaseHistoryLog history,
            CallerScope caller) {
        this.queries = queries;
        this.access = access;
        this.views = views;
        this.history = history;
        this.caller = caller;
    }

    @GET
    @Path("cases")
    @Operation(operationId = "listCases", summary = "List cases: a provincial caller its own province's, a central one"
            + " any province's; a page at a time (follow `next` or the `Link: rel=\"next\"` header)")
    public CasePage list(
            @QueryParam("province") @Pattern(regexp = "VN-[0-9A-Z]{2}") String province,
            @QueryParam("kind") @Parameter(schema = @Schema(implementation = CaseKind.class)) String kind,
            @QueryParam("status") @Parameter(schema = @Schema(implementation = CaseStatus.class)) String status,
            @QueryParam("handlingBody") @Size(max = 64) String handlingBody,
            @QueryParam("overdue") @Parameter(schema = @Schema(type = SchemaType.BOOLEAN)) String overdue,
            @QueryParam("dueWithinDays") @Min(0) @Max(3650) Integer dueWithinDays,
            @QueryParam("receivedFrom") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "date"))
            String receivedFrom,
            @QueryParam("receivedTo") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "date"))
            String receivedTo,
            @QueryParam("watchlist") @Parameter(schema = @Schema(type = SchemaType.BOOLEAN)) String watchlist,
            @QueryParam("sort") @DefaultValue("receivedOn,desc")
            @Pattern(regexp = SORT_PATTERN, message = "{inspectorate.constraint.case-sort}") String sort,
            @QueryParam(PageRequest.SIZE) @Min(1) @Max(PageRequest.MAX_SIZE) Integer size,
            @QueryParam(PageRequest.AFTER) @Size(max = 2048) String after,
            @QueryParam("page") @Min(0) @Max(1_000_000) @Parameter(deprecated = true, description = "A page number "
                    + "from 0; deep pages are slow and shift under new cases: follow `next` (`after`) instead.")
            Integer page) {
        List<Problem.FieldError> errors = new ArrayList<>();
        String scope = province;
        if (!caller.isCentral()) {
            String own = caller.province().orElse(null);
            if (own == null || (province != null && !province.equals(own))) {
                throw ProblemException.keyed(403, "forbidden", "query.own-province-only");
            }
            scope = own;
        }
        var filter = new CaseQueryService.Filter(scope, parseEnum(CaseKind.class, "kind", kind, errors),
                parseEnum(CaseStatus.class, "status", status, errors), handlingBody,
                parseBoolean("overdue", overdue, errors), dueWithinDays,
                parseDate("receivedFrom", receivedFrom, errors), parseDate("receivedTo", receivedTo, errors),
                parseBoolean("watchlist", watchlist, errors));
        String[] sortParts = sort.split(",", -1);
        boolean descending = sortParts.length > 1 && sortParts[1].equalsIgnoreCase("desc");
        if (!CaseQueryService.SORTS.contains(sortParts[0]) || sortParts.length > 2
                || (sortParts.length == 2 && !sortParts[1].matches("(?i)asc|desc"))) {
            errors.add(Problem.FieldError.of("sort", "query.sort.error", String.valueOf(CaseQueryService.SORTS)));
        }
        if (page != null && after != null) {
            errors.add(Problem.FieldError.of("page", "query.page-with-after"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors, "query.invalid");
        }
        PageRequest request = PageRequest.of(size, after, "cases;" + filter + ";sort=" + sortParts[0] + ","
                + descending, 2);
        return queries.find(filter, sortParts[0], descending, page, request);
    }

    @GET
    @Path("cases/{id}")
    @Operation(operationId = "getCase", summary = "Read a case")
    public CaseView get(@PathParam("id") UUID id) {
        return views.of(access.visible(id));
    }

    @GET
    @Path("cases/{id}/history")
    @Operation(operationId = "getCaseHistory", summary = "Read a case's history: who did what when")
    public List<CaseHistoryLog.Entry> history(@PathParam("id") UUID id) {
        return history.of(access.visible(id).id);
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String field, String value,
            List<Problem.FieldError> errors) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            errors.add(Problem.FieldError.of(field, "query.one-of.error", Arrays.toString(type.getEnumConstants())));
            return null;
        }
    }

    private static Boolean parseBoolean(String field, String value, List<Problem.FieldError> errors) {
        if (value == null) {
            return null;
        }
        if (!value.equals("true") && !value.equals("false")) {
            errors.add(Problem.FieldError.of(field, "query.boolean.error"));
            return null;
        }
        return Boolean.valueOf(value);
    }

    private static LocalDate parseDate(String field, String value, List<Problem.FieldError> errors) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(Problem.FieldError.of(field, "query.date.error"));
            return null;
        }
    }
}
