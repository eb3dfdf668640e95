package vn.inspectorate.complaints.identity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static vn.inspectorate.complaints.Cases.command;
import static vn.inspectorate.complaints.Cases.complaint;
import static vn.inspectorate.complaints.Cases.create;
import static vn.inspectorate.complaints.Cases.denunciation;
import static vn.inspectorate.complaints.Cases.map;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import vn.inspectorate.complaints.KafkaEvents;
import vn.inspectorate.contracts.EventTypes;
import vn.inspectorate.contracts.Topics;
import vn.inspectorate.testsupport.KafkaResource;
import vn.inspectorate.testsupport.PostgresResource;

/**
 * The confidentiality sweep: cases filed with distinctive identity strings go through their lifecycle; the strings
 * must then appear in no Kafka record on any topic, no log line, no stored event or history, and no response to a
 * role other than the handling inspector of the case's province.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IdentityConfidentialityTest {

    static final String MARK = UUID.randomUUID().toString().substring(0, 8);
    static final String NAME = "Qwzxname" + MARK;
    static final String ID_NUMBER = "9" + Math.abs(MARK.hashCode()) + "77";
    static final String ADDRESS = "Qwzxstreet " + MARK;
    static final String PHONE = "+84-9" + MARK.hashCode();
    static final String EMAIL = "qwzx" + MARK + "@mail.example";
    static final String REPRESENTATIVE = "Qwzxrep" + MARK;
    static final List<String> SECRETS = List.of(NAME, ID_NUMBER, ADDRESS, PHONE, EMAIL, REPRESENTATIVE);
    static final List<String> CASES = new ArrayList<>();

    @Inject
    EntityManager em;

    static Map<String, Object> identified(Map<String, Object> body) {
        body.put("complainant", map("fullName", NAME, "idNumber", ID_NUMBER, "address", ADDRESS, "phone", PHONE,
                "email", EMAIL));
        body.put("representatives", List.of(map("fullName", REPRESENTATIVE, "address", ADDRESS)));
        body.put("complainantCount", 6);
        return body;
    }

    @Test
    @Order(1)
    @TestSecurity(user = "hn-officer", roles = {"provincial-system", "inspector"})
    @OidcSecurity(claims = {@Claim(key = "province", value = "VN-HN"), @Claim(key = "agency", value = "TTT-HN")})
    void casesWithIdentityGoThroughTheirLifecycle() {
        String denounced = create(identified(denunciation(LocalDate.of(2026, 5, 4))));
        CASES.add(denounced);
        command(denounced, "classify", map("kind", "DENUNCIATION")).statusCode(200);
        command(denounced, "accept", map("acceptedOn", "2026-05-05")).statusCode(200);
        command(denounced, "extend", map("reasonCode", "COMPLEX", "decisionReference", "GH-" + MARK,
                "decidedOn", "2026-06-01")).statusCode(200);
        command(denounced, "resolve", map("outcome", "TRUE", "decisionReference", "KL-" + MARK,
                "resolvedOn", "2026-06-20")).statusCode(200);
        command(denounced, "close", map("closureReason", "RESOLVED", "closedOn", "2026-06-21")).statusCode(200);

        String complained = create(identified(complaint(LocalDate.of(2026, 5, 4))));
        CASES.add(complained);
        command(complained, "classify", map("kind", "COMPLAINT")).statusCode(200);
        command(complained, "accept", map("acceptedOn", "2026-05-05")).statusCode(200);
        command(complained, "resolve", map("outcome", "REJECTED", "decisionReference", "QD-" + MARK,
                "resolvedOn", "2026-05-25")).statusCode(200);
        String second = command(complained, "escalate", map("toBodyCode", "HN-PC", "filedOn", "2026-06-01"))
                .statusCode(200).extract().path("escalatedCaseId");
        CASES.add(second);

        // a batch, a retry and a refused submission carrying the same identity
        var batchItem = identified(complaint(LocalDate.of(2026, 5, 6)));
        var refused = identified(complaint(LocalDate.of(2026, 5, 6)));
        refused.put("kind", "COMPLAINT");
        refused.put("subject", "");
        String batched = given().contentType(ContentType.JSON).body(Map.of("cases", List.of(batchItem, refused)))
                .post("/api/v1/cases:batch").then().statusCode(200).body("rejected", equalTo(1))
                .extract().path("results[0].caseId");
        CASES.add(batched);
        given().contentType(ContentType.JSON).body(batchItem).post("/api/v1/cases").then().statusCode(200);
        String problem = given().contentType(ContentType.JSON).body(refused).post("/api/v1/cases").then()
                .statusCode(400).extract().asString();
        assertNoSecret("problem response", problem);
        var unknownField = identified(complaint(LocalDate.of(2026, 5, 6)));
        ((Map<String, Object>) unknownField.get("complainant")).put("nickname", NAME);
        assertNoSecret("problem response", given().contentType(ContentType.JSON).body(unknownField)
                .post("/api/v1/cases").then().statusCode(400).extract().asString());

        // the handling inspector of the province sees the identity: the strings are findable where they belong
        for (String id : CASES) {
            String identity = given().get("/api/v1/cases/" + id + "/identity").then().statusCode(200)
                    .extract().asString();
            assertThat(identity).contains(NAME, ID_NUMBER, ADDRESS, REPRESENTATIVE);
            assertNoSecret("case view for the inspector", given().get("/api/v1/cases/" + id).then()
                    .statusCode(200).extract().asString());
        }
    }

    @Test
    @Order(2)
    @TestSecurity(user = "analyst", roles = "central-analyst")
    void aCentralAnalystSeesTheCasesWithoutIdentity() {
        sweepResponsesAs("central analyst", 403);
    }

    @Test
    @Order(3)
    @TestSecurity(user = "admin", roles = "platform-admin")
    void aPlatformAdminSeesTheCasesWithoutIdentity() {
        sweepResponsesAs("platform admin", 403);
    }

    @Test
    @Order(4)
    @TestSecurity(user = "hn-portal", roles = "provincial-system")
    @OidcSecurity(claims = @Claim(key = "province", value = "VN-HN"))
    void theFilingSystemSeesTheCasesWithoutIdentity() {
        sweepResponsesAs("provincial system", 403);
    }

    @Test
    @Order(5)
    @TestSecurity(user = "sg-officer", roles = "inspector")
    @OidcSecurity(claims = @Claim(key = "province", value = "VN-SG"))
    void anInspectorOfAnotherProvinceSeesNothing() {
        for (String id : CASES) {
            given().get("/api/v1/cases/" + id + "/identity").then().statusCode(404);
            given().get("/api/v1/cases/" + id).then().statusCode(404);
        }
    }

    @Test
    @Order(6)
    void noEventLogLineOrStoredRowCarriesTheIdentity() throws Exception {
        // wait until the last change of every case is on the topic, so the sweep sees everything
        Set<String> awaited = new HashSet<>();
        for (var events : List.of(
                KafkaEvents.await(Topics.CASES, CASES.get(0), e -> KafkaEvents.types(e).contains(EventTypes.CASE_CLOSED)),
                KafkaEvents.await(Topics.CASES, CASES.get(2), e -> e.size() >= 2),
                KafkaEvents.await(Topics.CASES, CASES.get(3), e -> !e.isEmpty()))) {
            events.forEach(e -> awaited.add(e.path("id").asText()));
        }
        // each topic is read to the end offsets taken as its sweep starts (KafkaEvents.all fails short of them)
        List<String> swept = new ArrayList<>();
        for (String topic : KafkaEvents.topics()) {
            for (var record : KafkaEvents.all(topic)) {
                assertNoSecret("record on " + topic, record.key() + " " + record.value());
                for (var header : record.headers()) {
                    assertNoSecret("header on " + topic, new String(header.value(), StandardCharsets.UTF_8));
                }
                if (topic.equals(Topics.CASES) && record.value() != null) {
                    swept.add(record.value());
                }
            }
        }
        assertThat(awaited).as("this test's case events").hasSizeGreaterThanOrEqualTo(4);
        assertThat(awaited).as("this test's case events, each in the sweep of the case topic")
                .allMatch(id -> swept.stream().anyMatch(v -> v.contains("\"" + id + "\"")));

        Path log = Path.of("target/complaints-service-test.log");
        assertThat(log).exists();
        String logText = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(logText).contains(CASES.get(0));  // the log does speak of the case, by id only
        assertNoSecret("log file", logText);

        var tables = List.of("select payload from platform_outbox", "select coalesce(detail, '') from case_history",
                "select coalesce(response_body, '') from platform_idempotency",
                "select subject || coalesce(summary, '') from citizen_case",
                "select encode(ciphertext, 'escape') from case_identity");
        for (String sql : tables) {
            @SuppressWarnings("unchecked")
            List<String> rows = em.createNativeQuery(sql).getResultList();
            rows.forEach(row -> assertNoSecret(sql, row));
        }
    }

    private void sweepResponsesAs(String role, int identityStatus) {
        for (String id : CASES) {
            assertNoSecret(role, given().get("/api/v1/cases/" + id).then().statusCode(200).extract().asString());
            assertNoSecret(role, given().get("/api/v1/cases/" + id + "/history").then().statusCode(200)
                    .extract().asString());
            given().get("/api/v1/cases/" + id + "/identity").then().statusCode(identityStatus);
        }
        assertNoSecret(role, given().get("/api/v1/cases?size=200&receivedFrom=2026-05-04&receivedTo=2026-06-01")
                .then().statusCode(200).extract().asString());
    }

    private static void assertNoSecret(String where, String text) {
        for (String secret : SECRETS) {
            assertThat(text).as("identity in " + where).doesNotContain(secret);
        }
    }
}
