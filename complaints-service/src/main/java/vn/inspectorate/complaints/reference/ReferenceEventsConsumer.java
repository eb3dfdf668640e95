package vn.inspectorate.complaints.reference;

import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.inspectorate.platform.calendar.CalendarLoadedConsumer;
import vn.inspectorate.platform.inbox.EventBatchInbox;
import vn.inspectorate.platform.inbox.EventInbox;

/**
 * Applies the admins' reference changes this service holds a copy of: a loaded year of the public calendar replaces
 * the year's days in {@code public_holiday}, and the clocks count with it from the next case on. Inspection bodies are
 * not held here: cases name receiving and handling bodies of their own.
 */
@Singleton
public class ReferenceEventsConsumer extends CalendarLoadedConsumer {

    public static final String CONSUMER = "complaints-service.reference";
    static final String CHANNEL = "reference-in";

    ReferenceEventsConsumer(EventBatchInbox batches, EventInbox inbox, PublicHolidays holidays) {
        super(batches, inbox, holidays, CONSUMER, CHANNEL);
    }

    @Override
    @Incoming(CHANNEL)
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        super.consume(records);
    }
}
