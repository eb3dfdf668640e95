package vn.inspectorate.complaints.rules;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import vn.inspectorate.complaints.Cases;
import vn.inspectorate.complaints.KafkaEvents;
import vn.inspectorate.contracts.EventTypes;
import vn.inspectorate.contracts.Topics;
import vn.inspectorate.contracts.reference.ComplaintRuleSetAdded;
import vn.inspectorate.platform.security.Roles;
import vn.inspectorate.platform.time.VietnamTime;
import vn.inspectorate.testsupport.KafkaResource;
import vn.inspectorate.testsupport.PostgresResource;

/**
 * A platform admin adds a rule set from 2090 (far from every other test's dates): cases received from then on get its
 * clocks at once, earlier ones keep theirs.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RuleSetAdminTest {

    private static final String PATH = "/api/v1/case-rule-sets";
    private static final String VERSION = "2090.1";
    private static final LocalDate FROM = LocalDate.of(2090, 1, 1);

    @Inject
    RuleBook ruleBook;

    @Inject
    EntityManager em;

    @AfterEach
    void systemClock() {
        VietnamTime.reset();
    }

    /** The seeded numbers, with the acceptance of a complaint at {@code acceptanceDays}. */
    static List<Map<String, Object>> values(int acceptanceDays) {
        List<Map<String, Object>> v = new ArrayList<>();
        v.add(value("COMPLAINT_FILING_LIMIT", "CALENDAR_DAYS", 90, null, null, null));
        v.add(value("COMPLAINT_ACCEPTANCE", "CALENDAR_DAYS", acceptanceDays, null, null, null));
        v.add(value("COMPLAINT_FIRST_RESOLUTION", "CALENDAR_DAYS", 30, 45, 45, 60));
        v.add(value("SECOND_COMPLAINT_WINDOW", "CALENDAR_DAYS", 30, null, 45, 45));
        v.add(value("COMPLAINT_SECOND_RESOLUTION", "CALENDAR_DAYS", 45, 60, 60, 70));
        v.add(value("DENUNCIATION_NOTIFY", "WORKING_DAYS", 5, null, null, null));
        v.add(value("DENUNCIATION_RESOLUTION", "CALENDAR_DAYS", 30, null, null, null));
        v.add(value("DENUNCIATION_EXTENSION", "CALENDAR_DAYS", 30, null, null, null));
        v.add(value("DENUNCIATION_MAX_EXTENSIONS", "COUNT", 2, null, null, null));
        v.add(value("MASS_CASE_MIN_COMPLAINANTS", "COUNT", 5, null, null, null));
        v.add(value("DUPLICATE_WINDOW", "CALENDAR_DAYS", 180, null, null, null));
        v.add(value("DUPLICATE_SUBJECT_SIMILARITY_PERCENT", "COUNT", 50, null, null, null));
        return v;
    }

    static Map<String, Object> value(String rule, String unit, int normal, Integer complex, Integer remote,
            Integer remoteComplex) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rule", rule);
        m.put("unit", unit);
        m.put("normal", normal);
        m.put("complex", complex);
        m.put("remote", remote);
        m.put("remoteComplex", remoteComplex);
        return m;
    }

    static Map<String, Object> set(String version, LocalDate from, int acceptanceDays) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", version);
        body.put("effectiveFrom", from.toString());
        body.put("pausedTimeCounts", false);
        body.put("legalBasis", "A law of 2089 on complaints");
        body.put("reason", "The law of 2089 lengthens the acceptance of complaints");
        body.put("values", values(acceptanceDays));
        return body;
    }

    static ValidatableResponse post(Object body) {
        return given().contentType(ContentType.JSON).body(body).post(PATH).then();
    }

    long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }

    @Test
    @Order(1)
    @TestSecurity(user = "admin", roles = Roles.PLATFORM_ADMIN)
    void invalidSetsAreRefusedAndWriteNothing() {
        long sets = count("select count(*) from rule_set");

        Map<String, Object> missing = set(VERSION, FROM, 15);
        ((List<?>) missing.get("values")).remove(0);
        post(missing).statusCode(422).body("type", endsWith("/invalid-rule-set"))
                .body("errors.field", hasItem("values"));

        Map<String, Object> twice = set(VERSION, FROM, 15);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> twiceValues = (List<Map<String, Object>>) twice.get("values");
        twiceValues.add(value("COMPLAINT_ACCEPTANCE", "CALENDAR_DAYS", 15, null, null, null));
        post(twice).statusCode(422).body("errors.field", hasItem("values[12].rule"));

        Map<String, Object> wrong = set(VERSION, FROM, 0);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> wrongValues = (List<Map<String, Object>>) wrong.get("values");
        wrongValues.set(2, value("COMPLAINT_FIRST_RESOLUTION", "CALENDAR_DAYS", 30, 20, 45, 40));
        wrongValues.set(8, value("DENUNCIATION_MAX_EXTENSIONS", "CALENDAR_DAYS", 2, null, null, null));
        wrongValues.set(9, value("MASS_CASE_MIN_COMPLAINANTS", "COUNT", 1, null, null, null));
        wrongValues.set(10, value("DUPLICATE_WINDOW", "WORKING_DAYS", 180, 200, null, null));
        post(wrong).statusCode(422).body("errors.field", hasItems("values[1].normal", "values[2].complex",
                "values[2].remoteComplex", "values[8].unit", "values[9].normal", "values[10].unit",
                "values[10].complex"));

        Map<String, Object> negative = set(VERSION, FROM, -1);
        post(negative).statusCode(400).body("errors.field", hasItem("values[1].normal"));
        Map<String, Object> unnamed = set(" ", FROM, 15);
        post(unnamed).statusCode(400).body("errors.field", hasItem("version"));
        Map<String, Object> noReason = set(VERSION, FROM, 15);
        noReason.remove("reason");
        post(noReason).statusCode(400).body("errors.field", hasItem("reason"));

        // after the latest set (2026.7) but not after today
        post(set(VERSION, VietnamTime.today(), 15)).statusCode(422)
                .body("type", endsWith("/rule-set-not-in-future"));

        assertThat(count("select count(*) from rule_set")).isEqualTo(sets);
        assertThat(count("select count(*) from rule_set_change")).isZero();
    }

    @Test
    @Order(2)
    @TestSecurity(user = "admin", roles = Roles.PLATFORM_ADMIN)
    void anAdminAddsASetAndTheRuleBookUsesItAtOnce() {
        // read before: the versions are now cached for minutes
        assertThat(ruleBook.inForceOn(FROM).version()).isEqualTo("2026.7");

        given().contentType(ContentType.JSON).body(set(VERSION, FROM, 15)).post(PATH).then().statusCode(201)
                .header("Location", endsWith(PATH + "/" + VERSION))
                .body("version", equalTo(VERSION)).body("effectiveFrom", equalTo("2090-01-01"))
                .body("effectiveTo", nullValue()).body("pausedTimeCounts", equalTo(false))
                .body("values.find { it.rule == 'COMPLAINT_ACCEPTANCE' }.normal", equalTo(15))
                .body("values.find { it.rule == 'COMPLAINT_FIRST_RESOLUTION' }.remoteComplex", equalTo(60))
                .body("added.addedBy", equalTo("admin"))
                .body("added.reason", equalTo("The law of 2089 lengthens the acceptance of complaints"));

        assertThat(ruleBook.inForceOn(FROM).version()).isEqualTo(VERSION);
        assertThat(ruleBook.inForceOn(FROM.minusDays(1)).version()).isEqualTo("2026.7");
        assertThat(ruleBook.inForceOn(FROM).get(Rule.COMPLAINT_ACCEPTANCE).value()).isEqualTo(15);
        assertThat(ruleBook.inForceOn(FROM).pausedTimeCounts()).isFalse();

        // announced through the outbox, so every other instance reads the versions again
        String ruleSetId = ComplaintRuleSetAdded.ruleSetIdOf(VERSION).toString();
        var events = KafkaEvents.await(Topics.REFERENCE, ruleSetId, found -> !found.isEmpty());
        assertThat(KafkaEvents.types(events)).containsExactly(EventTypes.REFERENCE_COMPLAINT_RULE_SET_ADDED);
        assertThat(events.get(0).path("data").path("ruleSetVersion").asText()).isEqualTo(VERSION);
        assertThat(events.get(0).path("data").path("effectiveFrom").asText()).isEqualTo("2090-01-01");
    }

    @Test
    @Order(3)
    @TestSecurity(user = "admin", roles = Roles.PLATFORM_ADMIN)
    void theSameSetAgainIsAnsweredAndCreatesNothing() {
        post(set(VERSION, FROM, 15)).statusCode(200).body("version", equalTo(VERSION))
                .body("added.addedBy", equalTo("admin"));
        // the reason is not part of the set
        Map<String, Object> otherReason = set(VERSION, FROM, 15);
        otherReason.put("reason", "Sent again");
        post(otherReason).statusCode(200);
        assertThat(count("select count(*) from rule_set where version = '" + VERSION + "'")).isEqualTo(1);
        assertThat(count("select count(*) from rule_value where rule_set_version = '" + VERSION + "'"))
                .isEqualTo(Rule.values().length);
        assertThat(count("select count(*) from rule_set_change")).isEqualTo(1);
    }

    @Test
    @Order(4)
    @TestSecurity(user = "admin", roles = Roles.PLATFORM_ADMIN)
    void anotherSetUnderTheSameVersionOrDateIsAConflict() {
        long sets = count("select count(*) from rule_set");
        post(set(VERSION, FROM, 20)).statusCode(409).body("type", endsWith("/natural-key-conflict"))
                .body("existingId", equalTo(VERSION)).body("differingFields", equalTo(List.of("values")));
        post(set("2090.2", FROM, 15)).statusCode(409).body("type", endsWith("/natural-key-conflict"))
                .body("existingId", equalTo(VERSION)).body("differingFields", equalTo(List.of("version")));
        Map<String, Object> paused = set(VERSION, FROM, 15);
        paused.put("pausedTimeCounts", true);
        post(paused).statusCode(409).body("differingFields", equalTo(List.of("pausedTimeCounts")));
        post(set("2089.6", LocalDate.of(2089, 6, 1), 15)).statusCode(409)
                .body("type", endsWith("/rule-version-order")).body("latestEffectiveFrom", equalTo("2090-01-01"));
        assertThat(count("select count(*) from rule_set")).isEqualTo(sets);
        assertThat(count("select count(*) from rule_set_change")).isEqualTo(1);
    }

    @Test
    @Order(5)
    @TestSecurity(user = "admin", roles = Roles.PLATFORM_ADMIN)
    void anIdempotencyKeyAnswersTheFirstResponseAgain() {
        Map<String, Object> body = set("2091.1", LocalDate.of(2091, 1, 1), 12);
        given().contentType(ContentType.JSON).header("Idempotency-Key", "rule-set-2091").body(body).post(PATH)
                .then().statusCode(201);
        given().contentType(ContentType.JSON).header("Idempotency-Key", "rule-set-2091").body(body).post(PATH)
                .then().statusCode(201).header("Idempotency-Replayed", "true").body("version", equalTo("2091.1"));
        given().contentType(ContentType.JSON).header("Idempotency-Key", "rule-set-2091")
                .body(set("2092.1", LocalDate.of(2092, 1, 1), 12)).post(PATH).then().statusCode(422)
                .body("type", endsWith("/idempotency-key-reused"));
        assertThat(count("select count(*) from rule_set where version like '209%'")).isEqualTo(2);
        // the earlier set now ends the day before the next one
        given().get(PATH + "/" + VERSION).then().statusCode(200).body("effectiveTo", equalTo("2090-12-31"));
    }

    @Test
    @Order(6)
    @TestSecurity(user = "hn-officer", roles = {"provincial-system", "inspector"})
    @OidcSecurity(claims = @Claim(key = "province", value = "VN-HN"))
    void aCaseReceivedFromTheDateGetsTheNewClockAndAnEarlierOneKeepsTheOld() {
        VietnamTime.placeAt(Instant.parse("2090-01-05T03:00:00Z"));
        Cases.post(Cases.complaint(LocalDate.of(2089, 12, 27))).statusCode(201)
                .body("ruleSetVersion", equalTo("2026.7"))
                .body("deadlines.acceptanceDueOn", equalTo("2090-01-06"));
        Cases.post(Cases.complaint(LocalDate.of(2090, 1, 2))).statusCode(201)
                .body("ruleSetVersion", equalTo(VERSION))
                .body("deadlines.acceptanceDueOn", equalTo("2090-01-17"));
    }

    @Test
    @Order(7)
    @TestSecurity(user = "analyst", roles = Roles.CENTRAL_ANALYST)
    void theSetsAreListedOldestFirst() {
        given().get(PATH).then().statusCode(200)
                .body("version", equalTo(List.of("2012.1", "2026.7", VERSION, "2091.1")))
                .body("[0].added", nullValue()).body("[0].effectiveTo", equalTo("2026-06-30"))
                .body("[1].effectiveTo", equalTo("2089-12-31"))
                .body("[2].added.addedBy", equalTo("admin"))
                .body("[0].values.find { it.rule == 'COMPLAINT_ACCEPTANCE' }.normal", equalTo(10));
        given().get(PATH + "/no-such-version").then().statusCode(404);
    }

    @Test
    @Order(8)
    @TestSecurity(user = "inspector-hn", roles = Roles.INSPECTOR)
    @OidcSecurity(claims = @Claim(key = "province", value = "VN-HN"))
    void onlyAnAdminAddsASet() {
        post(set("2093.1", LocalDate.of(2093, 1, 1), 15)).statusCode(403);
        given().get(PATH).then().statusCode(200);
        assertThat(count("select count(*) from rule_set where version = '2093.1'")).isZero();
    }

    @Test
    @Order(9)
    @TestSecurity(user = "partner", roles = Roles.PARTNER)
    void partnersDoNotReadTheSets() {
        given().get(PATH).then().statusCode(403);
    }
}
