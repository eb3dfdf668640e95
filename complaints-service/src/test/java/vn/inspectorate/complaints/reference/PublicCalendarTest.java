package vn.inspectorate.complaints.reference;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static vn.inspectorate.complaints.Cases.complaint;
import static vn.inspectorate.complaints.Cases.create;
import static vn.inspectorate.complaints.Cases.get;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URL;
import java.sql.Date;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.inspectorate.complaints.KafkaEvents;
import vn.inspectorate.complaints.rules.DeadlineCalculator;
import vn.inspectorate.complaints.rules.Rule;
import vn.inspectorate.complaints.rules.RuleBook;
import vn.inspectorate.contracts.CloudEvent;
import vn.inspectorate.contracts.EventTypes;
import vn.inspectorate.contracts.Topics;
import vn.inspectorate.contracts.reference.CalendarLoaded;
import vn.inspectorate.contracts.reference.CalendarLoaded.CalendarDay;
import vn.inspectorate.testsupport.KafkaResource;
import vn.inspectorate.testsupport.PostgresResource;

/**
 * The case clocks count with the public calendar: a time limit ending on a day off moves to the next working day
 * (Tết 2026, National Day 2025), a Saturday worked counts, a loaded year applies without a restart, and a missing next
 * year shows in the readiness data and the gauge.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
class PublicCalendarTest {

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Inject
    DeadlineCalculator calculator;
    @Inject
    RuleBook rules;
    @Inject
    EntityManager em;

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Test
    @TestSecurity(user = "hn-officer", roles = {"provincial-system", "inspector"})
    @OidcSecurity(claims = @Claim(key = "province", value = "VN-HN"))
    void anAcceptanceDeadlineEndingInTet2026MovesToTheFirstWorkingDayAfter() {
        // received Friday 6 February 2026: the 10th day is Monday 16 February, the first day of Tết (16-20 February)
        String id = create(complaint(LocalDate.of(2026, 2, 6)));
        get(id).statusCode(200).body("deadlines.acceptanceDueOn", equalTo("2026-02-23"));
        // received 20 August 2025: the 10th day is Saturday 30 August; 1 and 2 September are National Day
        String national = create(complaint(LocalDate.of(2025, 8, 20)));
        get(national).statusCode(200).body("deadlines.acceptanceDueOn", equalTo("2025-09-03"));
    }

    @Test
    void aLoadedYearAppliesAtOnceAndAStaleOneChangesNothing() throws Exception {
        var acceptance = rules.inForceOn(LocalDate.of(2031, 3, 4)).get(Rule.COMPLAINT_ACCEPTANCE);
        // nothing loaded for 2031 yet: the 10th day after 4 March is Friday 14 March, a working day
        assertThat(calculator.deadline(LocalDate.of(2031, 3, 4), acceptance)).isEqualTo("2031-03-14");

        send(2031, 2, List.of(new CalendarDay(LocalDate.of(2031, 3, 14), "DAY_OFF", "A holiday decided for 2031"),
                new CalendarDay(LocalDate.of(2031, 3, 15), "WORKING_DAY", "Worked for Friday 14 March")));
        awaitDeadline(LocalDate.of(2031, 3, 4), acceptance, LocalDate.of(2031, 3, 15));
        assertThat(calculator.add(LocalDate.of(2031, 3, 13), vn.inspectorate.complaints.rules.DayUnit.WORKING_DAYS,
                1)).isEqualTo("2031-03-15");

        // an older version arriving late changes nothing
        send(2031, 1, List.of(new CalendarDay(LocalDate.of(2031, 3, 20), "DAY_OFF", "stale")));
        send(2031, 3, List.of(new CalendarDay(LocalDate.of(2031, 3, 14), "DAY_OFF", "A holiday decided for 2031")));
        awaitDeadline(LocalDate.of(2031, 3, 4), acceptance, LocalDate.of(2031, 3, 17));
        assertThat(calculator.calendar().isWorkingDay(LocalDate.of(2031, 3, 20))).isTrue();
    }

    @Test
    void aMissingNextYearIsAWarningAndAGaugeNotDown() throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        int next = today.getYear() + 1;
        boolean due = !MonthDay.from(today).isBefore(MonthDay.of(11, 1));
        List<CalendarDay> saved = daysOf(next);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "delete from public_holiday where extract(year from day) = ?1").setParameter(1, next).executeUpdate());
        calculator.refresh();
        try {
            given().get(managementUrl() + "/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                    .body("checks.find { it.name == 'public-calendar' }.data.'calendar-" + next + "'",
                            equalTo(due ? "missing" : "not yet due"));
            String metrics = given().get(managementUrl() + "/q/metrics").then().statusCode(200).extract().asString();
            assertThat(metrics).contains("inspectorate_reference_calendar_missing{year=\"" + next + "\"} "
                    + (due ? "1.0" : "0.0"));
        } finally {
            send(next, 1, saved);
        }
        long deadline = System.currentTimeMillis() + 30_000;
        while (!calculator.calendar().years().contains(next) && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        assertThat(calculator.calendar().years()).contains(next);
        given().get(managementUrl() + "/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'public-calendar' }.data.'calendar-" + next + "'", equalTo("loaded"));
        String metrics = given().get(managementUrl() + "/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("inspectorate_reference_calendar_missing{year=\"" + next + "\"} 0.0");
    }

    @SuppressWarnings("unchecked")
    private List<CalendarDay> daysOf(int year) {
        List<Object[]> rows = em.createNativeQuery("select day, kind, name from public_holiday "
                + "where extract(year from day) = ?1 order by day").setParameter(1, year).getResultList();
        return rows.stream().map(r -> new CalendarDay(r[0] instanceof Date d ? d.toLocalDate() : (LocalDate) r[0],
                (String) r[1], (String) r[2]))
                .toList();
    }

    private void awaitDeadline(LocalDate from, vn.inspectorate.complaints.rules.RuleValue rule, LocalDate expected)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (!calculator.deadline(from, rule).equals(expected) && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        assertThat(calculator.deadline(from, rule)).isEqualTo(expected);
    }

    private static void send(int year, long version, List<CalendarDay> days) throws Exception {
        UUID id = CalendarLoaded.calendarIdOf(year);
        CalendarLoaded payload = new CalendarLoaded(id, version, OffsetDateTime.now(), UUID.randomUUID(), year,
                "test notice", days);
        CloudEvent<CalendarLoaded> event = CloudEvent.of("/inspection-service", EventTypes.REFERENCE_CALENDAR_LOADED,
                id.toString(), OffsetDateTime.now(), payload);
        KafkaEvents.send(Topics.REFERENCE, id.toString(), JSON.writeValueAsString(event));
    }

    private String managementUrl() {
        return management.getProtocol() + "://" + management.getHost() + ":" + management.getPort();
    }
}
