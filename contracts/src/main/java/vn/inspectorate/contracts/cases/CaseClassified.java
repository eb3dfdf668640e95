package vn.inspectorate.contracts.cases;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A case was classified as complaint, denunciation, petition or reflection, with its instance and complexity;
 * {@code respondentDeclarantId} names the asset declarant a denunciation concerns, if known.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseClassified(
        UUID caseId,
        long version,
        OffsetDateTime occurredAt,
        String provinceCode,
        String kind,
        int instance,
        boolean complex,
        boolean remoteArea,
        String ruleSetVersion,
        UUID respondentDeclarantId) {
}
