package vn.inspectorate.inspection.cases;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.inspectorate.contracts.CloudEvent;
import vn.inspectorate.contracts.EventCatalog;
import vn.inspectorate.contracts.EventTypes;
import vn.inspectorate.contracts.Topics;
import vn.inspectorate.platform.inbox.EventBatchInbox;
import vn.inspectorate.platform.inbox.PoisonEventException;

/**
 * Keeps the local reference of citizen cases from {@code case.*} events, once per event. Only the fields every case
 * event carries are read (id, version, province) plus the kind and status where an event sets them, so a field added
 * to a payload does not stop the consumer. A stale event (version not above the one recorded) changes nothing; an event
 * that is no case event or lacks those fields goes to the dead-letter topic. Records come in batches, one transaction
 * per batch.
 */
@ApplicationScoped
public class CaseEventsConsumer {

    public static final String CONSUMER = "inspection-service.cases";

    static final String CHANNEL = "cases-in";

    private final EventBatchInbox inbox;
    private final EntityManager em;

    CaseEventsConsumer(EventBatchInbox inbox, EntityManager em) {
        this.inbox = inbox;
        this.em = em;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        inbox.handle(CONSUMER, CHANNEL, records, (record, event) -> apply(event));
    }

    void apply(CloudEvent<JsonNode> event) {
        boolean caseEvent = EventCatalog.find(event.type()).map(e -> Topics.CASES.equals(e.topic())).orElse(false);
        if (!caseEvent) {
            throw new PoisonEventException("event " + event.id() + " of type " + event.type() + " is not a case event");
        }
        JsonNode data = event.data();
        UUID caseId;
        try {
            caseId = UUID.fromString(data.path("caseId").asText(""));
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException("event " + event.id() + " has no valid caseId", e);
        }
        long version = data.path("version").asLong(0);
        String province = EventTypes.CASE_TRANSFERRED.equals(event.type()) && data.hasNonNull("toProvinceCode")
                ? data.get("toProvinceCode").asText() : data.path("provinceCode").asText("");
        if (version < 1 || province.isBlank()) {
            throw new PoisonEventException("event " + event.id() + " lacks version or provinceCode");
        }
        String kind = data.hasNonNull("kind") ? data.get("kind").asText() : null;
        em.createNativeQuery("""
                insert into case_reference (case_id, province_code, kind, status, last_version, updated_at)
                values (?1, ?2, ?3, coalesce(?4, 'KNOWN'), ?5, now())
                on conflict (case_id) do update set province_code = excluded.province_code,
                    kind = coalesce(excluded.kind, case_reference.kind),
                    status = coalesce(?4, case_reference.status),
                    last_version = excluded.last_version, updated_at = now()
                where case_reference.last_version < excluded.last_version""")
                .setParameter(1, caseId).setParameter(2, province).setParameter(3, kind)
                .setParameter(4, status(event.type())).setParameter(5, version).executeUpdate();
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
