package vn.inspectorate.platform.reference;

import com.fasterxml.jackson.databind.JsonNode;
import vn.inspectorate.contracts.CloudEvent;
import vn.inspectorate.platform.inbox.EventInbox;

/** One event of the reference topic as a {@link ReferenceChangeHandler} receives it. */
public record ReferenceChange(CloudEvent<JsonNode> event, EventInbox reader) {

    public String type() {
        return event.type();
    }

    public String id() {
        return event.id();
    }

    /** The event's data as its payload record; data that does not fit is a {@code PoisonEventException}. */
    public <T> T payload(Class<T> type) {
        return reader.payload(event, type);
    }
}
