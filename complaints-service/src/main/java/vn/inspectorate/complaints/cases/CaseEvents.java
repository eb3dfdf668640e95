package vn.inspectorate.complaints.cases;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import vn.inspectorate.contracts.EventTypes;
import vn.inspectorate.contracts.Topics;
import vn.inspectorate.contracts.cases.CaseReceived;
import vn.inspectorate.contracts.publicevents.PublicCaseStatusChanged;
import vn.inspectorate.platform.outbox.Outbox;
import vn.inspectorate.platform.time.VietnamTime;

/** Writes a case's events to the outbox, in the caller's transaction; status changes also go to the public topic. */
@ApplicationScoped
public class CaseEvents {

    private final Outbox outbox;

    CaseEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void publish(String type, CitizenCase c, Record payload) {
        outbox.publish(Topics.CASES, type, c.id.toString(), payload, c.backfilled);
    }

    /** The sanitized variant for partners: ids, codes and status only; none for a case loaded as history. */
    public void publicStatus(CitizenCase c) {
        if (c.backfilled) {
            return;
        }
        outbox.publish(Topics.PUBLIC, EventTypes.PUBLIC_CASE_STATUS_CHANGED, c.id.toString(), publicPayload(c));
    }

    /** {@code case.received} and the public status of a case just filed, for {@link Outbox#publishAll}. */
    public List<Outbox.PendingEvent> received(CitizenCase c) {
        if (c.backfilled) {
            return List.of(new Outbox.PendingEvent(Topics.CASES, EventTypes.CASE_RECEIVED, c.id.toString(),
                    receivedPayload(c), true));
        }
        return List.of(
                new Outbox.PendingEvent(Topics.CASES, EventTypes.CASE_RECEIVED, c.id.toString(), receivedPayload(c)),
                new Outbox.PendingEvent(Topics.PUBLIC, EventTypes.PUBLIC_CASE_STATUS_CHANGED, c.id.toString(),
                        publicPayload(c)));
    }

    public void publishAll(List<Outbox.PendingEvent> events) {
        outbox.publishAll(events);
    }

    private static CaseReceived receivedPayload(CitizenCase c) {
        return new CaseReceived(c.id, c.version, now(), c.provinceCode, c.receivingBodyCode, c.channel.name(),
                c.sourceSystem, c.sourceReference, c.receivedOn, c.complainantCount, c.mass, c.anonymous);
    }

    private static PublicCaseStatusChanged publicPayload(CitizenCase c) {
        return new PublicCaseStatusChanged(c.id, c.version, now(), c.provinceCode, c.kind.name(), c.status.name(),
                c.handlingBodyCode);
    }

    public static OffsetDateTime now() {
        return VietnamTime.now();
    }
}
