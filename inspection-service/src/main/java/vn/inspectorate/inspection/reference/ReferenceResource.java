package vn.inspectorate.inspection.reference;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import vn.inspectorate.platform.security.Roles;

/** Reference data: the inspection bodies and the duration rules, dated. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.PROVINCIAL_SYSTEM, Roles.INSPECTOR, Roles.CENTRAL_ANALYST, Roles.PLATFORM_ADMIN})
public class ReferenceResource {

    public record BodyView(String code, String name, String level, String provinceCode) {
    }

    public record DurationRuleView(String level, boolean reInspection, int baseDays, int extensionDays,
            int maxExtensions, java.time.LocalDate effectiveFrom, java.time.LocalDate effectiveTo, String source) {
    }

    @GET
    @Path("/inspection-bodies")
    public List<BodyView> bodies() {
        return InspectionBody.<InspectionBody>listAll(io.quarkus.panache.common.Sort.by("code")).stream()
                .map(b -> new BodyView(b.code, b.name, b.level, b.provinceCode)).toList();
    }

    @GET
    @Path("/duration-rules")
    public List<DurationRuleView> durationRules() {
        return DurationRule.<DurationRule>listAll(io.quarkus.panache.common.Sort.by("level", "reInspection",
                "effectiveFrom")).stream().map(r -> new DurationRuleView(r.level, r.reInspection, r.baseDays,
                r.extensionDays, r.maxExtensions, r.effectiveFrom, r.effectiveTo, r.source)).toList();
    }
}
