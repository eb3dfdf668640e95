package vn.inspectorate.reporting.projection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import vn.inspectorate.contracts.CloudEvent;
import vn.inspectorate.contracts.EventCatalog;
import vn.inspectorate.contracts.Topics;
import vn.inspectorate.contracts.cases.CaseLinked;
import vn.inspectorate.platform.inbox.PoisonEventException;

/**
 * Applies one event to the read models: keeps it with its aggregate, folds the aggregate's events in version order,
 * and moves the figures by the difference between the record's old and new contributions. Applying the same event
 * again changes nothing, and the figures do not depend on the order the events arrived in.
 * <p>
 * Events are read as their payload records ({@link EventPayloads}), so fields the producers add do not disturb it;
 * the event is kept as it came, and read again the same way whenever its aggregate folds.
 */
@ApplicationScoped
public class Projector {

    private static final Set<String> PROJECTED = Set.of(Topics.CASES, Topics.INSPECTIONS, Topics.DECLARATIONS);

    private final ProjectionStore store;
    private final EventPayloads payloads;
    private final ObjectMapper mapper;
    private final Matters matters;

    Projector(ProjectionStore store, EventPayloads payloads, ObjectMapper mapper, Matters matters) {
        this.matters = matters;
        this.store = store;
        this.payloads = payloads;
        this.mapper = mapper;
    }

    /** Applies an event read from {@code topic}; must run inside a transaction. */
    public void apply(String topic, CloudEvent<JsonNode> event) {
        Set<UUID> touched = new LinkedHashSet<>();
        apply(topic, event, touched);
        matters.recount(touched);
    }

    /** A batch of events applied in one transaction: the matters they touch are counted once, at {@link Batch#end}. */
    public Batch batch() {
        return new Batch();
    }

    /** The events of one batch, applied in its transaction. */
    public final class Batch {

        private final Set<UUID> touched = new LinkedHashSet<>();

        private Batch() {
        }

        public void apply(String topic, CloudEvent<JsonNode> event) {
            Projector.this.apply(topic, event, touched);
        }

        /** Counts the matters the batch's events touched; in the same transaction, after the last event. */
        public void end() {
            matters.recount(touched);
        }
    }

    private void apply(String topic, CloudEvent<JsonNode> event, Set<UUID> touched) {
        Optional<EventCatalog.Entry> entry = EventCatalog.find(event.type());
        if (entry.isEmpty() || !entry.get().topic().equals(topic)) {
            throw new PoisonEventException("event " + event.id() + ": type " + event.type() + " is not expected on "
                    + topic);
        }
        if (!PROJECTED.contains(topic)) {
            throw new PoisonEventException("event " + event.id() + ": topic " + topic + " is not projected");
        }
        Record payload = payloads.read(event);
        AggregateVersion at = AggregateVersion.of(payload);
        if (at.id() == null) {
            // an annual plan carries no inspection: nothing to count
            return;
        }
        if (at.version() < 1) {
            throw new PoisonEventException("event " + event.id() + " has no aggregate version");
        }
        String kept;
        try {
            kept = mapper.writeValueAsString(event.data());
        } catch (JsonProcessingException e) {
            throw new PoisonEventException("event " + event.id() + ": data cannot be kept", e);
        }
        UUID aggregateId = at.id();
        store.lockAggregate(aggregateId);
        if (!store.keepEvent(aggregateId, at.version(), event.type(), event.id(), topic, kept)) {
            return;
        }
        if (payload instanceof CaseLinked link) {
            link.links().forEach(l -> matters.linked(link.caseId(), l.linkedCaseId(), touched));
            return;
        }
        List<Record> history = store.events(aggregateId).stream().map(e -> payloads.read(aggregateId, e)).toList();
        try {
            switch (topic) {
                case Topics.CASES -> {
                    CaseFold fold = CaseFold.of(history);
                    store.replaceContributions(aggregateId, fold.contributions());
                    store.saveCaseState(aggregateId, fold);
                    matters.filed(aggregateId, fold, touched);
                    if (fold.duplicateOf != null) {
                        matters.linked(aggregateId, fold.duplicateOf, touched);
                    }
                }
                case Topics.INSPECTIONS -> store.replaceContributions(aggregateId,
                        InspectionFold.of(history).contributions());
                default -> store.replaceContributions(aggregateId, DeclarationFold.of(history).contributions());
            }
        } catch (java.time.DateTimeException | IllegalArgumentException e) {
            throw new PoisonEventException("event " + event.id() + ": unreadable field: " + e.getMessage(), e);
        }
    }
}
