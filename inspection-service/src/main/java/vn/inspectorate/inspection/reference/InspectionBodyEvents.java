package vn.inspectorate.inspection.reference;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import vn.inspectorate.contracts.reference.InspectionBodyChanged;
import vn.inspectorate.inspection.reference.ReferenceAdminApi.BodyChange;

/** The event of a change to an inspection body, built here from the body as it stands afterwards. */
final class InspectionBodyEvents {

    private InspectionBodyEvents() {
    }

    static InspectionBodyChanged changed(InspectionBody body, BodyChange change, LocalDate effectiveFrom,
            String nameThen, UUID changeId) {
        return new InspectionBodyChanged(InspectionBodyChanged.bodyIdOf(body.code), body.version,
                OffsetDateTime.now(ZoneOffset.UTC), changeId, change.name(), effectiveFrom, body.code, nameThen,
                body.level, body.provinceCode, body.validFrom, body.validTo, body.successorCode, body.certainty);
    }
}
