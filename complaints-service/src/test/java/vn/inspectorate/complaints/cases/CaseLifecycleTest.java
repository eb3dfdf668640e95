package vn.inspectorate.complaints.cases;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static vn.inspectorate.complaints.Cases.command;
import static vn.inspectorate.complaints.Cases.complaint;
import static vn.inspectorate.complaints.Cases.create;
import static vn.inspectorate.complaints.Cases.denunciation;
import static vn.inspectorate.complaints.Cases.get;
import static vn.inspectorate.complaints.Cases.map;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.inspectorate.complaints.KafkaEvents;
import vn.inspectorate.contracts.EventTypes;
import vn.inspectorate.contracts.Topics;
import vn.inspectorate.testsupport.KafkaResource;
import vn.inspectorate.testsupport.PostgresResource;

@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
@TestSecurity(user = "hn-officer", roles = {"provincial-system", "inspector"})
@OidcSecurity(claims = {@Claim(key = "province", value = "VN-HN"), @Claim(key = "agency", value = "TTT-HN")})
class CaseLifecycleTest {

    static Map<String, Object> classify(String kind) {
        return map("kind", kind);
    }

    static Map<String, Object> accept(String on) {
        return map("acceptedOn", on);
    }

    static Map<String, Object> resolve(String on) {
        return map("outcome", "PARTLY_UPHELD", "decisionReference", "QD-" + on, "resolvedOn", on);
    }

    @Test
    void aComplaintGoesThroughBothInstancesWithItsDeadlines() {
        String first = create(complaint(LocalDate.of(2026, 3, 2)));
        get(first).statusCode(200).body("deadlines.acceptanceDueOn", equalTo("2026-03-12"));
        command(first, "classify", classify("COMPLAINT")).statusCode(200).body("status", equalTo("CLASSIFIED"));
        command(first, "accept", accept("2026-03-05")).statusCode(200)
                .body("status", equalTo("ACCEPTED"))
                .body("allowedCommands", hasItem("escalate")).body("allowedCommands", not(hasItem("extend")))
                // the 30th day, Saturday 4 April, is a day off: the time limit ends on Monday 6 April
                .body("deadlines.resolutionDueOn", equalTo("2026-04-06"))
                .body("deadlines.currentDueOn", equalTo("2026-04-06"));
        command(first, "assign", map("handlingBodyCode", "HN-LAND-DEPT")).statusCode(200)
                .body("status", equalTo("ASSIGNED")).body("handlingBodyCode", equalTo("HN-LAND-DEPT"));
        command(first, "resolve", resolve("2026-03-30")).statusCode(200)
                .body("status", equalTo("RESOLVED"))
                .body("deadlines.secondComplaintWindowEndsOn", equalTo("2026-04-29"))
                .body("deadlines.currentDueOn", nullValue());
        // the second complaint must come within 30 days of the decision: the 31st day is too late
        command(first, "escalate", map("toBodyCode", "HN-PEOPLES-COMMITTEE", "filedOn", "2026-04-30"))
                .statusCode(422).body("errors.field", hasItem("filedOn"));
        String second = command(first, "escalate", map("toBodyCode", "HN-PEOPLES-COMMITTEE", "filedOn", "2026-04-29"))
                .statusCode(200).body("status", equalTo("ESCALATED")).extract().path("escalatedCaseId");

        get(second).statusCode(200).body("instance", equalTo(2)).body("status", equalTo("CLASSIFIED"))
                .body("parentCaseId", equalTo(first)).body("deadlines.acceptanceDueOn", equalTo("2026-05-11"));
        command(second, "accept", accept("2026-05-04")).statusCode(200)
                .body("deadlines.resolutionDueOn", equalTo("2026-06-18"));
        command(second, "resolve", resolve("2026-06-10")).statusCode(200)
                .body("deadlines.secondComplaintWindowEndsOn", nullValue());
        command(second, "escalate", map("toBodyCode", "CENTRAL", "filedOn", "2026-06-15")).statusCode(409)
                .body("type", equalTo("https://inspectorate.gov.vn/problems/not-escalatable"))
                .body("allowedCommands", contains("close"));
        command(second, "close", map("closureReason", "RESOLVED", "closedOn", "2026-06-20")).statusCode(200)
                .body("status", equalTo("CLOSED"));
        // the complainant's identity follows the complaint to the second instance
        String firstName = given().get("/api/v1/cases/" + first + "/identity").then().statusCode(200)
                .extract().path("complainant.fullName");
        given().get("/api/v1/cases/" + second + "/identity").then().statusCode(200)
                .body("complainant.fullName", equalTo(firstName));

        given().get("/api/v1/cases/" + first + "/history").then().statusCode(200)
                .body("command", contains("receive", "classify", "accept", "assign", "resolve", "escalate",
                        "read-identity"))
                .body("actor", hasItem("hn-officer"));
        assertThat(KafkaEvents.types(KafkaEvents.await(Topics.CASES, first, e -> e.size() >= 6))).containsExactly(
                EventTypes.CASE_RECEIVED, EventTypes.CASE_CLASSIFIED, EventTypes.CASE_ACCEPTED,
                EventTypes.CASE_ASSIGNED, EventTypes.CASE_RESOLVED, EventTypes.CASE_ESCALATED);
        List<JsonNode> secondEvents = KafkaEvents.await(Topics.CASES, second, e -> e.size() >= 5);
        assertThat(KafkaEvents.types(secondEvents)).containsExactly(EventTypes.CASE_RECEIVED,
                EventTypes.CASE_CLASSIFIED, EventTypes.CASE_ACCEPTED, EventTypes.CASE_RESOLVED,
                EventTypes.CASE_CLOSED);
        assertThat(secondEvents.stream().map(e -> e.path("data").path("version").asLong()).toList())
                .isSorted().doesNotHaveDuplicates();
        assertThat(KafkaEvents.await(Topics.PUBLIC, first, e -> e.size() >= 6).stream()
                .map(e -> e.path("data").path("status").asText()).toList())
                .containsExactly("RECEIVED", "CLASSIFIED", "ACCEPTED", "ASSIGNED", "RESOLVED", "ESCALATED");
    }

