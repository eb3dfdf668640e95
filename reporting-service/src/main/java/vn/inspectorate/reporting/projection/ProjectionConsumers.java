package vn.inspectorate.reporting.projection;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.inspectorate.platform.inbox.EventInbox;

/**
 * The live consumers of the three producing topics. Each event is applied once (the processed-event table) in the
 * same transaction as the position it advances; poison goes to {@code inspectorate.reporting-service.dlq}.
 */
@ApplicationScoped
public class ProjectionConsumers {

    public static final String CONSUMER = "reporting-service.projections";

    private final EventInbox inbox;
    private final Projector projector;
    private final ProjectionStore store;

    ProjectionConsumers(EventInbox inbox, Projector projector, ProjectionStore store) {
        this.inbox = inbox;
        this.projector = projector;
        this.store = store;
    }

    @Incoming("cases-in")
    @Blocking
    public void cases(ConsumerRecord<String, String> record) {
        consume(record);
    }

    @Incoming("inspections-in")
    @Blocking
    public void inspections(ConsumerRecord<String, String> record) {
        consume(record);
    }

    @Incoming("declarations-in")
    @Blocking
    public void declarations(ConsumerRecord<String, String> record) {
        consume(record);
    }

    private void consume(ConsumerRecord<String, String> record) {
        boolean handled = false;
        try {
            handled = inbox.handle(CONSUMER, record.value(), event -> {
                store.lockShared();
                projector.apply(record.topic(), event);
                store.advance(record.topic(), record.partition(), record.offset());
            });
        } finally {
            if (!handled) {
                // a redelivered or poison record still moves the position past it
                QuarkusTransaction.requiringNew().run(() -> {
                    store.lockShared();
                    store.advance(record.topic(), record.partition(), record.offset());
                });
            }
        }
    }
}
