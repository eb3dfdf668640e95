package vn.inspectorate.reporting.projection;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.inspectorate.contracts.CloudEvent;
import vn.inspectorate.platform.inbox.BatchHandler;
import vn.inspectorate.platform.inbox.EventBatchInbox;

/**
 * The live consumers of the three producing topics, one transaction per batch of records. Each event is applied once
 * (the processed-event table) in the same transaction as the positions it advances; the positions move past every
 * record of the batch, redelivered and poison ones included. Poison goes to {@code inspectorate.reporting-service.dlq}.
 */
@ApplicationScoped
public class ProjectionConsumers {

    public static final String CONSUMER = "reporting-service.projections";

    private final EventBatchInbox inbox;
    private final Projector projector;
    private final ProjectionStore store;

    ProjectionConsumers(EventBatchInbox inbox, Projector projector, ProjectionStore store) {
        this.inbox = inbox;
        this.projector = projector;
        this.store = store;
    }

    @Incoming("cases-in")
    @Blocking
    public void cases(ConsumerRecords<String, String> records) {
        consume("cases-in", records);
    }

    @Incoming("inspections-in")
    @Blocking
    public void inspections(ConsumerRecords<String, String> records) {
        consume("inspections-in", records);
    }

    @Incoming("declarations-in")
    @Blocking
    public void declarations(ConsumerRecords<String, String> records) {
        consume("declarations-in", records);
    }

    private void consume(String channel, ConsumerRecords<String, String> records) {
        inbox.handle(CONSUMER, channel, records, new BatchHandler() {
            private Projector.Batch batch;

            @Override
            public void begin(List<ConsumerRecord<String, String>> all) {
                batch = projector.batch();  // each attempt afresh: a retried batch starts over
                store.lockShared();
                store.advancePast(all);
            }

            @Override
            public void prepare(List<CloudEvent<JsonNode>> events) {
                batch.prepare(events);
            }

            @Override
            public void apply(ConsumerRecord<String, String> record, CloudEvent<JsonNode> event) {
                batch.apply(record.topic(), event);
            }

            @Override
            public void end() {
                batch.end();
            }
        });
    }
}
