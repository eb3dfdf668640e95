package vn.inspectorate.inspection.cases;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.inspectorate.contracts.CloudEvent;
import vn.inspectorate.contracts.EventCatalog;
import vn.inspectorate.contracts.EventTypes;
import vn.inspectorate.contracts.Topics;
import vn.inspectorate.platform.inbox.BatchHandler;
import vn.inspectorate.platform.inbox.EventBatchInbox;
import vn.inspectorate.platform.inbox.EventInbox;
import vn.inspectorate.platform.inbox.PoisonEventException;

/**
 * Keeps the local reference of citizen cases from {@code case.*} events, once per event. Only the fields every case
 * event carries are read (id, version, province) plus the kind and status where an event sets them ({@link CaseFacts}),
 * so a field added to a payload does not stop the consumer. A stale event (version not above the one recorded) changes nothing; an event
 * that is no case event or lacks those fields goes to the dead-letter topic. Records come in batches, one transaction
 * per batch.
 */
@ApplicationScoped
public class CaseEventsConsumer {

    public static final String CONSUMER = "inspection-service.cases";

    static final String CHANNEL = "cases-in";

    private final EventBatchInbox batches;
    private final EventInbox inbox;
    private final CaseReferenceStore cases;

    CaseEventsConsumer(EventBatchInbox batches, EventInbox inbox, CaseReferenceStore cases) {
        this.batches = batches;
        this.inbox = inbox;
        this.cases = cases;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        // the batch's facts in one statement a round (mostly one), applied in record order
        batches.handle(CONSUMER, CHANNEL, records,
                BatchHandler.collecting(event -> Optional.of(fact(event)), cases::recordAll));
    }

    CaseReferenceStore.Fact fact(CloudEvent<JsonNode> event) {
        boolean caseEvent = EventCatalog.find(event.type()).map(e -> Topics.CASES.equals(e.topic())).orElse(false);
        if (!caseEvent) {
            throw new PoisonEventException("event " + event.id() + " of type " + event.type() + " is not a case event");
        }
        CaseFacts facts = inbox.payload(event, CaseFacts.class);
        if (facts.caseId() == null) {
            throw new PoisonEventException("event " + event.id() + " has no valid caseId");
        }
        String province = facts.provinceAfter(EventTypes.CASE_TRANSFERRED.equals(event.type()));
        if (facts.version() == null || facts.version() < 1 || province == null || province.isBlank()) {
            throw new PoisonEventException("event " + event.id() + " lacks version or provinceCode");
        }
        return new CaseReferenceStore.Fact(facts.caseId(), facts.version(), province, facts.kind(),
                status(event.type()));
    }

    /** The lifecycle status an event puts a case in; null for events that report without changing it. */
    static String status(String type) {
        return switch (type) {
            case EventTypes.CASE_RECEIVED -> "RECEIVED";
            case EventTypes.CASE_CLASSIFIED -> "CLASSIFIED";
            case EventTypes.CASE_ACCEPTED -> "ACCEPTED";
            case EventTypes.CASE_REJECTED -> "REJECTED";
            case EventTypes.CASE_TRANSFERRED -> "TRANSFERRED";
            case EventTypes.CASE_RESOLVED -> "RESOLVED";
            case EventTypes.CASE_CLOSED -> "CLOSED";
            default -> null;
        };
    }
}
