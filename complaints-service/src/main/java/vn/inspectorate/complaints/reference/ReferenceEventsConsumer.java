package vn.inspectorate.complaints.reference;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.inspectorate.complaints.rules.DeadlineCalculator;
import vn.inspectorate.contracts.EventTypes;
import vn.inspectorate.contracts.reference.CalendarLoaded;
import vn.inspectorate.platform.inbox.EventBatchInbox;
import vn.inspectorate.platform.inbox.EventInbox;
import vn.inspectorate.platform.inbox.PoisonEventException;

/**
 * Applies the admins' reference changes this service holds a copy of: a loaded year of the public calendar replaces
 * the year's days in {@code public_holiday}, and the clocks count with it from the next case on (no restart). Once per
 * event through the inbox, one transaction per batch; a stale version changes nothing; a malformed event goes to the
 * dead-letter topic. Inspection bodies are not held here: cases name receiving and handling bodies of their own.
 */
@ApplicationScoped
public class ReferenceEventsConsumer {

    public static final String CONSUMER = "complaints-service.reference";
    static final String CHANNEL = "reference-in";

    private final EventBatchInbox batches;
    private final EventInbox inbox;
    private final EntityManager em;
    private final DeadlineCalculator calculator;

    ReferenceEventsConsumer(EventBatchInbox batches, EventInbox inbox, EntityManager em,
            DeadlineCalculator calculator) {
        this.batches = batches;
        this.inbox = inbox;
        this.em = em;
        this.calculator = calculator;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        batches.handle(CONSUMER, CHANNEL, records, (record, event) -> {
            if (EventTypes.REFERENCE_CALENDAR_LOADED.equals(event.type())) {
                apply(inbox.payload(event, CalendarLoaded.class), event.id());
            }
        });
        // after the batch committed: the next deadline reads the calendar as loaded
        calculator.refresh();
    }

    private void apply(CalendarLoaded loaded, String eventId) {
        if (loaded.version() < 1 || loaded.days() == null || loaded.year() < 2000 || loaded.year() > 2100) {
            throw new PoisonEventException("calendar-loaded " + eventId + " lacks its year, version or days");
        }
        for (CalendarLoaded.CalendarDay day : loaded.days()) {
            if (day == null || day.day() == null || day.day().getYear() != loaded.year()
                    || !("DAY_OFF".equals(day.kind()) || "WORKING_DAY".equals(day.kind()))) {
                throw new PoisonEventException("calendar-loaded " + eventId + " has a day that does not fit its year");
            }
        }
        int newer = em.createNativeQuery("""
                insert into public_calendar_version (year, version) values (?1, ?2)
                on conflict (year) do update set version = excluded.version
                where public_calendar_version.version < excluded.version""")
                .setParameter(1, loaded.year()).setParameter(2, loaded.version()).executeUpdate();
        if (newer == 0) {
            return;
        }
        em.createNativeQuery("delete from public_holiday where extract(year from day) = ?1")
                .setParameter(1, loaded.year()).executeUpdate();
        for (CalendarLoaded.CalendarDay day : loaded.days()) {
            em.createNativeQuery("insert into public_holiday (day, name, kind) values (?1, ?2, ?3)")
                    .setParameter(1, day.day()).setParameter(2, day.occasion() == null ? "" : day.occasion())
                    .setParameter(3, day.kind()).executeUpdate();
        }
    }
}
