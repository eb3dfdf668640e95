package vn.inspectorate.contracts.reference;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An inspection body was added, renamed, merged, retired, confirmed or corrected by a platform admin: the body as it
 * stands after the change, so a reader replaces its copy. The body's name is {@code title} (payload fields never
 * say "name": they are held to carry no personal identities). {@code bodyId} is a name-based UUID of the code (see
 * {@link #bodyIdOf}), so one body's changes stay in order on one partition.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InspectionBodyChanged(
        UUID bodyId,
        long version,
        OffsetDateTime occurredAt,
        UUID changeId,
        String change,
        LocalDate effectiveFrom,
        String code,
        String title,
        String level,
        String provinceCode,
        LocalDate validFrom,
        LocalDate validTo,
        String successorCode,
        String certainty) {

    /** The aggregate id of the body with {@code code}: the same on every service. */
    public static UUID bodyIdOf(String code) {
        return UUID.nameUUIDFromBytes(("inspection-body:" + code).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
