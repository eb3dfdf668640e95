package vn.inspectorate.reporting.projection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import vn.inspectorate.contracts.CloudEvent;
import vn.inspectorate.contracts.EventCatalog;
import vn.inspectorate.contracts.Topics;
import vn.inspectorate.contracts.cases.CaseLinked;
import vn.inspectorate.platform.inbox.PoisonEventException;
import vn.inspectorate.platform.sql.Sql;

/**
 * Applies events to the read models: keeps each with its aggregate, folds the aggregate's events in version order,
 * and moves the figures by the difference between the record's old and new contributions. Applying the same event
 * again changes nothing, and the figures do not depend on the order the events arrived in, nor on how they were
 * batched ({@code BatchedProjectionTest}).
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
        Batch batch = batch();
        batch.prepare(List.of(event));
        batch.apply(topic, event);
        batch.end();
    }

    /** A batch of events applied in one transaction, their writes gathered and made at {@link Batch#end}. */
    public Batch batch() {
        return new Batch();
    }

    /**
     * The events of one batch, applied in its transaction. Each event is checked and folded with its aggregate's
     * history as it is applied (so a poison one is refused on its own), in memory: the aggregates' kept events,
     * contributions and states are read once for the whole batch, in one round trip, and the figures, states, matters
     * and kept events are written at {@link #end}, one statement a table, whatever the batch's size (the figures,
     * states and kept events in one round trip).
     */
    public final class Batch {

        private final Set<UUID> touched = new LinkedHashSet<>();
        private final FigureChanges figures = new FigureChanges(store);
        private final CaseStates cases = new CaseStates(store);
        /** Each aggregate's kept events, in the order it folds them: version, then type in byte order. */
        private final Map<UUID, List<Kept>> histories = new HashMap<>();
        private final Map<CloudEvent<JsonNode>, Record> read = new IdentityHashMap<>();
        private final List<ProjectionStore.KeptEvent> kept = new ArrayList<>();
        /** Cases folded since matters last saw them, to be filed before the next link and at the end. */
        private final Map<UUID, CaseFold> filings = new HashMap<>();

        private Batch() {
        }

        /**
         * Locks the aggregates of the events to come and reads, one statement each, their kept events,
         * contributions and states. An event that cannot be read here is refused as poison when it is applied.
         */
        public void prepare(List<CloudEvent<JsonNode>> events) {
            Set<UUID> ids = new LinkedHashSet<>();
            for (CloudEvent<JsonNode> event : events) {
                try {
                    UUID id = AggregateVersion.of(payload(event)).id();
                    if (id != null) {
                        ids.add(id);
                    }
                } catch (RuntimeException e) {
                    // judged again, record by record, in apply
                }
            }
            readAggregates(ids);
        }

        public void apply(String topic, CloudEvent<JsonNode> event) {
            Optional<EventCatalog.Entry> entry = EventCatalog.find(event.type());
            if (entry.isEmpty() || !entry.get().topic().equals(topic)) {
                throw new PoisonEventException("event " + event.id() + ": type " + event.type()
                        + " is not expected on " + topic);
            }
            if (!PROJECTED.contains(topic)) {
                throw new PoisonEventException("event " + event.id() + ": topic " + topic + " is not projected");
            }
            Record payload = payload(event);
            AggregateVersion at = AggregateVersion.of(payload);
            if (at.id() == null) {
                // an annual plan carries no inspection: nothing to count
                return;
            }
            if (at.version() < 1) {
                throw new PoisonEventException("event " + event.id() + " has no aggregate version");
            }
            String data;
            try {
                data = mapper.writeValueAsString(event.data());
            } catch (JsonProcessingException e) {
                throw new PoisonEventException("event " + event.id() + ": data cannot be kept", e);
            }
            UUID aggregateId = at.id();
            readAggregates(List.of(aggregateId));
            if (!keep(aggregateId, new Kept(at.version(), event.type(), null, payload))) {
                return;
            }
            kept.add(new ProjectionStore.KeptEvent(aggregateId, at.version(), event.type(), event.id(), topic, data));
            if (payload instanceof CaseLinked link) {
                fileCases();
                matters.linked(link.caseId(), link.links().stream().map(CaseLinked.Link::linkedCaseId).toList(),
                        touched);
                return;
            }
            List<Record> history = histories.get(aggregateId).stream().map(k -> k.payload(aggregateId)).toList();
            try {
                switch (topic) {
                    case Topics.CASES -> {
                        CaseFold fold = CaseFold.of(history);
                        figures.replace(aggregateId, fold.contributions());
                        cases.save(aggregateId, fold);
                        filings.put(aggregateId, fold);
                        if (fold.duplicateOf != null) {
                            fileCases();
                            matters.linked(aggregateId, List.of(fold.duplicateOf), touched);
                        }
                    }
                    case Topics.INSPECTIONS -> figures.replace(aggregateId, InspectionFold.of(history).contributions());
                    default -> figures.replace(aggregateId, DeclarationFold.of(history).contributions());
                }
            } catch (java.time.DateTimeException | IllegalArgumentException e) {
                throw new PoisonEventException("event " + event.id() + ": unreadable field: " + e.getMessage(), e);
            }
        }

        /** Files the folded cases, counts the matters the batch touched, and writes what the batch changed. */
        public void end() {
            fileCases();
            matters.recount(touched, figures);
            Sql.Pipeline writes = store.pipeline();
            figures.flush(writes);
            cases.flush(writes);
            store.keepEvents(kept, writes);
            writes.send();
        }

        private Record payload(CloudEvent<JsonNode> event) {
            return read.computeIfAbsent(event, payloads::read);
        }

        private void readAggregates(Collection<UUID> ids) {
            List<UUID> missing = ids.stream().filter(id -> !histories.containsKey(id)).toList();
            if (missing.isEmpty()) {
                return;
            }
            // the locks first, then what they guard, in one round trip
            Sql.Pipeline reads = store.pipeline();
            store.lockAggregates(missing, reads);
            missing.forEach(id -> histories.put(id, new ArrayList<>()));
            store.eventsOf(missing, reads, (id, e) -> histories.get(id).add(new Kept(e.version(), e.type(), e, null)));
            figures.read(missing, reads);
            cases.read(missing, reads);
            reads.send();
        }

        /** Adds the event to its aggregate's history in fold order; false when it was kept before. */
        private boolean keep(UUID aggregateId, Kept event) {
            List<Kept> history = histories.get(aggregateId);
            int at = Collections.binarySearch(history, event, Kept.ORDER);
            if (at >= 0) {
                return false;
            }
            history.add(-at - 1, event);
            return true;
        }

        private void fileCases() {
            if (!filings.isEmpty()) {
                matters.filed(filings, touched);
                filings.clear();
            }
        }
    }

    /** An event of an aggregate's history: kept before ({@code stored}) or arrived in this batch ({@code payload}). */
    private final class Kept {

        static final Comparator<Kept> ORDER = Comparator.comparingLong((Kept k) -> k.version)
                .thenComparing(k -> k.type);

        final long version;
        final String type;
        final StoredEvent stored;
        Record payload;

        Kept(long version, String type, StoredEvent stored, Record payload) {
            this.version = version;
            this.type = type;
            this.stored = stored;
            this.payload = payload;
        }

        /** Read the way it was when it arrived, once per batch. */
        Record payload(UUID aggregateId) {
            if (payload == null) {
                payload = payloads.read(aggregateId, stored);
            }
            return payload;
        }
    }
}
