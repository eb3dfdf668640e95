package vn.inspectorate.gateway.subscriptions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import vn.inspectorate.contracts.CloudEvent;
import vn.inspectorate.contracts.EventCatalog;
import vn.inspectorate.contracts.publicevents.PublicCaseStatusChanged;
import vn.inspectorate.contracts.publicevents.PublicInspectionConcluded;
import vn.inspectorate.platform.inbox.BatchHandler;
import vn.inspectorate.platform.inbox.EventBatchInbox;
import vn.inspectorate.platform.inbox.PoisonEventException;

/**
 * Reads the sanitized public topic (durable consumer group {@code inspectorate-gateway-webhooks}) and queues one
 * delivery per matching subscription, in the same transaction as the inbox's record of the event: one transaction and
 * one statement per batch of records. An event marked {@code backfilled: true} (a record loaded as history) is
 * delivered to nobody.
 */
@ApplicationScoped
public class PublicEventConsumer {

    static final String CONSUMER = "gateway-webhooks";
    static final String CHANNEL = "public-events";
    private static final Logger LOG = Logger.getLogger(PublicEventConsumer.class);

    private final EventBatchInbox inbox;
    private final PublicEventSanitizer sanitizer;
    private final SubscriptionRepository repository;
    private final ObjectMapper mapper;

    PublicEventConsumer(EventBatchInbox inbox, PublicEventSanitizer sanitizer, SubscriptionRepository repository,
            ObjectMapper mapper) {
        this.inbox = inbox;
        this.sanitizer = sanitizer;
        this.repository = repository;
        this.mapper = mapper;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        inbox.handle(CONSUMER, CHANNEL, records, BatchHandler.collecting(this::queued, queue -> {
            int deliveries = repository.queueAll(queue);
            LOG.debugf("%d public event(s) queued as %d deliveries", queue.size(), deliveries);
        }));
    }

    /** What {@code event} queues for the subscriptions; empty when it goes to nobody. */
    Optional<SubscriptionRepository.QueuedEvent> queued(CloudEvent<JsonNode> event) {
        var entry = EventCatalog.find(event.type());
        if (entry.isEmpty()) {
            // a newer type this gateway does not know yet: nothing can vouch for its payload, so it is not passed on
            LOG.warnf("public event %s has unknown type %s; not delivered", event.id(), event.type());
            return Optional.empty();
        }
        if (!entry.get().publicEvent()) {
            throw new PoisonEventException("internal event type " + event.type() + " on the public topic");
        }
        if (Boolean.TRUE.equals(event.backfilled())) {
            // history loaded as it happened: reports count it, partners are not notified of the past as news
            LOG.debugf("public event %s is about a back-filled record; not delivered", event.id());
            return Optional.empty();
        }
        PublicEventSanitizer.Sanitized sanitized = sanitizer.sanitize(event.id(), event.data(),
                entry.get().payloadType());
        String aggregate = event.subject() != null ? event.subject() : event.id();
        String body;
        try {
            body = mapper.writeValueAsString(event.withData(sanitized.data()));
        } catch (JsonProcessingException e) {
            throw new PoisonEventException("cannot write event " + event.id(), e);
        }
        return Optional.of(new SubscriptionRepository.QueuedEvent(event.id(), event.type(), aggregate,
                province(sanitized.payload()), body));
    }

    /** The province of a sanitized public payload; "" when it names none. */
    private static String province(Record payload) {
        String code = switch (payload) {
            case PublicCaseStatusChanged changed -> changed.provinceCode();
            case PublicInspectionConcluded concluded -> concluded.provinceCode();
            default -> null;
        };
        return code == null ? "" : code;
    }
}
