package vn.inspectorate.contracts.inspections;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An annual inspection plan was approved; {@code provinceCode} is null for central and ministry plans. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InspectionPlanApproved(
        UUID planId,
        long version,
        OffsetDateTime occurredAt,
        String provinceCode,
        String issuingBodyCode,
        int planYear,
        int inspectionCount,
        LocalDate approvedOn) {
}
