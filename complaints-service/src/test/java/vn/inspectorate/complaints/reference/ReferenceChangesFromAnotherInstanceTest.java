package vn.inspectorate.complaints.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.inspectorate.complaints.KafkaEvents;
import vn.inspectorate.complaints.rules.RuleBook;
import vn.inspectorate.contracts.CloudEvent;
import vn.inspectorate.contracts.EventTypes;
import vn.inspectorate.contracts.Topics;
import vn.inspectorate.contracts.reference.CalendarLoaded;
import vn.inspectorate.contracts.reference.CalendarLoaded.CalendarDay;
import vn.inspectorate.contracts.reference.ComplaintRuleSetAdded;
import vn.inspectorate.platform.reference.ReferenceChangeListener;
import vn.inspectorate.testsupport.KafkaResource;
import vn.inspectorate.testsupport.PostgresResource;

/**
 * Two instances share the database: a change committed through the other one (written here in a transaction of its
 * own, with no local invalidation) is used by this one as soon as its event arrives, although the reference data's
 * maximum age is an hour in the tests.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
class ReferenceChangesFromAnotherInstanceTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final Duration WITHIN = Duration.ofSeconds(10);

    @Inject
    RuleBook rules;
    @Inject
    PublicHolidays holidays;
    @Inject
    ReferenceChangeListener listener;
    @Inject
    EntityManager em;

    @BeforeEach
    void listening() {
        await().atMost(Duration.ofSeconds(30)).until(listener::ready);
    }

    @Test
    void aRuleSetAddedThroughAnotherInstanceJudgesCasesHereOnceItsEventArrives() throws Exception {
        LocalDate from = LocalDate.of(2098, 6, 1);
        String version = "test-other-instance-2098";
        assertThat(rules.versions()).doesNotContainKey(from);
        try {
            insertRuleSet(version, from);
            assertThat(rules.versions()).as("kept: nothing told this instance yet").doesNotContainKey(from);

            sendRuleSetAdded(version, from);
            await().pollInSameThread().atMost(WITHIN).until(() -> version.equals(rules.versions().get(from)));
        } finally {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from rule_set where version = ?1")
                    .setParameter(1, version).executeUpdate());
            sendRuleSetAdded(version, from);
            await().pollInSameThread().atMost(WITHIN).until(() -> !rules.versions().containsKey(from));
        }
    }

    @Test
    void aCalendarYearAppliedByTheOtherInstanceCountsHereOnceItsEventArrives() throws Exception {
        int year = 2093;
        LocalDate monday = LocalDate.of(year, 3, 16);
        assertThat(holidays.calendar().isWorkingDay(monday)).isTrue();
        List<CalendarDay> days = List.of(new CalendarDay(monday, "DAY_OFF", "A holiday decided for " + year));
        try {
            // the other instance's group consumer applied the year
            QuarkusTransaction.requiringNew().run(() -> {
                em.createNativeQuery("insert into public_holiday (day, name, kind) values (?1, ?2, 'DAY_OFF')")
                        .setParameter(1, monday).setParameter(2, "A holiday decided for " + year).executeUpdate();
                em.createNativeQuery("insert into public_calendar_version (year, version) values (?1, 4)")
                        .setParameter(1, year).executeUpdate();
            });
            assertThat(holidays.calendar().isWorkingDay(monday)).as("kept: nothing told this instance yet").isTrue();

            sendCalendarLoaded(year, 4, days);
            await().pollInSameThread().atMost(WITHIN).until(() -> !holidays.calendar().isWorkingDay(monday));
            assertThat(holidays.endOfTimeLimit(monday)).isEqualTo(monday.plusDays(1));
        } finally {
            QuarkusTransaction.requiringNew().run(() -> {
                em.createNativeQuery("delete from public_holiday where extract(year from day) = ?1")
                        .setParameter(1, year).executeUpdate();
                em.createNativeQuery("delete from public_calendar_version where year = ?1").setParameter(1, year)
                        .executeUpdate();
            });
            holidays.refresh();
        }
    }

    @Test
    void anUnknownReferenceEventPassesByAndTheListenerGoesOn() throws Exception {
        LocalDate from = LocalDate.of(2099, 6, 1);
        String version = "test-after-unknown-2099";
        // keyed like the set's event: on the same partition, so read before it
        String key = ComplaintRuleSetAdded.ruleSetIdOf(version).toString();
        CloudEvent<Map<String, String>> unknown = CloudEvent.of("/inspection-service",
                "vn.inspectorate.reference.something-new.v1", key, OffsetDateTime.now(),
                Map.of("what", "a reference change this version does not know"));
        try {
            insertRuleSet(version, from);
            KafkaEvents.send(Topics.REFERENCE, key, JSON.writeValueAsString(unknown));
            sendRuleSetAdded(version, from);
            await().pollInSameThread().atMost(WITHIN).until(() -> version.equals(rules.versions().get(from)));
            assertThat(listener.ready()).isTrue();
        } finally {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from rule_set where version = ?1")
                    .setParameter(1, version).executeUpdate());
            sendRuleSetAdded(version, from);
            await().pollInSameThread().atMost(WITHIN).until(() -> !rules.versions().containsKey(from));
        }
    }

    private void insertRuleSet(String version, LocalDate from) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                insert into rule_set (version, effective_from, paused_time_counts, legal_basis)
                values (?1, ?2, false, 'A test decree')""").setParameter(1, version).setParameter(2, from)
                .executeUpdate());
    }

    /** What the other instance's outbox publishes for the set. */
    private static void sendRuleSetAdded(String version, LocalDate from) throws Exception {
        UUID id = ComplaintRuleSetAdded.ruleSetIdOf(version);
        CloudEvent<ComplaintRuleSetAdded> event = CloudEvent.of("/complaints-service",
                EventTypes.REFERENCE_COMPLAINT_RULE_SET_ADDED, id.toString(), OffsetDateTime.now(),
                new ComplaintRuleSetAdded(id, 1, OffsetDateTime.now(), version, from));
        KafkaEvents.send(Topics.REFERENCE, id.toString(), JSON.writeValueAsString(event));
    }

    private static void sendCalendarLoaded(int year, long version, List<CalendarDay> days) throws Exception {
        UUID id = CalendarLoaded.calendarIdOf(year);
        CloudEvent<CalendarLoaded> event = CloudEvent.of("/inspection-service", EventTypes.REFERENCE_CALENDAR_LOADED,
                id.toString(), OffsetDateTime.now(), new CalendarLoaded(id, version, OffsetDateTime.now(),
                        UUID.randomUUID(), year, "test notice", days));
        KafkaEvents.send(Topics.REFERENCE, id.toString(), JSON.writeValueAsString(event));
    }
}
