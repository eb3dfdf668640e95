package vn.inspectorate.declarations.verification;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.inspectorate.contracts.EventTypes;
import vn.inspectorate.contracts.cases.CaseClassified;
import vn.inspectorate.platform.inbox.EventBatchInbox;
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

    private final EventBatchInbox inbox;
    private final VerificationService verifications;
    /** Tolerant reader: a field the producer adds later is not poison. */
    private final ObjectMapper tolerant;

    DenunciationConsumer(EventBatchInbox inbox, VerificationService verifications, ObjectMapper mapper) {
        this.inbox = inbox;
        this.verifications = verifications;
        this.tolerant = mapper.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    @Incoming(CHANNEL)
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        inbox.handle(CONSUMER, CHANNEL, records, (record, event) -> {
            if (!EventTypes.CASE_CLASSIFIED.equals(event.type())) {
                return;
            }
            CaseClassified classified;
            try {
                classified = tolerant.treeToValue(event.data(), CaseClassified.class);
            } catch (Exception e) {
                throw new PoisonEventException("data of case.classified " + event.id() + " is unreadable: "
                        + e.getMessage(), e);
            }
            if (classified.caseId() == null || classified.kind() == null) {
                throw new PoisonEventException("case.classified " + event.id() + " lacks caseId or kind");
            }
            if (DENUNCIATION.equals(classified.kind()) && classified.respondentDeclarantId() != null) {
                verifications.denunciation(classified.caseId(), classified.respondentDeclarantId());
            }
        });
    }
}
