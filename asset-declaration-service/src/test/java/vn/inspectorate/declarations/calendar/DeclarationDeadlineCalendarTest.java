package vn.inspectorate.declarations.calendar;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import vn.inspectorate.contracts.CloudEvent;
import vn.inspectorate.contracts.EventTypes;
import vn.inspectorate.contracts.Topics;
import vn.inspectorate.contracts.reference.CalendarLoaded;
import vn.inspectorate.contracts.reference.CalendarLoaded.CalendarDay;
import vn.inspectorate.declarations.rules.RuleData;
import vn.inspectorate.testsupport.KafkaResource;
import vn.inspectorate.testsupport.PostgresResource;

/**
 * Declaration deadlines are legal time limits: one whose last day is a day off ends on the next working day, by the
 * public calendar loaded at migration and kept by the admins' events; a missing next year shows in readiness.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
class DeclarationDeadlineCalendarTest {

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Inject
    RuleData rules;
    @Inject
    PublicCalendarCopy calendar;

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Test
    void firstTimeDeadlinesMoveOffTet2026AndNationalDay2025() {
        // appointed Friday 6 February 2026: the 10th day is Monday 16 February, the first day of Tết (16-20 February)
        assertThat(rules.firstTimeDeadline(LocalDate.of(2026, 2, 6))).isEqualTo("2026-02-23");
        // appointed 20 August 2025: the 10th day is Saturday 30 August; 1 and 2 September are National Day
        assertThat(rules.firstTimeDeadline(LocalDate.of(2025, 8, 20))).isEqualTo("2025-09-03");
        assertThat(rules.firstTimeDeadline(LocalDate.of(2026, 3, 2))).isEqualTo("2026-03-12");
        // 31 December 2023 is a Sunday and 1 January 2024 New Year
        assertThat(rules.yearEndDeadline(2023)).isEqualTo("2024-01-02");
        assertThat(rules.yearEndDeadline(2026)).isEqualTo("2026-12-31");
    }

    @Test
    void aLoadedYearMovesTheDeadlinesWithoutARestart() throws Exception {
        // nothing loaded for 2032: 31 December 2032 is a Friday
        assertThat(rules.yearEndDeadline(2032)).isEqualTo("2032-12-31");
        send(2032, 1, List.of(new CalendarDay(LocalDate.of(2032, 12, 31), "DAY_OFF", "A day off decided for 2032")));
        long deadline = System.currentTimeMillis() + 30_000;
        while (!calendar.calendar().years().contains(2032) && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        // the next working day after Friday 31 December 2032 is Monday 3 January 2033
        assertThat(rules.yearEndDeadline(2032)).isEqualTo("2033-01-03");
    }

    @Test
    void readinessNamesNextYearsCalendar() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        int next = today.getYear() + 1;
        boolean loaded = calendar.calendar().years().contains(next);
        boolean due = !MonthDay.from(today).isBefore(MonthDay.of(11, 1));
        given().get(managementUrl() + "/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.find { it.name == 'public-calendar' }.data.'calendar-" + next + "'",
                        equalTo(loaded ? "loaded" : due ? "missing" : "not yet due"));
        String metrics = given().get(managementUrl() + "/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("inspectorate_reference_calendar_missing{year=\"" + next + "\"} "
                + (!loaded && due ? "1.0" : "0.0"));
    }

    private static void send(int year, long version, List<CalendarDay> days) throws Exception {
        UUID id = CalendarLoaded.calendarIdOf(year);
        CalendarLoaded payload = new CalendarLoaded(id, version, OffsetDateTime.now(), UUID.randomUUID(), year,
                "test notice", days);
        CloudEvent<CalendarLoaded> event = CloudEvent.of("/inspection-service", EventTypes.REFERENCE_CALENDAR_LOADED,
                id.toString(), OffsetDateTime.now(), payload);
        Properties p = new Properties();
        p.put("bootstrap.servers", ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        p.put("acks", "all");
        try (var producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.REFERENCE, id.toString(), JSON.writeValueAsString(event))).get();
        }
    }

    private String managementUrl() {
        return management.getProtocol() + "://" + management.getHost() + ":" + management.getPort();
    }
}
