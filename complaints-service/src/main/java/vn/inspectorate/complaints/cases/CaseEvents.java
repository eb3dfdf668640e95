package vn.inspectorate.complaints.cases;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import vn.inspectorate.contracts.EventTypes;
import vn.inspectorate.contracts.Topics;
import vn.inspectorate.contracts.publicevents.PublicCaseStatusChanged;
import vn.inspectorate.platform.outbox.Outbox;

/** Writes a case's events to the outbox, in the caller's transaction; status changes also go to the public topic. */
@ApplicationScoped
public class CaseEvents {

    private final Outbox outbox;

    CaseEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void publish(String type, CitizenCase c, Record payload) {
        outbox.publish(Topics.CASES, type, c.id.toString(), payload);
    }

    /** The sanitized variant for partners: ids, codes and status only. */
    public void publicStatus(CitizenCase c) {
        outbox.publish(Topics.PUBLIC, EventTypes.PUBLIC_CASE_STATUS_CHANGED, c.id.toString(),
                new PublicCaseStatusChanged(c.id, c.version, now(), c.provinceCode, c.kind.name(), c.status.name(),
                        c.handlingBodyCode));
    }

    public static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
