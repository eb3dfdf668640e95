package vn.inspectorate.platform.calendar;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import vn.inspectorate.contracts.EventTypes;
import vn.inspectorate.contracts.reference.CalendarLoaded;
import vn.inspectorate.platform.inbox.EventBatchInbox;
import vn.inspectorate.platform.inbox.EventInbox;

/**
 * Applies the admins' loaded years of the public calendar to a service's {@link CalendarCopy}: a loaded year replaces
 * the year's days, and the copy counts with it from the next use on (no restart). Once per event through the inbox,
 * one transaction per batch; a stale version changes nothing; a malformed event goes to the dead-letter topic. Other
 * reference events are not held by the services that copy the calendar and pass by.
 * <p>
 * The service's subclass overrides {@link #consume} with its {@code @Incoming} channel and {@code @Blocking}: Quarkus
 * finds messaging methods declared on the bean class only.
 */
public abstract class CalendarLoadedConsumer {

    private final EventBatchInbox batches;
    private final EventInbox inbox;
    private final CalendarCopy copy;
    private final String consumer;
    private final String channel;

    /** {@code consumer} names this service's inbox entries; {@code channel} is the incoming channel of the subclass. */
    protected CalendarLoadedConsumer(EventBatchInbox batches, EventInbox inbox, CalendarCopy copy, String consumer,
            String channel) {
        this.batches = batches;
        this.inbox = inbox;
        this.copy = copy;
        this.consumer = consumer;
        this.channel = channel;
    }

    public void consume(ConsumerRecords<String, String> records) {
        batches.handle(consumer, channel, records, (record, event) -> {
            if (EventTypes.REFERENCE_CALENDAR_LOADED.equals(event.type())) {
                copy.apply(inbox.payload(event, CalendarLoaded.class), event.id());
            }
        });
        // after the batch committed: the next use reads the calendar as loaded
        copy.refresh();
    }
}
