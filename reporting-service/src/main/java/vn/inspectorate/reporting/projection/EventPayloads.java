package vn.inspectorate.reporting.projection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Optional;
import java.util.UUID;
import vn.inspectorate.contracts.CloudEvent;
import vn.inspectorate.contracts.EventCatalog;
import vn.inspectorate.platform.inbox.EventInbox;

/**
 * Reads the projection's events as their payload records ({@link EventCatalog}) through the platform's one tolerant
 * reader, {@link EventInbox#payload}: the event that arrives and the ones of its aggregate kept before it alike.
 * <p>
 * Events are kept and replayed, those of producers older than a field included, which did not write it. An absent
 * text, date or id reads as null; an absent flag or number reads as false or 0, as the projection has always read
 * them. The platform's reader refuses a null for a flag or number (it reads client input too), so the data gets those
 * values before it is read; anything else that does not fit the record is poison.
 */
@ApplicationScoped
class EventPayloads {

    private final EventInbox inbox;

    EventPayloads(EventInbox inbox) {
        this.inbox = inbox;
    }

    /** The payload of an event that arrives. */
    Record read(CloudEvent<JsonNode> event) {
        Class<? extends Record> type = EventCatalog.payloadType(event.type());
        return inbox.payload(event.withData(withAbsentPrimitives(event.data(), type)), type);
    }

    /** The payload of an event kept before (it was read the same way when it arrived). */
    Record read(UUID aggregateId, StoredEvent kept) {
        String id = "kept " + aggregateId + " v" + kept.version();
        return read(new CloudEvent<>(CloudEvent.SPEC_VERSION, id, "/inspectorate/reporting-service", kept.type(),
                aggregateId.toString(), null, CloudEvent.DATA_CONTENT_TYPE, null, null, null, kept.data()));
    }

    /** {@code data} with false or 0 for each flag or number of {@code type} (or of its nested records) it lacks. */
    static JsonNode withAbsentPrimitives(JsonNode data, Class<?> type) {
        if (!data.isObject()) {
            return data;
        }
        ObjectNode filled = data.deepCopy();
        fill(filled, type);
        return filled;
    }

    private static void fill(JsonNode data, Class<?> type) {
        if (!(data instanceof ObjectNode object)) {
            return;
        }
        for (RecordComponent c : type.getRecordComponents()) {
            JsonNode value = object.get(c.getName());
            if (c.getType().isPrimitive()) {
                if (value == null || value.isNull()) {
                    object.set(c.getName(), c.getType() == boolean.class ? BooleanNode.FALSE : IntNode.valueOf(0));
                }
            } else if (value != null) {
                nested(c).ifPresent(t -> {
                    if (value.isArray()) {
                        value.forEach(element -> fill(element, t));
                    } else {
                        fill(value, t);
                    }
                });
            }
        }
    }

    /** The record type of a component that is a record or a list of records (a declaration's flags). */
    private static Optional<Class<?>> nested(RecordComponent c) {
        if (c.getType().isRecord()) {
            return Optional.of(c.getType());
        }
        Type generic = c.getGenericType();
        if (generic instanceof ParameterizedType p && p.getActualTypeArguments().length == 1
                && p.getActualTypeArguments()[0] instanceof Class<?> element && element.isRecord()) {
            return Optional.of(element);
        }
        return Optional.empty();
    }
}
