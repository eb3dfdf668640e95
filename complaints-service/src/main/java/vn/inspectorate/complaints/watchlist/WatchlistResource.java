package vn.inspectorate.complaints.watchlist;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import java.util.UUID;
import vn.inspectorate.complaints.cases.BusinessDate;
import vn.inspectorate.complaints.cases.CaseView;
import vn.inspectorate.complaints.cases.CaseViews;
import vn.inspectorate.platform.idempotency.Idempotent;
import vn.inspectorate.platform.paging.Page;
import vn.inspectorate.platform.paging.PageRequest;
import vn.inspectorate.platform.problem.Problem;
import vn.inspectorate.platform.problem.ProblemException;
import vn.inspectorate.platform.security.CallerScope;
import vn.inspectorate.platform.security.Roles;

/**
 * Central roles put cases on the watchlist and take them off; handling staff report monthly progress. A decision is
 * repeated safely by its decision reference, so the writes take no {@code Idempotency-Key}; {@code @Idempotent} gives
 * each its transaction.
 */
@Path("/api/v1")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Watchlist", description = "Cases the centre follows, and their monthly progress")
public class WatchlistResource {

    private final WatchlistService watchlist;
    private final CaseViews views;
    private final CallerScope caller;

    WatchlistResource(WatchlistService watchlist, CaseViews views, CallerScope caller) {
        this.watchlist = watchlist;
        this.views = views;
        this.caller = caller;
    }

    @POST
    @Path("cases/{id}/watchlist")
    @RolesAllowed({Roles.CENTRAL_ANALYST, Roles.PLATFORM_ADMIN})
    @Idempotent
    @Operation(operationId = "addCaseToWatchlist", summary = "Put a case on the watchlist")
    @APIResponse(responseCode = "200", description = "The case after the change",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "409", description = "The case is already on the watchlist")
    public Response add(@PathParam("id") UUID id, @Valid @NotNull WatchlistCommands.Decision body) {
        return Response.ok(views.of(watchlist.add(id, body, caller.subject()))).build();
    }

    @POST
    @Path("cases/{id}/watchlist/removal")
    @RolesAllowed({Roles.CENTRAL_ANALYST, Roles.PLATFORM_ADMIN})
    @Idempotent
    @Operation(operationId = "removeCaseFromWatchlist", summary = "Take a case off the watchlist")
    @APIResponse(responseCode = "200", description = "The case after the change",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "409", description = "The case is not on the watchlist")
    public Response remove(@PathParam("id") UUID id, @Valid @NotNull WatchlistCommands.Decision body) {
        return Response.ok(views.of(watchlist.remove(id, body, caller.subject()))).build();
    }

    @POST
    @Path("cases/{id}/watchlist/progress")
    @RolesAllowed(Roles.INSPECTOR)
    @Idempotent
    @Operation(operationId = "reportWatchlistProgress", summary = "Report a watchlisted case's progress for a month")
    @APIResponse(responseCode = "200", description = "The case after the change",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "409", description = "The case is not on the watchlist")
    public Response progress(@PathParam("id") UUID id, @Valid @NotNull WatchlistCommands.Progress body) {
        return Response.ok(views.of(watchlist.reportProgress(id, body, caller.subject()))).build();
    }

    /** Watchlisted cases without a progress report for {@code month} (default: the current month). */
    @GET
    @Path("watchlist/without-progress")
    @RolesAllowed({Roles.CENTRAL_ANALYST, Roles.PLATFORM_ADMIN, Roles.INSPECTOR})
    @Operation(operationId = "listWatchlistWithoutProgress",
            summary = "Watchlisted cases without a progress report for a month, a page at a time")
    public Page<WatchlistCommands.Entry> withoutProgress(@QueryParam("month")
            @Pattern(regexp = "\\d{4}-(0[1-9]|1[0-2])", message = "{inspectorate.constraint.month}") String month,
            @QueryParam(PageRequest.SIZE) @Min(1) @Max(PageRequest.MAX_SIZE) Integer size,
            @QueryParam(PageRequest.AFTER) @Size(max = 2048) String after) {
        YearMonth m;
        try {
            m = month == null ? YearMonth.from(BusinessDate.today()) : YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(List.of(Problem.FieldError.of("month", "watchlist.month.error")),
                    "watchlist.month");
        }
        String province = caller.isCentral() ? null : caller.province()
                .orElseThrow(() -> ProblemException.keyed(403, "forbidden", "access.no-province-claim"));
        return watchlist.withoutProgress(province, m, PageRequest.of(size, after, "without-progress;" + m + ";"
                + province, 2));
    }
}
