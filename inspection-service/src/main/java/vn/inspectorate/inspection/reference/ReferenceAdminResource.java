package vn.inspectorate.inspection.reference;

import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.inspectorate.inspection.reference.ReferenceAdminApi.AddBody;
import vn.inspectorate.inspection.reference.ReferenceAdminApi.BodyView;
import vn.inspectorate.inspection.reference.ReferenceAdminApi.CalendarView;
import vn.inspectorate.inspection.reference.ReferenceAdminApi.ChangeView;
import vn.inspectorate.inspection.reference.ReferenceAdminApi.ConfirmBody;
import vn.inspectorate.inspection.reference.ReferenceAdminApi.LoadYear;
import vn.inspectorate.inspection.reference.ReferenceAdminApi.MergeBody;
import vn.inspectorate.inspection.reference.ReferenceAdminApi.RenameBody;
import vn.inspectorate.inspection.reference.ReferenceAdminApi.RetireBody;
import vn.inspectorate.platform.idempotency.IdempotencyKeys;
import vn.inspectorate.platform.idempotency.Idempotent;
import vn.inspectorate.platform.security.Roles;

/**
 * The national reference data kept by platform admins: inspection bodies (dated, with their names over time) and the
 * public calendar. Every change is recorded with who, when and why, and published for the services holding a copy.
 * Any authenticated caller reads.
 */
@Path("/api/v1/reference")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PLATFORM_ADMIN)
@Tag(name = "Reference data administration", description = "Inspection bodies and the public calendar, kept by "
        + "platform admins; every change recorded and sent to the services holding a copy.")
@RunOnVirtualThread
public class ReferenceAdminResource {

    private static final String CODE = "{code}";

    private final BodyAdministration bodies;
    private final PublicCalendar calendar;
    private final ReferenceChanges changes;

    ReferenceAdminResource(BodyAdministration bodies, PublicCalendar calendar, ReferenceChanges changes) {
        this.bodies = bodies;
        this.calendar = calendar;
        this.changes = changes;
    }

    @GET
    @Path("/inspection-bodies")
    @RolesAllowed("**")
    @Operation(operationId = "listReferenceInspectionBodies", summary = "Inspection bodies with their dates, names "
            + "over time, successor and certainty", description = "With `on`, only the bodies in force that day.")
    public List<BodyView> listBodies(@QueryParam("on") LocalDate on) {
        return bodies.list(on);
    }

    @GET
    @Path("/inspection-bodies/" + CODE)
    @RolesAllowed("**")
    @Operation(operationId = "getReferenceInspectionBody", summary = "One inspection body with its history")
    @APIResponse(responseCode = "200", description = "The body.",
            content = @Content(schema = @Schema(implementation = BodyView.class)))
    public BodyView getBody(@PathParam("code") @Size(max = 40) String code) {
        return bodies.get(code);
    }

    @POST
    @Path("/inspection-bodies")
    @Idempotent
    @Operation(operationId = "addInspectionBody", summary = "Add an inspection body from a date",
            description = "The code is the natural key: a repeat with the same fields answers the body with 200, "
                    + "with other fields a 409 `natural-key-conflict`.")
    @APIResponse(responseCode = "201", description = "Added, recorded and published.",
            headers = @Header(name = "Location", description = "The body's address.",
                    schema = @Schema(type = SchemaType.STRING, format = "uri-reference")),
            content = @Content(schema = @Schema(implementation = BodyView.class)))
    @APIResponse(responseCode = "200", description = "The body already exists with these fields: the body.",
            content = @Content(schema = @Schema(implementation = BodyView.class)))
    @APIResponse(responseCode = "409", description = "The code names a body with other fields.")
    @APIResponse(responseCode = "422", description = "A province where the level has none, or none where it needs "
            + "one.")
    public Response addBody(@Valid @NotNull AddBody request, @HeaderParam(IdempotencyKeys.HEADER) String key) {
        var written = bodies.add(request);
        return written.response(v -> "/api/v1/reference/inspection-bodies/" + v.code());
    }

    @POST
    @Path("/inspection-bodies/" + CODE + "/renaming")
    @Idempotent
    @Operation(operationId = "renameInspectionBody", summary = "Rename an inspection body from a date",
            description = "Earlier dates keep the earlier name; the same name from the same date again changes "
                    + "nothing.")
    @APIResponse(responseCode = "200", description = "The body, renamed.",
            content = @Content(schema = @Schema(implementation = BodyView.class)))
    @APIResponse(responseCode = "422", description = "The body is not in force on that date.")
    public Response renameBody(@PathParam("code") @Size(max = 40) String code, @Valid @NotNull RenameBody request,
            @HeaderParam(IdempotencyKeys.HEADER) String key) {
        return Response.ok(bodies.rename(code, request)).build();
    }