    @Test
    void complexityAndRemoteAreasLengthenTheClocks() {
        String both = create(complaint(LocalDate.of(2026, 3, 2)));
        command(both, "classify", map("kind", "COMPLAINT", "complex", true, "remoteArea", true,
                "remoteAreaReason", "no road in the rainy season")).statusCode(200);
        command(both, "accept", accept("2026-03-05")).statusCode(200)
                .body("deadlines.resolutionDueOn", equalTo("2026-05-04"));
        String remote = create(complaint(LocalDate.of(2026, 3, 2)));
        command(remote, "classify", map("kind", "COMPLAINT", "remoteArea", true,
                "remoteAreaReason", "island commune")).statusCode(200);
        command(remote, "accept", accept("2026-03-05")).statusCode(200)
                .body("deadlines.resolutionDueOn", equalTo("2026-04-20"));
        command(remote, "resolve", resolve("2026-04-01")).statusCode(200)
                .body("deadlines.secondComplaintWindowEndsOn", equalTo("2026-05-18"));
        String complexSecond = create(with(complaint(LocalDate.of(2026, 3, 2)), "instance", 2));
        command(complexSecond, "classify", map("kind", "COMPLAINT", "instance", 2, "complex", true,
                "remoteArea", true, "remoteAreaReason", "island commune")).statusCode(200);
        command(complexSecond, "accept", accept("2026-03-05")).statusCode(200)
                .body("deadlines.resolutionDueOn", equalTo("2026-05-14"));
    }

