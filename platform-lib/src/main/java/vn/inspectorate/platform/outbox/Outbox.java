package vn.inspectorate.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import vn.inspectorate.contracts.CloudEvent;

/**
 * Records an event in the caller's transaction. Nothing reaches Kafka unless that transaction commits; the
 * {@link OutboxRelay} publishes committed rows in order, keyed by the aggregate id.
 */
@ApplicationScoped
public class Outbox {

    private static final Object WAKE_REGISTERED = new Object();

    private final ObjectMapper mapper;
    private final OutboxConfig config;
    private final OutboxRelay relay;
    private final TransactionSynchronizationRegistry transactions;

    Outbox(ObjectMapper mapper, OutboxConfig config, OutboxRelay relay, TransactionSynchronizationRegistry transactions) {
        this.mapper = mapper;
        this.config = config;
        this.relay = relay;
        this.transactions = transactions;
    }

    /**
     * Records {@code data} as an event of {@code type} about the aggregate {@code aggregateId}, to go to {@code topic}.
     *
     * @return the CloudEvent as it will be published
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T> CloudEvent<T> publish(String topic, String type, String aggregateId, T data) {
        CloudEvent<T> event = CloudEvent.of(config.source(), type, aggregateId, OffsetDateTime.now(ZoneOffset.UTC), data);
        OutboxEvent row = new OutboxEvent();
        row.eventId = UUID.fromString(event.id());
        row.topic = topic;
        row.recordKey = aggregateId;
        row.eventType = type;
        row.createdAt = event.time();
        try {
            row.payload = mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event payload of " + type + " cannot be written as JSON", e);
        }
        row.persist();
        wakeRelayAfterCommit();
        return event;
    }

    /** Once per transaction, however many events it records: a batch of a thousand cases wakes the relay once. */
    private void wakeRelayAfterCommit() {
        if (transactions.getResource(WAKE_REGISTERED) != null) {
            return;
        }
        transactions.putResource(WAKE_REGISTERED, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wakeUp();
                }
            }
        });
    }
}
