package vn.inspectorate.inspection.cases;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.inspectorate.contracts.CloudEvent;
import vn.inspectorate.contracts.EventCatalog;
import vn.inspectorate.contracts.EventTypes;
import vn.inspectorate.contracts.Topics;
import vn.inspectorate.platform.inbox.EventBatchInbox;
import vn.inspectorate.platform.inbox.EventInbox;
import vn.inspectorate.platform.inbox.PoisonEventException;

/**
 * Keeps the local reference of citizen cases from {@code case.*} events, once per event. Each event is read as its
 * payload record (a field added to a payload does not stop the consumer); what the reference keeps of it is the id,
 * version and province every case event carries, plus the kind and status where an event sets them. A stale event (version not above the one recorded) changes nothing; an event
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
        batches.handle(CONSUMER, CHANNEL, records, (record, event) -> apply(event));
    }

    void apply(CloudEvent<JsonNode> event) {
        Class<? extends Record> type = EventCatalog.find(event.type()).filter(e -> Topics.CASES.equals(e.topic()))
                .map(EventCatalog.Entry::payloadType).orElseThrow(() -> new PoisonEventException(
                        "event " + event.id() + " of type " + event.type() + " is not a case event"));
        CaseFacts facts = CaseFacts.of(inbox.payload(event, type));
        if (facts.caseId() == null) {
            throw new PoisonEventException("event " + event.id() + " has no valid caseId");
        }
        if (facts.version() < 1 || facts.provinceCode() == null || facts.provinceCode().isBlank()) {
            throw new PoisonEventException("event " + event.id() + " lacks version or provinceCode");
        }
        cases.record(facts.caseId(), facts.version(), facts.provinceCode(), facts.kind(), status(event.type()));
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
