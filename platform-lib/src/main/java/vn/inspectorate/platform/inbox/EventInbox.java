package vn.inspectorate.platform.inbox;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.function.Consumer;
import org.jboss.logging.Logger;
import vn.inspectorate.contracts.CloudEvent;

/**
 * Exactly-once effect on top of at-least-once delivery: an event's handler runs in one transaction with the insert
 * of its id into the processed-event table, so a redelivered event is skipped and a failed one leaves no trace.
 * <p>
 * A {@link PoisonEventException} (unparseable record, payload the handler cannot accept) is rethrown: the channel's
 * {@code failure-strategy=dead-letter-queue} moves the record to the dead-letter topic with the reason and the
 * consumer goes on. Any other failure (database down, lock timeout) is transient: the same event is retried with a
 * growing pause, holding its partition, so nothing is lost and order is kept.
 * <p>
 * Channels that read batches use {@link EventBatchInbox}: one transaction per batch instead of one per record.
 */
@ApplicationScoped
public class EventInbox {

    private static final Logger LOG = Logger.getLogger(EventInbox.class);
    private static final TypeReference<CloudEvent<JsonNode>> ENVELOPE = new TypeReference<>() {
    };
    private static final Duration MAX_PAUSE = Duration.ofSeconds(30);

    private final ObjectMapper mapper;
    private final EntityManager em;

    EventInbox(ObjectMapper mapper, EntityManager em) {
        this.mapper = mapper;
        this.em = em;
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

    /** Reads an event's data as its payload record; data that does not fit the record is poison. */
    public <T> T payload(CloudEvent<JsonNode> event, Class<T> type) {
        try {
            return mapper.treeToValue(event.data(), type);
        } catch (Exception e) {
            throw new PoisonEventException("data of " + event.type() + " " + event.id() + " does not match "
                    + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Handles {@code record} once for {@code consumer}: parse, then in one transaction claim the event id and run the
     * handler. Returns false when the event had been processed before.
     */
    public boolean handle(String consumer, String record, Consumer<CloudEvent<JsonNode>> handler) {
        CloudEvent<JsonNode> event = parse(record);
        long pauseMillis = 100;
        while (true) {
            try {
                return QuarkusTransaction.requiringNew().call(() -> {
                    if (!claim(consumer, event)) {
                        return false;
                    }
                    handler.accept(event);
                    return true;
                });
            } catch (PoisonEventException e) {
                throw e;
            } catch (RuntimeException e) {
                if (e.getCause() instanceof PoisonEventException poison) {
                    throw poison;
                }
                LOG.warnf("%s: event %s failed (%s); retrying in %d ms", consumer, event.id(), e.getMessage(), pauseMillis);
                try {
                    Thread.sleep(pauseMillis);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                pauseMillis = Math.min(pauseMillis * 2, MAX_PAUSE.toMillis());
            }
        }
    }

    private boolean claim(String consumer, CloudEvent<JsonNode> event) {
        return em.createNativeQuery("""
                insert into platform_processed_event (consumer, event_id, event_type) values (?1, ?2, ?3)
                on conflict do nothing""")
                .setParameter(1, consumer).setParameter(2, event.id()).setParameter(3, event.type())
                .executeUpdate() == 1;
    }
}
