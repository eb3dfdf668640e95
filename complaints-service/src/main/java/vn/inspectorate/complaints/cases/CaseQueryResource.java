package vn.inspectorate.complaints.cases;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import vn.inspectorate.platform.problem.Problem;
import vn.inspectorate.platform.problem.ProblemException;
import vn.inspectorate.platform.security.CallerScope;
import vn.inspectorate.platform.security.Roles;

/** Reading cases: provincial roles their own province, central roles the nation; never with identity. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.PROVINCIAL_SYSTEM, Roles.INSPECTOR, Roles.CENTRAL_ANALYST, Roles.PLATFORM_ADMIN})
@Transactional(Transactional.TxType.SUPPORTS)
public class CaseQueryResource {

    static final int MAX_PAGE_SIZE = 200;

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
    public CasePage list(@QueryParam("province") String province, @QueryParam("kind") String kind,
            @QueryParam("status") String status, @QueryParam("handlingBody") String handlingBody,
            @QueryParam("overdue") String overdue, @QueryParam("dueWithinDays") String dueWithinDays,
            @QueryParam("receivedFrom") String receivedFrom, @QueryParam("receivedTo") String receivedTo,
            @QueryParam("watchlist") String watchlist, @QueryParam("sort") @DefaultValue("receivedOn,desc") String sort,
            @QueryParam("page") @DefaultValue("0") String page, @QueryParam("size") @DefaultValue("50") String size) {
        List<Problem.FieldError> errors = new ArrayList<>();
        String scope = province;
        if (!caller.isCentral()) {
            String own = caller.province().orElse(null);
            if (own == null || (province != null && !province.equals(own))) {
                throw ProblemException.forbidden("You may read the cases of your own province only.");
            }
            scope = own;
        }
        var filter = new CaseQueryService.Filter(scope, parseEnum(CaseKind.class, "kind", kind, errors),
                parseEnum(CaseStatus.class, "status", status, errors), handlingBody,
                parseBoolean("overdue", overdue, errors), parseInt("dueWithinDays", dueWithinDays, 0, 3650, errors),
                parseDate("receivedFrom", receivedFrom, errors), parseDate("receivedTo", receivedTo, errors),
                parseBoolean("watchlist", watchlist, errors));
        String[] sortParts = sort.split(",", -1);
        boolean descending = sortParts.length > 1 && sortParts[1].equalsIgnoreCase("desc");
        if (!CaseQueryService.SORTS.containsKey(sortParts[0]) || sortParts.length > 2
                || (sortParts.length == 2 && !sortParts[1].matches("(?i)asc|desc"))) {
            errors.add(new Problem.FieldError("sort", "one of " + CaseQueryService.SORTS.keySet()
                    + ", optionally followed by ,asc or ,desc"));
        }
        Integer pageNo = parseInt("page", page, 0, 1_000_000, errors);
        Integer pageSize = parseInt("size", size, 1, MAX_PAGE_SIZE, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("The query has invalid parameters.", errors);
        }
        return queries.find(filter, sortParts[0], descending, pageNo, pageSize);
    }

    @GET
    @Path("cases/{id}")
    public CaseView get(@PathParam("id") UUID id) {
        return views.of(access.visible(id));
    }

    @GET
    @Path("cases/{id}/history")
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
            errors.add(new Problem.FieldError(field, "one of " + Arrays.toString(type.getEnumConstants())));
            return null;
        }
    }

    private static Boolean parseBoolean(String field, String value, List<Problem.FieldError> errors) {
        if (value == null) {
            return null;
        }
        if (!value.equals("true") && !value.equals("false")) {
            errors.add(new Problem.FieldError(field, "true or false"));
            return null;
        }
        return Boolean.valueOf(value);
    }

    private static Integer parseInt(String field, String value, int min, int max, List<Problem.FieldError> errors) {
        if (value == null) {
            return null;
        }
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new Problem.FieldError(field, "a whole number from " + min + " to " + max));
        return null;
    }

    private static LocalDate parseDate(String field, String value, List<Problem.FieldError> errors) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new Problem.FieldError(field, "a date as YYYY-MM-DD"));
            return null;
        }
    }
}