    @Test
    void aDenunciationGetsTwoExtensionsAndNoMore() {
        UUID declarant = UUID.randomUUID();
        String id = create(denunciation(LocalDate.of(2026, 4, 1)));
        command(id, "classify", map("kind", "DENUNCIATION", "respondentDeclarantId", declarant.toString()))
                .statusCode(200);
        // accepted on Friday 24 April 2026: five working days skip the weekend and the 27 April, 30 April and
        // 1 May holidays
        command(id, "accept", accept("2026-04-24")).statusCode(200)
                // the 30th day, Sunday 24 May, is a day off: the time limit ends on Monday 25 May
                .body("deadlines.resolutionDueOn", equalTo("2026-05-25"))
                .body("deadlines.notifyDenouncerDueOn", equalTo("2026-05-06"))
                .body("allowedCommands", hasItem("extend")).body("allowedCommands", not(hasItem("escalate")));
        command(id, "notify-denouncer", map("notifiedOn", "2026-05-05")).statusCode(200)
                .body("denouncerNotifiedOn", equalTo("2026-05-05"))
                .body("allowedCommands", not(hasItem("notify-denouncer")));
        command(id, "notify-denouncer", map("notifiedOn", "2026-05-06")).statusCode(409);
        command(id, "extend", map("reasonCode", "COMPLEX", "decisionReference", "GH-1", "decidedOn", "2026-05-20"))
                .statusCode(200).body("deadlines.resolutionDueOn", equalTo("2026-06-24")).body("extensionCount", equalTo(1));
        command(id, "extend", map("reasonCode", "COMPLEX", "decisionReference", "GH-2", "decidedOn", "2026-06-20"))
                .statusCode(422).body("errors.field", hasItem("reasonCode"));
        command(id, "extend", map("reasonCode", "ESPECIALLY_COMPLEX", "decisionReference", "GH-2",
                "decidedOn", "2026-06-20")).statusCode(200).body("deadlines.resolutionDueOn", equalTo("2026-07-24"));
        command(id, "extend", map("reasonCode", "ESPECIALLY_COMPLEX", "decisionReference", "GH-3",
                "decidedOn", "2026-07-20")).statusCode(409)
                .body("type", equalTo("https://inspectorate.gov.vn/problems/no-extension-left"))
                .body("allowedCommands", not(hasItem("extend")));
        List<JsonNode> events = KafkaEvents.await(Topics.CASES, id, e -> e.size() >= 5);
        JsonNode classified = events.get(1);
        assertThat(classified.path("data").path("respondentDeclarantId").asText()).isEqualTo(declarant.toString());
        List<JsonNode> extensions = events.stream().filter(e -> e.path("type").asText()
                .equals(EventTypes.CASE_EXTENDED)).toList();
        assertThat(extensions).hasSize(2);
        assertThat(extensions.get(1).path("data").path("extensionNumber").asInt()).isEqualTo(2);
        assertThat(extensions.get(1).path("data").path("previousDueOn").asText()).isEqualTo("2026-06-24");
        assertThat(extensions.get(1).path("data").path("newDueOn").asText()).isEqualTo("2026-07-24");
    }

    @Test
    void anInvalidTransitionIsAConflictNamingTheAllowedCommands() {
        String id = create(complaint(LocalDate.of(2026, 3, 2)));
        command(id, "accept", accept("2026-03-05")).statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://inspectorate.gov.vn/problems/invalid-transition"))
                .body("status", equalTo(409)).body("currentStatus", equalTo("RECEIVED"))
                .body("allowedCommands", containsInAnyOrder("classify", "not-accept", "transfer"));
        command(id, "resolve", resolve("2026-03-05")).statusCode(409);
        get(id).statusCode(200).body("status", equalTo("RECEIVED")).body("version", equalTo(1));
    }

    @Test
    void commandDatesAndBodiesAreChecked() {
        String id = create(complaint(LocalDate.of(2026, 3, 2)));
        command(id, "classify", classify("COMPLAINT")).statusCode(200);
        command(id, "accept", accept("2026-03-01")).statusCode(422).body("errors.field", hasItem("acceptedOn"));
        command(id, "accept", accept(BusinessDate.today().plusDays(1).toString())).statusCode(422);
        command(id, "accept", map("acceptedOn", "2026-03-05", "extra", 1)).statusCode(400)
                .body("errors.field", hasItem("extra"));
        command(id, "accept", map()).statusCode(400).body("errors.field", hasItem("acceptedOn"));
        command(UUID.randomUUID().toString(), "accept", accept("2026-03-05")).statusCode(404);
        get(id).statusCode(200).body("status", equalTo("CLASSIFIED"));
    }

    @Test
    void aRetriedCommandWithItsIdempotencyKeyAnswersAsTheFirstTime() {
        String id = create(complaint(LocalDate.of(2026, 3, 2)));
        command(id, "classify", classify("COMPLAINT")).statusCode(200);
        String key = "accept-" + UUID.randomUUID();
        given().contentType("application/json").header("Idempotency-Key", key).body(accept("2026-03-05"))
                .post("/api/v1/cases/" + id + "/accept").then().statusCode(200).body("version", equalTo(3));
        given().contentType("application/json").header("Idempotency-Key", key).body(accept("2026-03-05"))
                .post("/api/v1/cases/" + id + "/accept").then().statusCode(200)
                .header("Idempotency-Replayed", "true").body("version", equalTo(3));
        command(id, "accept", accept("2026-03-05")).statusCode(409);
        get(id).statusCode(200).body("version", equalTo(3));
    }

