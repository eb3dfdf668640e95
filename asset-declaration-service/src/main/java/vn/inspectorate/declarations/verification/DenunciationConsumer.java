package vn.inspectorate.declarations.verification;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.inspectorate.contracts.EventTypes;
import vn.inspectorate.contracts.cases.CaseClassified;
import vn.inspectorate.platform.inbox.EventBatchInbox;
import vn.inspectorate.platform.inbox.EventInbox;
import vn.inspectorate.platform.inbox.PoisonEventException;

/**
 * A case classified as a denunciation that names an asset declarant opens a verification of that declarant's latest
 * declaration. Other case events are acknowledged and ignored; unreadable ones go to the dead-letter topic. Records
 * come in batches, one transaction per batch.
 */
@ApplicationScoped
public class DenunciationConsumer {

    public static final String CONSUMER = "asset-declaration-service.case-denunciations";
    static final String DENUNCIATION = "DENUNCIATION";
    static final String CHANNEL = "cases-in";

    private final EventBatchInbox batches;
    private final EventInbox inbox;
    private final VerificationService verifications;

    DenunciationConsumer(EventBatchInbox batches, EventInbox inbox, VerificationService verifications) {
        this.batches = batches;
        this.inbox = inbox;
        this.verifications = verifications;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        batches.handle(CONSUMER, CHANNEL, records, Set.of(EventTypes.CASE_CLASSIFIED), (record, event) -> {
            CaseClassified classified = inbox.payload(event, CaseClassified.class);
            if (classified.caseId() == null || classified.kind() == null) {
                throw new PoisonEventException("case.classified " + event.id() + " lacks caseId or kind");
            }
            if (DENUNCIATION.equals(classified.kind()) && classified.respondentDeclarantId() != null) {
                verifications.denunciation(classified.caseId(), classified.respondentDeclarantId());
            }
        });
    }
}
