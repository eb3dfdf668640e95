package vn.inspectorate.reporting.projection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import vn.inspectorate.contracts.CloudEvent;
import vn.inspectorate.contracts.EventCatalog;
import vn.inspectorate.contracts.Topics;
import vn.inspectorate.platform.inbox.PoisonEventException;

/**
 * Applies one event to the read models: keeps it with its aggregate, folds the aggregate's events in version order,
 * and moves the figures by the difference between the record's old and new contributions. Applying the same event
 * again changes nothing, and the figures do not depend on the order the events arrived in.
 * <p>
 * Only the fields the figures need are read from a payload, so fields the producers add do not disturb it.
 */
@ApplicationScoped
public class Projector {

    private final ProjectionStore store;
    private final ObjectMapper mapper;

    Projector(ProjectionStore store, ObjectMapper mapper) {
        this.store = store;
        this.mapper = mapper;
    }

    /** Applies an event read from {@code topic}; must run inside a transaction. */
    public void apply(String topic, CloudEvent<JsonNode> event) {
        Optional<EventCatalog.Entry> entry = EventCatalog.find(event.type());
        if (entry.isEmpty() || !entry.get().topic().equals(topic)) {
            throw new PoisonEventException("event " + event.id() + ": type " + event.type() + " is not expected on "
                    + topic);
        }
        String idField = switch (topic) {
            case Topics.CASES -> "caseId";
            case Topics.INSPECTIONS -> "inspectionId";
            case Topics.DECLARATIONS -> "declarationId";
            default -> throw new PoisonEventException("event " + event.id() + ": topic " + topic + " is not projected");
        };
        JsonNode data = event.data();
        if (!data.hasNonNull(idField)) {
            // an annual plan carries no inspection: nothing to count
            return;
        }
        UUID aggregateId;
        try {
            aggregateId = UUID.fromString(data.get(idField).asText());
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException("event " + event.id() + ": " + idField + " is not a UUID", e);
        }
        long version = data.path("version").asLong(0);
        if (version < 1) {
            throw new PoisonEventException("event " + event.id() + " has no aggregate version");
        }
        String payload;
        try {
            payload = mapper.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new PoisonEventException("event " + event.id() + ": data cannot be kept", e);
        }
        store.lockAggregate(aggregateId);
        if (!store.keepEvent(aggregateId, version, event.type(), event.id(), topic, payload)) {
            return;
        }
        List<StoredEvent> events = store.events(aggregateId);
        try {
            switch (topic) {
                case Topics.CASES -> {
                    CaseFold fold = CaseFold.of(events);
                    store.replaceContributions(aggregateId, fold.contributions());
                    store.saveCaseState(aggregateId, fold);
                }
                case Topics.INSPECTIONS -> store.replaceContributions(aggregateId, InspectionFold.of(events).contributions());
                default -> store.replaceContributions(aggregateId, DeclarationFold.of(events).contributions());
            }
        } catch (java.time.DateTimeException | IllegalArgumentException e) {
            throw new PoisonEventException("event " + event.id() + ": unreadable field: " + e.getMessage(), e);
        }
    }
}
