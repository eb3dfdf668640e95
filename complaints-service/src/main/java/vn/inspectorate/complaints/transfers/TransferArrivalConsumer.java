package vn.inspectorate.complaints.transfers;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import vn.inspectorate.complaints.cases.TransferArrivals;
import vn.inspectorate.complaints.units.InspectionBodies;
import vn.inspectorate.contracts.EventTypes;
import vn.inspectorate.contracts.cases.CaseTransferred;
import vn.inspectorate.platform.inbox.EventBatchInbox;
import vn.inspectorate.platform.inbox.EventInbox;
import vn.inspectorate.platform.inbox.PoisonEventException;

/**
 * Delivers this service's own {@code case.transferred} events to the receiving body: the transfer goes through the
 * events like any change of a case, so the receiving province gets it however the sending one is deployed. Once per
 * event through the inbox (and once per sending case through the receiving case's source key); one transaction per
 * batch; other case events are skipped. Only the ids and codes of the event are read: the case and its identity are
 * copied from this service's own tables, never from the event.
 */
@ApplicationScoped
public class TransferArrivalConsumer {

    public static final String CONSUMER = "complaints-service.transfer-arrivals";
    static final String CHANNEL = "cases-in";
    private static final Logger LOG = Logger.getLogger(TransferArrivalConsumer.class);

    private final EventBatchInbox batches;
    private final EventInbox inbox;
    private final TransferArrivals arrivals;
    private final InspectionBodies bodies;

    TransferArrivalConsumer(EventBatchInbox batches, EventInbox inbox, TransferArrivals arrivals,
            InspectionBodies bodies) {
        this.batches = batches;
        this.inbox = inbox;
        this.arrivals = arrivals;
        this.bodies = bodies;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        batches.handle(CONSUMER, CHANNEL, records, Set.of(EventTypes.CASE_TRANSFERRED), (record, event) -> {
            CaseTransferred transfer = inbox.payload(event, CaseTransferred.class);
            if (transfer.caseId() == null || transfer.toBodyCode() == null || transfer.toProvinceCode() == null) {
                throw new PoisonEventException("case.transferred " + event.id()
                        + " lacks caseId, toBodyCode or toProvinceCode");
            }
            boolean deliverable = bodies.find(transfer.toBodyCode())
                    .map(b -> transfer.toProvinceCode().equals(b.provinceCode())).orElse(false);
            if (!deliverable) {
                // a transfer recorded before transfers were delivered, to a body outside the register
                LOG.warnf("transfer of case %s to %s (%s) has no receiving queue; not delivered", transfer.caseId(),
                        transfer.toBodyCode(), transfer.toProvinceCode());
                return;
            }
            arrivals.arrive(transfer);
        });
    }
}
