package vn.inspectorate.platform.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.inspectorate.contracts.CloudEvent;
import vn.inspectorate.contracts.EventTypes;
import vn.inspectorate.contracts.Topics;
import vn.inspectorate.contracts.reference.CalendarLoaded;
import vn.inspectorate.contracts.reference.CalendarLoaded.CalendarDay;

/**
 * This instance's own listener of the reference topic, with no consumer group of the service in the way: each event
 * reaches the handlers that name its type; what no handler names, what is not an event, and a handler that fails pass
 * by without stopping it; and a calendar year loaded while the instance that keeps the shared copy has not applied it
 * yet is applied here before the copy is read again.
 */
@QuarkusTest
class ReferenceChangeListenerTest {

    private static final Duration WITHIN = Duration.ofSeconds(10);

    @Inject
    ReferenceChangeListener listener;
    @Inject
    ReferenceProbe probe;
    @Inject
    ProbeCalendarCopy calendar;
    @Inject
    ObjectMapper mapper;
    @Inject
    EntityManager em;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @BeforeEach
    void listening() {
        await().atMost(Duration.ofSeconds(30)).until(listener::ready);
    }

    @Test
    void unknownTypesUnreadableRecordsAndAFailingHandlerPassByAndTheNextEventArrives() throws Exception {
        String key = UUID.randomUUID().toString();
        var unknown = CloudEvent.of("/inspection-service", "vn.inspectorate.reference.something-new.v1", key,
                OffsetDateTime.now(), Map.of("what", "a reference change this version does not know"));
        var failing = CloudEvent.of("/inspection-service", EventTypes.REFERENCE_INSPECTION_BODY_CHANGED, key,
                OffsetDateTime.now(), Map.of("fail", true));
        var body = CloudEvent.of("/inspection-service", EventTypes.REFERENCE_INSPECTION_BODY_CHANGED, key,
                OffsetDateTime.now(), Map.of("code", "TTT-HN"));
        // one key, one partition: read in this order
        send(key, mapper.writeValueAsString(unknown));
        send(key, "not an event at all");
        send(key, mapper.writeValueAsString(failing));
        send(key, mapper.writeValueAsString(body));

        await().atMost(WITHIN).until(() -> probe.heard().contains(body.id()));
        assertThat(probe.heard()).doesNotContain(unknown.id(), failing.id());
        assertThat(listener.handledTypes()).contains(EventTypes.REFERENCE_INSPECTION_BODY_CHANGED,
                EventTypes.REFERENCE_CALENDAR_LOADED).doesNotContain("vn.inspectorate.reference.something-new.v1");
    }

    @Test
    void aLoadedYearNotYetInTheSharedCopyIsAppliedHereBeforeTheCopyIsReadAgain() throws Exception {
        int year = 2095;
        LocalDate monday = LocalDate.of(year, 3, 14);
        assertThat(workingDay(monday)).isTrue();

        sendYear(year, 2, List.of(new CalendarDay(monday, "DAY_OFF", "A holiday decided for " + year)));
        await().pollInSameThread().atMost(WITHIN).until(() -> !workingDay(monday));
        assertThat(versionOf(year)).isEqualTo(2);

        // the same version again (the other instance's group, a redelivery) and an older one change nothing
        LocalDate tuesday = monday.plusDays(1);
        sendYear(year, 2, List.of(new CalendarDay(tuesday, "DAY_OFF", "not applied")));
        sendYear(year, 1, List.of(new CalendarDay(tuesday, "DAY_OFF", "stale")));
        sendYear(year, 3, List.of(new CalendarDay(monday, "DAY_OFF", "A holiday decided for " + year),
                new CalendarDay(monday.plusDays(5), "WORKING_DAY", "Worked for Monday")));
        LocalDate saturday = monday.plusDays(5);
        await().pollInSameThread().atMost(WITHIN).until(() -> versionOf(year) == 3 && workingDay(saturday));
        assertThat(workingDay(tuesday)).isTrue();
    }

    private boolean workingDay(LocalDate day) {
        return QuarkusTransaction.requiringNew().call(() -> calendar.calendar().isWorkingDay(day));
    }

    private long versionOf(int year) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select coalesce(max(version), 0) from public_calendar_version where year = ?1").setParameter(1, year)
                .getSingleResult()).longValue());
    }

    private void sendYear(int year, long version, List<CalendarDay> days) throws Exception {
        UUID id = CalendarLoaded.calendarIdOf(year);
        var event = CloudEvent.of("/inspection-service", EventTypes.REFERENCE_CALENDAR_LOADED, id.toString(),
                OffsetDateTime.now(), new CalendarLoaded(id, version, OffsetDateTime.now(), UUID.randomUUID(), year,
                        "test notice", days));
        send(id.toString(), mapper.writeValueAsString(event));
    }

    private void send(String key, String value) {
        var props = Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all");
        try (var producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.REFERENCE, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