    @Test
    void aComplaintFiledAfterItsLimitIsNotAccepted() {
        // learned of the decision on 1 January: 1 April is the 90th day, 2 April is late
        String onTime = create(with(complaint(LocalDate.of(2026, 4, 1)), "decisionLearnedOn", "2026-01-01"));
        get(onTime).statusCode(200).body("admissibilityFindings", org.hamcrest.Matchers.empty());
        String late = create(with(complaint(LocalDate.of(2026, 4, 2)), "decisionLearnedOn", "2026-01-01"));
        get(late).statusCode(200).body("admissibilityFindings", contains("FILED_LATE"));
        command(late, "classify", classify("COMPLAINT")).statusCode(200);
        command(late, "accept", accept("2026-04-03")).statusCode(409)
                .body("findings", contains("FILED_LATE")).body("allowedCommands", hasItem("not-accept"));
        command(late, "not-accept", map("reasonCode", "FILED_LATE", "decisionReference", "TB-7",
                "decidedOn", "2026-04-03")).statusCode(200).body("status", equalTo("NOT_ACCEPTED"));
        command(late, "close", map("closureReason", "RESOLVED", "closedOn", "2026-04-04")).statusCode(422)
                .body("errors.field", hasItem("closureReason"));
        command(late, "close", map("closureReason", "NOT_ACCEPTED", "closedOn", "2026-04-04")).statusCode(200);
        String unsigned = create(with(complaint(LocalDate.of(2026, 4, 2)), "signed", false));
        get(unsigned).statusCode(200).body("admissibilityFindings", contains("UNSIGNED"));
        List<JsonNode> events = KafkaEvents.await(Topics.CASES, late, e -> e.size() >= 4);
        assertThat(events.get(2).path("type").asText()).isEqualTo(EventTypes.CASE_REJECTED);
        assertThat(events.get(2).path("data").path("reasonCode").asText()).isEqualTo("FILED_LATE");
    }

    @Test
    void anAnonymousDenunciationIsOnlyInformationToCheck() {
        Map<String, Object> body = denunciation(LocalDate.of(2026, 4, 1));
        body.remove("complainant");
        String id = create(body);
        command(id, "classify", classify("DENUNCIATION")).statusCode(200)
                .body("kind", equalTo("REFLECTION")).body("informationOnly", equalTo(true))
                .body("anonymous", equalTo(true));
        command(id, "accept", accept("2026-04-02")).statusCode(409)
                .body("type", equalTo("https://inspectorate.gov.vn/problems/information-only"));
        given().get("/api/v1/cases/" + id + "/identity").then().statusCode(404);
    }

    @Test
    void pausedTimeCountsUntilJuly2026AndNotAfter() {
        String old = create(complaint(LocalDate.of(2026, 6, 30)));
        get(old).statusCode(200).body("ruleSetVersion", equalTo("2012.1"));
        command(old, "classify", classify("COMPLAINT")).statusCode(200);
        command(old, "accept", accept("2026-07-01")).statusCode(200).body("deadlines.resolutionDueOn", equalTo("2026-07-31"));
        command(old, "pause", map("reason", "awaiting expert opinion", "pausedOn", "2026-07-10")).statusCode(200)
                .body("status", equalTo("PAUSED"));
        command(old, "extend", map("reasonCode", "COMPLEX", "decisionReference", "x", "decidedOn", "2026-07-11"))
                .statusCode(409).body("allowedCommands", containsInAnyOrder("resume", "close", "withdraw-part"));
        command(old, "resume", map("resumedOn", "2026-07-20")).statusCode(200)
                .body("status", equalTo("ACCEPTED")).body("deadlines.resolutionDueOn", equalTo("2026-07-31"));

        String current = create(complaint(LocalDate.of(2026, 7, 1)));
        get(current).statusCode(200).body("ruleSetVersion", equalTo("2026.7"));
        command(current, "classify", classify("COMPLAINT")).statusCode(200);
        command(current, "accept", accept("2026-07-01")).statusCode(200);
        command(current, "assign", map("handlingBodyCode", "HN-LAND-DEPT")).statusCode(200);
        command(current, "pause", map("reason", "awaiting expert opinion", "pausedOn", "2026-07-10")).statusCode(200)
                .body("deadlines.currentDueOn", nullValue());
        command(current, "resume", map("resumedOn", "2026-07-20")).statusCode(200)
                .body("status", equalTo("ASSIGNED")).body("deadlines.resolutionDueOn", equalTo("2026-08-10"));
    }

