package vn.inspectorate.platform.inbox;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import vn.inspectorate.contracts.CloudEvent;

/**
 * Reads records as CloudEvents and their data as payload records; what cannot be read is a
 * {@link PoisonEventException}. Consumers apply events exactly once through {@link EventBatchInbox}, one transaction
 * per batch; a projection rebuild reads through this class alone.
 * <p>
 * The reader is tolerant where REST is strict: an envelope attribute it does not know (a CloudEvents extension such
 * as {@code partitionkey}) and a payload field it does not know (one a producer added in a compatible change) are
 * ignored, as CloudEvents 1.0 asks of consumers. Events are kept and replayed, those of producers older than a field
 * included: an absent field reads as null, and an absent flag or number as false or 0 (REST refuses a null there; an
 * event written before the field existed has none). Everything else the platform's mapper checks (types, dates,
 * identifiers) still makes a record poison.
 */
@ApplicationScoped
public class EventInbox {

    private static final TypeReference<CloudEvent<JsonNode>> ENVELOPE = new TypeReference<>() {
    };

    private final ObjectMapper mapper;

    EventInbox(ObjectMapper mapper) {
        this.mapper = mapper.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    }

    /** Parses a structured-mode CloudEvent; an unreadable record is poison. */
    public CloudEvent<JsonNode> parse(String record) {
        if (record == null || record.isBlank()) {
            throw new PoisonEventException("empty record");
        }
        try {
            CloudEvent<JsonNode> event = mapper.readValue(record, ENVELOPE);
            if (event.data() == null) {
                throw new PoisonEventException("event " + event.id() + " has no data");
            }
            return event;
        } catch (PoisonEventException e) {
            throw e;
        } catch (Exception e) {
            throw new PoisonEventException("not a CloudEvents 1.0 JSON event: " + e.getMessage(), e);
        }
    }

    /**
     * Reads an event's data as its payload record, ignoring fields the record does not have; data that does not fit
     * the record is poison.
     */
    public <T> T payload(CloudEvent<JsonNode> event, Class<T> type) {
        return payload(event.type() + " " + event.id(), event.data(), type);
    }

    /** The same for data kept without its envelope (a projection's stored events); {@code what} names it. */
    public <T> T payload(String what, JsonNode data, Class<T> type) {
        try {
            return mapper.treeToValue(data, type);
        } catch (Exception e) {
            throw new PoisonEventException("data of " + what + " does not match " + type.getSimpleName() + ": "
                    + e.getMessage(), e);
        }
    }
}
