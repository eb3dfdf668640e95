package vn.inspectorate.platform.inbox;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** A stand-in consumer: each handled event leaves one effect row; a "poison" payload is refused. */
@ApplicationScoped
public class InboxProbe {

    public static final String BATCH_CHANNEL = "probe-batch-in";
    public static final String BATCH_CHANNEL_CONSUMER = "probe-batch-in";

    private final EventBatchInbox batchInbox;
    private final EntityManager em;

    InboxProbe(EventBatchInbox batchInbox, EntityManager em) {
        this.batchInbox = batchInbox;
        this.em = em;
    }

    /** Writes one effect row for {@code consumer} and event. */
    public void effect(String consumer, String eventId) {
        em.createNativeQuery("insert into test_inbox_effect (consumer, event_id) values (?1, ?2)")
                .setParameter(1, consumer).setParameter(2, eventId).executeUpdate();
    }

    /** The batch form: an effect per event; a "poison" payload is refused after its effect was written. */
    @Incoming(BATCH_CHANNEL)
    @Blocking
    public void consumeBatch(ConsumerRecords<String, String> records) {
        batchInbox.handle(BATCH_CHANNEL_CONSUMER, BATCH_CHANNEL, records, (record, event) -> {
            effect(BATCH_CHANNEL_CONSUMER, event.id());
            if (event.data().path("poison").asBoolean(false)) {
                throw new PoisonEventException("payload refused for event " + event.id());
            }
        });
    }
}