    @Test
    void aFirstInstanceThatMissesItsDeadlineCanBeTakenToTheSecond() {
        String id = create(complaint(LocalDate.of(2026, 3, 2)));
        command(id, "classify", classify("COMPLAINT")).statusCode(200);
        command(id, "accept", accept("2026-03-05")).statusCode(200);
        command(id, "escalate", map("toBodyCode", "HN-PEOPLES-COMMITTEE", "filedOn", "2026-04-03")).statusCode(409)
                .body("type", equalTo("https://inspectorate.gov.vn/problems/first-instance-pending"));
        // the missed deadline is Monday 6 April (the 30th day, Saturday 4 April, is a day off): 30 days from it
        command(id, "escalate", map("toBodyCode", "HN-PEOPLES-COMMITTEE", "filedOn", "2026-05-07")).statusCode(422);
        command(id, "escalate", map("toBodyCode", "HN-PEOPLES-COMMITTEE", "filedOn", "2026-05-06")).statusCode(200)
                .body("status", equalTo("ESCALATED"));
    }

    @Test
    void transferAndPartialWithdrawalAreRecorded() {
        String id = create(complaint(LocalDate.of(2026, 3, 2)));
        command(id, "classify", classify("COMPLAINT")).statusCode(200);
        command(id, "accept", accept("2026-03-05")).statusCode(200);
        command(id, "withdraw-part", map("withdrawnPart", "claim for interest", "withdrawnOn", "2026-03-10"))
                .statusCode(200).body("status", equalTo("ACCEPTED"));
        command(id, "transfer", map("toBodyCode", "TTT-SG", "toProvinceCode", "VN-SG", "reasonCode", "NOT_COMPETENT"))
                .statusCode(200).body("status", equalTo("TRANSFERRED"));
        command(id, "close", map("closureReason", "TRANSFERRED", "closedOn", "2026-03-12")).statusCode(200);
        given().get("/api/v1/cases/" + id + "/history").then()
                // the transfer's arrival at the receiving body is written too, whenever it comes
                .body("command.findAll { it != 'transfer-arrived' }", contains("receive", "classify", "accept",
                        "withdraw-part", "transfer", "close"));
        JsonNode transferred = KafkaEvents.await(Topics.CASES, id,
                e -> KafkaEvents.types(e).contains(EventTypes.CASE_TRANSFERRED)).stream()
                .filter(e -> EventTypes.CASE_TRANSFERRED.equals(e.path("type").asText())).findFirst().orElseThrow();
        assertThat(transferred.path("data").path("toProvinceCode").asText()).isEqualTo("VN-SG");
    }

    @Test
    @TestSecurity(user = "hn-portal", roles = "provincial-system")
    @OidcSecurity(claims = @Claim(key = "province", value = "VN-HN"))
    void aProvincialSystemCannotRunCommands() {
        String id = create(complaint(LocalDate.of(2026, 3, 2)));
        command(id, "classify", classify("COMPLAINT")).statusCode(403);
        given().get("/api/v1/cases/" + id + "/identity").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "sg-officer", roles = "inspector")
    @OidcSecurity(claims = @Claim(key = "province", value = "VN-SG"))
    void anInspectorOfAnotherProvinceDoesNotFindTheCase() {
        String hanoi = given().get("/api/v1/cases").then().statusCode(200).extract().path("items[0].id");
        assertThat(hanoi).isNull();
        String any = (String) io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() ->
                CitizenCase.<CitizenCase>find("provinceCode", "VN-HN").firstResult().id.toString());
        command(any, "classify", classify("COMPLAINT")).statusCode(404);
        given().get("/api/v1/cases/" + any + "/identity").then().statusCode(404);
    }

    static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
        body.put(key, value);
        return body;
    }
}
