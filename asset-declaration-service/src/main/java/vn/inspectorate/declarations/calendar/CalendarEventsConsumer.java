package vn.inspectorate.declarations.calendar;

import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.inspectorate.platform.calendar.CalendarLoadedConsumer;
import vn.inspectorate.platform.inbox.EventBatchInbox;
import vn.inspectorate.platform.inbox.EventInbox;

/**
 * Applies the admins' reference changes this service holds a copy of: a loaded year of the public calendar replaces
 * the year's days in {@code public_calendar_day}, and the deadlines count with it from the next declaration on.
 * Inspection bodies are not held here.
 */
@Singleton
public class CalendarEventsConsumer extends CalendarLoadedConsumer {

    public static final String CONSUMER = "asset-declaration-service.reference";
    static final String CHANNEL = "reference-in";

    CalendarEventsConsumer(EventBatchInbox batches, EventInbox inbox, PublicCalendarCopy calendar) {
        super(batches, inbox, calendar, CONSUMER, CHANNEL);
    }

    @Override
    @Incoming(CHANNEL)
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        super.consume(records);
    }
}
