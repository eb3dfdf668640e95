package vn.inspectorate.reporting.projection;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import vn.inspectorate.contracts.CloudEvent;
import vn.inspectorate.contracts.EventCatalog;
import vn.inspectorate.platform.inbox.EventInbox;

/**
 * Reads the projection's events as their payload records ({@link EventCatalog}) through the platform's one tolerant
 * reader, {@link EventInbox#payload}: the event that arrives and the ones of its aggregate kept before it alike, those
 * of producers older than a field included.
 */
@ApplicationScoped
class EventPayloads {

    private final EventInbox inbox;

    EventPayloads(EventInbox inbox) {
        this.inbox = inbox;
    }

    /** The payload of an event that arrives. */
    Record read(CloudEvent<JsonNode> event) {
        return inbox.payload(event, EventCatalog.payloadType(event.type()));
    }

    /** The payload of an event kept before (it was read the same way when it arrived). */
    Record read(UUID aggregateId, StoredEvent kept) {
        return inbox.payload(kept.type() + " of " + aggregateId + " v" + kept.version(), kept.data(),
                EventCatalog.payloadType(kept.type()));
    }
}
