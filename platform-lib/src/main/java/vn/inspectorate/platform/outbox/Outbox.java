package vn.inspectorate.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import vn.inspectorate.contracts.CloudEvent;
import vn.inspectorate.contracts.EventCatalog;
import vn.inspectorate.platform.sql.Sql;
import vn.inspectorate.platform.trace.TraceContext;
import vn.inspectorate.platform.transaction.TransactionEnd;

/**
 * Records an event in the caller's transaction. Nothing reaches Kafka unless that transaction commits; the
 * {@link OutboxRelay} publishes committed rows in order, keyed by the aggregate id. Every event carries the W3C trace
 * context of what caused it (the HTTP request, or the consumed event) as its {@code traceparent} attribute.
 */
@ApplicationScoped
public class Outbox {

    private static final Object WAKE_REGISTERED = new Object();

    private final Sql sql;
    private final ObjectMapper mapper;
    private final OutboxConfig config;
    private final OutboxRelay relay;
    private final TransactionEnd transactionEnd;
    private final TraceContext trace;

    Outbox(ObjectMapper mapper, OutboxConfig config, OutboxRelay relay, TransactionEnd transactionEnd,
            Sql sql, TraceContext trace) {
        this.sql = sql;
        this.trace = trace;
        this.mapper = mapper;
        this.config = config;
        this.relay = relay;
        this.transactionEnd = transactionEnd;
    }

    /**
     * Records {@code payload} as the event {@link EventCatalog} registers for its class, on that event's topic, about
     * the aggregate {@code aggregateId} (the record key, which orders the aggregate's events). The key is named by the
     * caller because it is not part of every payload's published schema.
     *
     * @return the CloudEvent as it will be published
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T extends Record> CloudEvent<T> publish(String aggregateId, T payload) {
        return publish(aggregateId, payload, false);
    }

    /** What {@link #publish(String, Record)} does, the event marked {@code backfilled: true} when it is history. */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T extends Record> CloudEvent<T> publish(String aggregateId, T payload, boolean backfilled) {
        EventCatalog.Entry entry = EventCatalog.entryFor(payload.getClass());
        return publish(entry.topic(), entry.type(), aggregateId, payload, backfilled);
    }

    /**
     * Records {@code data} as an event of {@code type} about the aggregate {@code aggregateId}, to go to {@code topic}:
     * what the catalogue's events go through, open to this package's tests for events of their own.
     *
     * @return the CloudEvent as it will be published
     */
    @Transactional(Transactional.TxType.MANDATORY)
    <T> CloudEvent<T> publish(String topic, String type, String aggregateId, T data) {
        return publish(topic, type, aggregateId, data, false);
    }

    /**
     * What {@link #publish(String, String, String, Object)} does, the event marked {@code backfilled: true} when it is
     * about a record loaded as history.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    <T> CloudEvent<T> publish(String topic, String type, String aggregateId, T data, boolean backfilled) {
        CloudEvent<T> event = CloudEvent.of(config.source(), type, aggregateId, OffsetDateTime.now(ZoneOffset.UTC), data)
                .withTraceparent(trace.current()).withBackfilled(backfilled);
        Sql.Pipeline writes = sql.pipeline();
        insert(List.of(row(topic, event)), event.time(), event.traceparent(), writes);
        writes.send();
        return event;
    }

    /**
     * Records many events with one batched statement, in the order given: what {@link #publish} does for each, at the
     * cost of one round trip instead of one per event (a batch of a thousand cases writes two thousand events).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publishAll(List<PendingEvent> events) {
        Sql.Pipeline writes = sql.pipeline();
        publishAll(events, writes);
        writes.send();
    }

    /**
     * What {@link #publishAll(List)} does, its rows written when {@code writes} is sent: with the other rows of the
     * same change, in one round trip.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publishAll(List<PendingEvent> events, Sql.Pipeline writes) {
        if (events.isEmpty()) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String traceparent = trace.current();
        List<OutboxEvent> rows = new ArrayList<>(events.size());
        for (PendingEvent e : events) {
            rows.add(row(e.topic(), CloudEvent.of(config.source(), e.type(), e.aggregateId(), now, e.data())
                    .withTraceparent(traceparent).withBackfilled(e.backfilled())));
        }
        insert(rows, now, traceparent, writes);
    }

    /**
     * One statement for one event or a thousand, rows in the order given (the relay's order); the relay is woken once
     * the transaction commits. The rows were made at {@code createdAt} in the trace {@code traceparent}.
     */
    private void insert(List<OutboxEvent> rows, OffsetDateTime createdAt, String traceparent, Sql.Pipeline writes) {
        writes.update("""
                insert into platform_outbox (event_id, topic, record_key, event_type, payload, created_at, traceparent)
                select e.event_id, e.topic, e.record_key, e.event_type, e.payload, ?::timestamptz, ?::text
                from unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[]) with ordinality
                     as e(event_id, topic, record_key, event_type, payload, position)
                order by e.position""", Arrays.asList(createdAt, traceparent,
                new Sql.ArrayOf("uuid", rows.stream().map(row -> row.eventId).toList()),
                new Sql.ArrayOf("text", rows.stream().map(row -> row.topic).toList()),
                new Sql.ArrayOf("text", rows.stream().map(row -> row.recordKey).toList()),
                new Sql.ArrayOf("text", rows.stream().map(row -> row.eventType).toList()),
                new Sql.ArrayOf("text", rows.stream().map(row -> row.payload).toList())));
        wakeRelayAfterCommit();
    }

    /** The outbox row of {@code event}, keyed by its subject (the aggregate id). */
    private OutboxEvent row(String topic, CloudEvent<?> event) {
        OutboxEvent row = new OutboxEvent();
        row.eventId = UUID.fromString(event.id());
        row.topic = topic;
        row.recordKey = event.subject();
        row.eventType = event.type();
        row.createdAt = event.time();
        row.traceparent = event.traceparent();
        try {
            row.payload = mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event payload of " + event.type() + " cannot be written as JSON", e);
        }
        return row;
    }

    /**
     * An event to record: its topic, CloudEvents type, the aggregate it is about (the record key), its data, and whether
     * it is about a record loaded as history.
     */
    public record PendingEvent(String topic, String type, String aggregateId, Object data, boolean backfilled) {

        public PendingEvent(String topic, String type, String aggregateId, Object data) {
            this(topic, type, aggregateId, data, false);
        }

        /** The event {@link EventCatalog} registers for the payload's class, about {@code aggregateId}. */
        public static PendingEvent of(String aggregateId, Record payload) {
            return of(aggregateId, payload, false);
        }

        /** What {@link #of(String, Record)} makes, marked {@code backfilled: true} when it is history. */
        public static PendingEvent of(String aggregateId, Record payload, boolean backfilled) {
            EventCatalog.Entry entry = EventCatalog.entryFor(payload.getClass());
            return new PendingEvent(entry.topic(), entry.type(), aggregateId, payload, backfilled);
        }
    }

    /** Once per transaction, however many events it records: a batch of a thousand cases wakes the relay once. */
    private void wakeRelayAfterCommit() {
        transactionEnd.afterCommitOnce(WAKE_REGISTERED, relay::wakeUp);
    }
}