    @POST
    @Path("/inspection-bodies/" + CODE + "/merger")
    @Idempotent
    @Operation(operationId = "mergeInspectionBody", summary = "Merge an inspection body into another from a date",
            description = "The body ends the day before `from`, with the successor named; the same merger again "
                    + "changes nothing.")
    @APIResponse(responseCode = "200", description = "The body, merged.",
            content = @Content(schema = @Schema(implementation = BodyView.class)))
    @APIResponse(responseCode = "409", description = "The body already ended otherwise.")
    @APIResponse(responseCode = "422", description = "An unknown successor, one not in force on that date, or a date "
            + "not after the body's first day.")
    public Response mergeBody(@PathParam("code") @Size(max = 40) String code, @Valid @NotNull MergeBody request,
            @HeaderParam(IdempotencyKeys.HEADER) String key) {
        return Response.ok(bodies.merge(code, request)).build();
    }

    @POST
    @Path("/inspection-bodies/" + CODE + "/retirement")
    @Idempotent
    @Operation(operationId = "retireInspectionBody", summary = "Retire an inspection body from a date",
            description = "The body ends the day before `from`; inspections decided from then on are refused for it.")
    @APIResponse(responseCode = "200", description = "The body, retired.",
            content = @Content(schema = @Schema(implementation = BodyView.class)))
    @APIResponse(responseCode = "409", description = "The body already ended otherwise.")
    @APIResponse(responseCode = "422", description = "A date not after the body's first day.")
    public Response retireBody(@PathParam("code") @Size(max = 40) String code, @Valid @NotNull RetireBody request,
            @HeaderParam(IdempotencyKeys.HEADER) String key) {
        return Response.ok(bodies.retire(code, request)).build();
    }

    @POST
    @Path("/inspection-bodies/" + CODE + "/confirmation")
    @Idempotent
    @Operation(operationId = "confirmInspectionBody", summary = "Confirm or correct an inspection body entry",
            description = "Fields given correct the entry; the entry is CONFIRMED afterwards.")
    @APIResponse(responseCode = "200", description = "The body, confirmed or corrected.",
            content = @Content(schema = @Schema(implementation = BodyView.class)))
    @APIResponse(responseCode = "422", description = "A province that does not fit the level, or a first day after "
            + "the last.")
    public Response confirmBody(@PathParam("code") @Size(max = 40) String code, @Valid @NotNull ConfirmBody request,
            @HeaderParam(IdempotencyKeys.HEADER) String key) {
        return Response.ok(bodies.confirm(code, request)).build();
    }

    @PUT
    @Path("/calendar/{year}")
    @Idempotent
    @Operation(operationId = "loadCalendarYear", summary = "Load a year of the public calendar",
            description = "Its weekdays off (holidays and compensatory days off) and its compensatory working days "
                    + "(a Saturday or Sunday worked). Replaces the year; the same year again changes nothing.")
    @APIResponse(responseCode = "200", description = "The year as loaded.",
            content = @Content(schema = @Schema(implementation = CalendarView.class)))
    @APIResponse(responseCode = "422", description = "A day outside the year, listed twice, a day off on a weekend or "
            + "a working day on a weekday.")
    public Response loadYear(@PathParam("year") @Min(2000) @Max(2100) int year, @Valid @NotNull LoadYear request,
            @HeaderParam(IdempotencyKeys.HEADER) String key) {
        return Response.ok(calendar.load(year, request)).build();
    }

    @GET
    @Path("/calendar/{year}")
    @RolesAllowed("**")
    @Operation(operationId = "getCalendarYear", summary = "A year of the public calendar")
    @APIResponse(responseCode = "200", description = "The year.",
            content = @Content(schema = @Schema(implementation = CalendarView.class)))
    public CalendarView year(@PathParam("year") @Min(2000) @Max(2100) int year) {
        return calendar.year(year);
    }

    @GET
    @Path("/changes")
    @RolesAllowed("**")
    @Operation(operationId = "listReferenceChanges", summary = "The recorded reference data changes, latest first",
            description = "Who made each change, when, why and what it changed; `subject` narrows to a body code, "
                    + "`calendar-<year>` or a rule.")
    public List<ChangeView> changes(@QueryParam("subject") @Size(max = 60) String subject,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(500) int limit) {
        return changes.latest(subject, limit);
    }
}
