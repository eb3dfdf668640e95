package vn.inspectorate.inspection.bulk;

import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.inspectorate.inspection.bulk.InspectionBatchApi.Result;
import java.util.Locale;
import vn.inspectorate.platform.idempotency.IdempotencyKeys;
import vn.inspectorate.platform.idempotency.Idempotent;
import vn.inspectorate.platform.language.Languages;
import vn.inspectorate.platform.security.Roles;

/** Bulk writes of inspection records, live or as history (a back-fill). */
@Path("/api/v1/inspections/batch")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.PROVINCIAL_SYSTEM, Roles.INSPECTOR, Roles.PLATFORM_ADMIN})
@Tag(name = "Inspections", description = "Opening decisions, status changes, conclusions and closure.")
@RunOnVirtualThread
public class InspectionBatchResource {

    static final int REQUEST_TRANSACTION_SECONDS = 600;

    private final InspectionBatchService batches;

    InspectionBatchResource(InspectionBatchService batches) {
        this.batches = batches;
    }

    @POST
    // the request's transaction holds only the Idempotency-Key while the records commit in rounds of their own: a
    // batch on a busy machine outlasts the default 60 s, and a timed-out request would answer 500 for records it wrote
    @Idempotent(timeoutSeconds = REQUEST_TRANSACTION_SECONDS)
    @Operation(operationId = "writeInspectionBatch", summary = "Write up to 500 inspection records with their lifecycle",
            description = "Each item is an inspection record: its opening decision and, optionally, its start, the "
                    + "team's report, the conclusion (with violations, recommendations, responsible organisations and "
                    + "individuals), recoveries paid on the conclusion's recommendations (by position) and the closure "
                    + "of the follow-up. Each item is written whole or not at all, through the same rules as the "
                    + "single calls, in that order, and gets one result: CREATED, EXISTING (the same decision with the "
                    + "same values; steps it had not reached are applied), CONFLICT (a natural key recorded with other "
                    + "values: `natural-key-conflict`, nothing changed) or REJECTED with the problem its single call "
                    + "would answer, fields prefixed with the item's path. One refused item does not stop the others. "
                    + "Natural keys: an inspection's (body, decision year, decision number), a conclusion's number, a "
                    + "payment's reference; with `Idempotency-Key` a retried call answers its first result.\n\n"
                    + "**History (`backfilled: true`).** Loads past records as they happened. Who: a "
                    + "`provincial-system` for its province's bodies, or `platform-admin` for any body; anyone else "
                    + "is 403 for the whole call. Which dates: every date of the item's lifecycle (decision, opening, "
                    + "start, report, conclusion, payments, closure) before today in Vietnam time, else the item is "
                    + "422 `backfill-date`; recommendation due dates and publication dates are not limited. The "
                    + "records are marked `backfilled`: reports count them under their real dates; they are never "
                    + "overrun, their recommendations are not listed as overdue, they are not checked for overlaps, "
                    + "their events carry `backfilled: true` and no public event (hence no partner webhook) is sent "
                    + "for them. Correcting a loaded record: loading it again with other values is a "
                    + "`natural-key-conflict` and changes nothing; later facts (a payment, the closure) are added "
                    + "through the normal write endpoints, recorded with who and when, and keep the record's mark. "
                    + "Live writes (without `backfilled`) keep every live rule: e.g. a plan for a past year is refused.")
    @APIResponse(responseCode = "200", description = "One result per item, in order, and the counts.",
            content = @Content(schema = @Schema(implementation = Result.class)))
    @APIResponse(responseCode = "400", description = "Not a batch: no items, more than 500, or malformed JSON.")
    @APIResponse(responseCode = "403", description = "History loaded by a caller that may not load it.")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used with another body.")
    public Response write(@Valid @NotNull InspectionBatchApi.Batch batch,
            @HeaderParam(IdempotencyKeys.HEADER) String key, @Context HttpHeaders headers) {
        // the refused items' problems sit inside the result: written in the request's language like any problem
        Locale language = Languages.negotiate(headers.getHeaderString(Languages.ACCEPT_LANGUAGE));
        return Response.ok(batches.write(batch).localized(language))
                .header(Languages.CONTENT_LANGUAGE, Languages.tag(language))
                .header(Languages.VARY, Languages.ACCEPT_LANGUAGE).build();
    }
}
