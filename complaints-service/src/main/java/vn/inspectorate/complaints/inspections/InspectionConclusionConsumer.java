package vn.inspectorate.complaints.inspections;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import vn.inspectorate.complaints.cases.CaseLifecycleService;
import vn.inspectorate.complaints.cases.CaseStore;
import vn.inspectorate.complaints.cases.CitizenCase;
import vn.inspectorate.contracts.EventTypes;
import vn.inspectorate.contracts.inspections.InspectionConcluded;
import vn.inspectorate.platform.inbox.EventBatchInbox;
import vn.inspectorate.platform.inbox.EventInbox;
import vn.inspectorate.platform.inbox.PoisonEventException;

/**
 * Records on each case an inspection was opened from that the inspection concluded, and resolves the cases still
 * under resolution by that conclusion. Idempotent through the inbox, one transaction per batch of records; a malformed
 * event goes to the dead-letter topic.
 */
@ApplicationScoped
public class InspectionConclusionConsumer {

    public static final String CONSUMER = "complaints-service.inspection-concluded";
    static final String ACTOR = "inspection-service";
    static final String CHANNEL = "inspections-in";
    private static final Logger LOG = Logger.getLogger(InspectionConclusionConsumer.class);

    private final EventBatchInbox batches;
    private final EventInbox inbox;
    private final CaseStore store;
    private final CaseLifecycleService lifecycle;

    InspectionConclusionConsumer(EventBatchInbox batches, EventInbox inbox, CaseStore store,
            CaseLifecycleService lifecycle) {
        this.batches = batches;
        this.inbox = inbox;
        this.store = store;
        this.lifecycle = lifecycle;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        // other inspection events do not concern cases
        batches.handle(CONSUMER, CHANNEL, records, Set.of(EventTypes.INSPECTION_CONCLUDED), (record, event) -> {
            InspectionConcluded concluded = inbox.payload(event, InspectionConcluded.class);
            if (concluded.inspectionId() == null || concluded.concludedOn() == null) {
                throw new PoisonEventException("inspection.concluded " + event.id()
                        + " lacks inspectionId or concludedOn");
            }
            List<UUID> cases = concluded.resolvedCaseIds() == null ? List.of() : concluded.resolvedCaseIds();
            for (UUID caseId : cases) {
                link(caseId, concluded);
            }
        });
    }

    private void link(UUID caseId, InspectionConcluded concluded) {
        CitizenCase c = caseId == null ? null : store.findById(caseId, LockModeType.PESSIMISTIC_WRITE);
        if (c == null) {
            LOG.warnf("inspection %s names case %s, which this service does not hold", concluded.inspectionId(),
                    caseId);
            return;
        }
        boolean linked = store.linkInspection(c.id, concluded.inspectionId(), concluded.inspectingBodyCode(),
                concluded.concludedOn());
        if (linked && c.status.underResolution()) {
            lifecycle.resolveByInspection(c, concluded.inspectionId(), concluded.concludedOn(), ACTOR);
        }
    }
}
