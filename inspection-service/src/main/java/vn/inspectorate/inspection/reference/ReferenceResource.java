package vn.inspectorate.inspection.reference;

import io.quarkus.panache.common.Sort;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.inspectorate.platform.idempotency.IdempotencyKeys;
import vn.inspectorate.platform.idempotency.Idempotent;
import vn.inspectorate.platform.security.Roles;

/** Reference data: the inspection bodies and the duration rules, dated; a platform admin adds rule versions. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.PROVINCIAL_SYSTEM, Roles.INSPECTOR, Roles.CENTRAL_ANALYST, Roles.PLATFORM_ADMIN})
@Tag(name = "Inspection reference data", description = "Inspection bodies and the dated duration rules.")
@RunOnVirtualThread
public class ReferenceResource {

    private final DurationRuleVersions durationRules;

    ReferenceResource(DurationRuleVersions durationRules) {
        this.durationRules = durationRules;
    }

    @Schema(name = "InspectionBodyView")
    public record BodyView(String code, String name, String level,
            @Schema(nullable = true, description = "None for central and sector bodies.") String provinceCode,
            @Schema(description = "The first day the body was in force.") LocalDate validFrom,
            @Schema(nullable = true, description = "The last day the body was in force; none while in force.")
            LocalDate validTo,
            @Schema(nullable = true, description = "The body that took over this one's work when it ended.")
            String successorCode,
            @Schema(description = "UNCERTAIN until an admin confirms or corrects the entry.",
                    enumeration = {"CONFIRMED", "UNCERTAIN"}) String certainty) {
    }

    @Schema(name = "InspectionDurationRuleView")
    public record DurationRuleView(String level, boolean reInspection, int baseDays, int extensionDays,
            int maxExtensions, LocalDate effectiveFrom, @Schema(nullable = true) LocalDate effectiveTo, String source) {
    }

    @GET
    @Path("/inspection-bodies")
    @Operation(operationId = "listInspectionBodies", summary = "The inspection bodies with their level, province and "
            + "the dates they were in force")
    public List<BodyView> bodies() {
        return InspectionBody.<InspectionBody>listAll(Sort.by("code")).stream()
                .map(b -> new BodyView(b.code, b.name, b.level, b.provinceCode, b.validFrom, b.validTo,
                        b.successorCode, b.certainty)).toList();
    }

    @POST
    @Path("/duration-rules")
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Idempotent
    @Operation(operationId = "addDurationRuleVersion", summary = "Add a version of a duration rule from an effective "
            + "date", description = "The previous version ends the day before; inspections keep the limits they "
            + "opened with. Recorded in the reference changes with its reason.")
    @APIResponse(responseCode = "201", description = "Added and recorded.",
            content = @Content(schema = @Schema(implementation = DurationRuleView.class)))
    @APIResponse(responseCode = "200", description = "The same version exists: the version.",
            content = @Content(schema = @Schema(implementation = DurationRuleView.class)))
    @APIResponse(responseCode = "409", description = "Another version from the same date, or a date before the "
            + "latest version's.")
    public Response addDurationRule(@Valid @NotNull DurationRuleVersions.NewVersion request,
            @HeaderParam(IdempotencyKeys.HEADER) String key) {
        var written = durationRules.add(request);
        return written.response();
    }

    @GET
    @Path("/duration-rules")
    @Operation(operationId = "listDurationRules", summary = "The duration rules of inspections, with their effective "
            + "dates")
    public List<DurationRuleView> durationRules() {
        return DurationRule.<DurationRule>listAll(Sort.by("level", "reInspection", "effectiveFrom")).stream()
                .map(r -> new DurationRuleView(r.level, r.reInspection, r.baseDays, r.extensionDays, r.maxExtensions,
                        r.effectiveFrom, r.effectiveTo, r.source)).toList();
    }
}
