package vn.inspectorate.complaints.cases;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static vn.inspectorate.complaints.Cases.complaint;
import static vn.inspectorate.complaints.Cases.create;
import static vn.inspectorate.complaints.Cases.post;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import vn.inspectorate.complaints.Cases;
import vn.inspectorate.complaints.KafkaEvents;
import vn.inspectorate.contracts.EventTypes;
import vn.inspectorate.contracts.Topics;
import vn.inspectorate.testsupport.KafkaResource;
import vn.inspectorate.testsupport.PostgresResource;

@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
@TestSecurity(user = "hn-portal", roles = "provincial-system")
@OidcSecurity(claims = @Claim(key = "province", value = "VN-HN"))
class CaseIntakeTest {

    static final LocalDate RECEIVED = LocalDate.of(2026, 3, 2);

    @Inject
    EntityManager em;

    long caseCount() {
        return ((Number) em.createNativeQuery("select count(*) from citizen_case").getSingleResult()).longValue();
    }

    @Test
    void aPostedCaseIsStoredWithItsClockAndEmitsReceived() {
        var body = complaint(RECEIVED);
        String id = post(body).statusCode(201)
                .header("Location", org.hamcrest.Matchers.containsString("/api/v1/cases/"))
                .body("status", equalTo("RECEIVED"))
                .body("ruleSetVersion", equalTo("2012.1"))
                .body("deadlines.acceptanceDueOn", equalTo("2026-03-12"))
                .body("filedUnitCode", equalTo("VN-HN"))
                .body("anonymous", equalTo(false))
                .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("complainant")))
                .extract().path("id");
        var events = KafkaEvents.await(Topics.CASES, id, e -> !e.isEmpty());
        assertThat(KafkaEvents.types(events)).containsExactly(EventTypes.CASE_RECEIVED);
        assertThat(events.get(0).path("data").path("sourceReference").asText()).isEqualTo(body.get("sourceReference"));
        var pub = KafkaEvents.await(Topics.PUBLIC, id, e -> !e.isEmpty());
        assertThat(pub.get(0).path("data").path("status").asText()).isEqualTo("RECEIVED");
    }

    @Test
    void aRetryReturnsTheOriginalCaseAndCreatesNothing() {
        var body = complaint(RECEIVED);
        String id = create(body);
        long before = caseCount();
        post(body).statusCode(200).body("id", equalTo(id));
        // the same source reference with other values is never answered with the original case
        body.put("subject", "changed on retry");
        post(body).statusCode(409).body("existingId", equalTo(id)).body("differingFields", hasItem("subject"));
        assertThat(caseCount()).isEqualTo(before);
    }

    @Test
    void idempotencyKeyReplaysTheFirstResponseAndRefusesAnotherBody() {
        var body = complaint(RECEIVED);
        String key = "key-" + java.util.UUID.randomUUID();
        String id = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/api/v1/cases").then().statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/api/v1/cases").then().statusCode(201).header("Idempotency-Replayed", "true")
                .body("id", equalTo(id));
        var other = complaint(RECEIVED);
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(other)
                .post("/api/v1/cases").then().statusCode(422).body("errors.field", hasItem("Idempotency-Key"));
    }

    @Test
    void concurrentDuplicatesMakeExactlyOneCase() throws Exception {
        var body = complaint(RECEIVED);
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<CompletableFuture<io.restassured.response.Response>> calls = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                calls.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    return given().contentType(ContentType.JSON).body(body).post("/api/v1/cases");
                }, pool));
            }
            var a = calls.get(0).get();
            var b = calls.get(1).get();
            assertThat(List.of(a.statusCode(), b.statusCode())).containsExactlyInAnyOrder(201, 200);
            assertThat(a.<String>path("id")).isEqualTo(b.<String>path("id"));
            long stored = ((Number) em.createNativeQuery(
                    "select count(*) from citizen_case where source_reference = ?1")
                    .setParameter(1, body.get("sourceReference")).getSingleResult()).longValue();
            assertThat(stored).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aBatchAnswersEachItemAndOneBadItemSpoilsNothing() {
        var first = complaint(RECEIVED);
        String existing = create(first);
        var fresh = complaint(RECEIVED);
        var bad = complaint(RECEIVED);
        bad.put("subject", " ");
        var future = complaint(RECEIVED);
        future.put("receivedOn", BusinessDate.today().plusDays(3).toString());
        var sameAsFresh = Map.copyOf(fresh);
        given().contentType(ContentType.JSON).body(Map.of("cases", List.of(first, fresh, bad, future, sameAsFresh)))
                .post("/api/v1/cases:batch").then().statusCode(200)
                .body("created", equalTo(1)).body("duplicates", equalTo(2)).body("rejected", equalTo(2))
                .body("results[0].outcome", equalTo("DUPLICATE")).body("results[0].duplicateOf", equalTo(existing))
                .body("results[1].outcome", equalTo("CREATED")).body("results[1].caseId", notNullValue())
                .body("results[2].outcome", equalTo("REJECTED"))
                .body("results[2].errors.field", hasItem("cases[2].subject"))
                .body("results[3].errors.field", hasItem("cases[3].receivedOn"))
                .body("results[3].errors.message", hasItem("không được là ngày trong tương lai"))
                .body("results[4].outcome", equalTo("DUPLICATE"));
        // a client that prefers English reads the refused items' messages in English
        given().header("Accept-Language", "en").contentType(ContentType.JSON).body(Map.of("cases", List.of(future)))
                .post("/api/v1/cases:batch").then().statusCode(200).header("Content-Language", "en")
                .body("results[0].errors.message", hasItem("must not be in the future"));
        // the alias path answers the same way, and a retry of the whole batch creates nothing
        long before = caseCount();
        given().contentType(ContentType.JSON).body(Map.of("cases", List.of(fresh)))
                .post("/api/v1/cases/batch").then().statusCode(200).body("duplicates", equalTo(1));
        assertThat(caseCount()).isEqualTo(before);
    }

    @Test
    void aLongBatchFindsDuplicatesOfItemsItFiledEarlier() {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            items.add(complaint(RECEIVED));
        }
        // items filed before the batch released them from memory are still found by their source reference
        items.add(Map.copyOf(items.get(3)));
        items.add(Map.copyOf(items.get(77)));
        long before = caseCount();
        var answer = given().contentType(ContentType.JSON).body(Map.of("cases", items)).post("/api/v1/cases/batch")
                .then().statusCode(200).body("created", equalTo(120)).body("duplicates", equalTo(2))
                .extract().jsonPath();
        assertThat(answer.getString("results[120].duplicateOf")).isEqualTo(answer.getString("results[3].caseId"));
        assertThat(answer.getString("results[121].duplicateOf")).isEqualTo(answer.getString("results[77].caseId"));
        assertThat(caseCount()).isEqualTo(before + 120);
    }

    @Test
    void aBatchLinksItsItemsLikeCasesFiledOneAfterAnotherAndWritesEveryRow() {
        // more items than one round of statements takes, so the second round must see the first's writes
        int size = CaseIntakeService.CHUNK + 100;
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < size - 4; i++) {
            items.add(complaint(RECEIVED));
        }
        var person = Cases.person("Tran Thi Batch " + java.util.UUID.randomUUID());
        var earlier = complaint(RECEIVED);
        earlier.put("complainant", person);
        earlier.put("subject", "Dust from the cement plant in Long Bien covers our houses");
        var later = complaint(RECEIVED.plusDays(2));
        later.put("complainant", person);
        later.put("subject", "Cement plant dust in Long Bien covers the houses");
        var latest = complaint(RECEIVED.plusDays(3));
        latest.put("complainant", person);
        latest.put("subject", "Dust from the Long Bien cement plant covers our houses");
        items.add(5, earlier);
        items.add(20, later);
        items.add(CaseIntakeService.CHUNK + 50, latest);
        items.add(Map.copyOf(items.get(2)));
        long casesBefore = caseCount();
        long outboxBefore = count("select count(*) from platform_outbox");
        long historyBefore = count("select count(*) from case_history where command = 'receive'");
        long identitiesBefore = count("select count(*) from case_identity");
        var answer = given().contentType(ContentType.JSON).body(Map.of("cases", items)).post("/api/v1/cases:batch")
                .then().statusCode(200).body("created", equalTo(size - 1)).body("duplicates", equalTo(1))
                .extract().jsonPath();
        assertThat(answer.getString("results[" + (size - 1) + "].duplicateOf"))
                .isEqualTo(answer.getString("results[2].caseId"));
        String earlierId = answer.getString("results[5].caseId");
        String laterId = answer.getString("results[20].caseId");
        String latestId = answer.getString("results[" + (CaseIntakeService.CHUNK + 50) + "].caseId");
        // a later item is linked to the earlier ones (in its round and in an earlier round), never the other way
        // round, as when filed one by one; a case's view shows its links both ways
        assertThat(links(earlierId)).isEmpty();
        assertThat(links(laterId)).containsExactly(earlierId);
        assertThat(links(latestId)).containsExactlyInAnyOrder(earlierId, laterId);
        List<String> earlierView = given().get("/api/v1/cases/" + earlierId).then().statusCode(200)
                .extract().path("likelyDuplicates");
        assertThat(earlierView).containsExactlyInAnyOrder(laterId, latestId);
        assertThat(caseCount()).isEqualTo(casesBefore + size - 1);
        // received and public status per case, and one case.linked per case that found links (two: three links)
        assertThat(count("select count(*) from platform_outbox")).isEqualTo(outboxBefore + 2L * (size - 1) + 2);
        assertThat(count("select count(*) from case_history where command = 'receive'"))
                .isEqualTo(historyBefore + size - 1);
        assertThat(count("select count(*) from case_identity")).isEqualTo(identitiesBefore + size - 1);
        // each case's received event comes before its public status, in the items' order
        List<String> lastEvents = em.createNativeQuery("""
                select record_key || ' ' || event_type from platform_outbox order by id desc limit 4""")
                .getResultList().stream().map(Object::toString).toList();
        String lastCase = answer.getString("results[" + (size - 2) + "].caseId");
        assertThat(lastEvents.subList(0, 2)).containsExactly(lastCase + " " + EventTypes.PUBLIC_CASE_STATUS_CHANGED,
                lastCase + " " + EventTypes.CASE_RECEIVED);
    }

    List<String> links(String caseId) {
        return em.createNativeQuery("select cast(likely_duplicate_of as text) from case_duplicate_link where case_id = ?1")
                .setParameter(1, java.util.UUID.fromString(caseId)).getResultList().stream().map(Object::toString)
                .toList();
    }

    long count(String sql) {
        return ((Number) em.createNativeQuery(sql).getSingleResult()).longValue();
    }

    @Test
    void aBatchOverTheLimitIsRefusedWhole() {
        List<Object> items = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            items.add(complaint(RECEIVED));
        }
        long before = caseCount();
        given().contentType(ContentType.JSON).body(Map.of("cases", items)).post("/api/v1/cases:batch")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("cases"));
        assertThat(caseCount()).isEqualTo(before);
    }

    @Test
    void badInputIsAProblemNamingTheFieldAndWritesNothing() {
        long before = caseCount();
        expectField(with("kind", "GRIEVANCE"), 400, "kind");
        expectField(with("provinceCode", "VN-XX"), 422, "provinceCode");
        expectField(with("provinceCode", "Hanoi"), 400, "provinceCode");
        expectField(with("receivedOn", BusinessDate.today().plusDays(1).toString()), 422, "receivedOn");
        expectField(with("receivedOn", "1989-12-31"), 422, "receivedOn");
        expectField(with("receivedOn", "2026-02-30"), 400, "receivedOn");
        expectField(with("subject", ""), 400, "subject");
        expectField(with("subject", "x".repeat(501)), 400, "subject");
        expectField(with("summary", "x".repeat(10001)), 400, "summary");
        expectField(with("complainantCount", -3), 400, "complainantCount");
        expectField(with("unexpected", "field"), 400, "unexpected");
        var body = complaint(RECEIVED);
        body.remove("channel");
        expectField(body, 400, "channel");
        given().contentType(ContentType.JSON).body("{\"sourceSystem\": ").post("/api/v1/cases")
                .then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.TEXT).body("hello").post("/api/v1/cases").then().statusCode(415);
        assertThat(caseCount()).isEqualTo(before);
    }

    @Test
    void oddInputIsRefusedNotFailed() {
        long before = caseCount();
        expectField(with("subject", "land\u0000recovery"), 400, "subject");
        expectField(with("reopensCaseId", java.util.UUID.randomUUID().toString()), 422, "reopensCaseId");
        given().get("/api/v1/cases/not-a-uuid").then().statusCode(404).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{\"cases\": [null]}").post("/api/v1/cases:batch").then()
                .statusCode(200).body("rejected", equalTo(1)).body("results[0].errors.field", hasItem("cases[0]"));
        given().contentType(ContentType.JSON).body("{\"cases\": \"all of them\"}").post("/api/v1/cases:batch")
                .then().statusCode(400);
        given().contentType(ContentType.JSON).body("{\"cases\": []}").post("/api/v1/cases:batch")
                .then().statusCode(400).body("errors.field", hasItem("cases"));
        assertThat(caseCount()).isEqualTo(before);
    }

    @Test
    void aNewCaseCanReopenAnOldOne() {
        String old = create(complaint(RECEIVED));
        var again = complaint(RECEIVED.plusDays(40));
        again.put("reopensCaseId", old);
        post(again).statusCode(201).body("parentCaseId", equalTo(old));
    }

    @Test
    void aCaseOfAMergedProvinceKeepsTheUnitItWasFiledUnder() {
        // Bac Giang (VN-54) merged into Bac Ninh (VN-56) on 1 July 2025
        var before = complaint(LocalDate.of(2025, 6, 20));
        before.put("provinceCode", "VN-54");
        given().contentType(ContentType.JSON).body(before).post("/api/v1/cases").then().statusCode(403);
        before.put("provinceCode", "VN-HN");
        before.put("receivedOn", "2025-06-30");
        create(before);
    }

    @Test
    @TestSecurity(user = "bn-portal", roles = "provincial-system")
    @OidcSecurity(claims = @Claim(key = "province", value = "VN-56"))
    void theSuccessorProvinceFilesBackfilledCasesOfTheUnitItAbsorbed() {
        var old = complaint(LocalDate.of(2025, 6, 20));
        old.put("provinceCode", "VN-54");
        String id = create(old);
        Cases.get(id).statusCode(200).body("provinceCode", equalTo("VN-56")).body("filedUnitCode", equalTo("VN-54"));
        var after = complaint(LocalDate.of(2025, 7, 1));
        after.put("provinceCode", "VN-54");
        expectField(after, 422, "provinceCode");
    }

    @Test
    @TestSecurity(user = "sg-portal", roles = "provincial-system")
    @OidcSecurity(claims = @Claim(key = "province", value = "VN-SG"))
    void anotherProvinceCannotFileOrSeeHanoiCases() {
        given().contentType(ContentType.JSON).body(complaint(RECEIVED)).post("/api/v1/cases").then().statusCode(403);
        String hanoiCase = (String) em.createNativeQuery(
                "select cast(id as text) from citizen_case where province_code = 'VN-HN' limit 1").getSingleResult();
        Cases.get(hanoiCase).statusCode(404);
        given().get("/api/v1/cases?province=VN-HN").then().statusCode(403);
        given().get("/api/v1/cases").then().statusCode(200).body("items.provinceCode",
                org.hamcrest.Matchers.everyItem(equalTo("VN-SG")));
    }

    @Test
    @TestSecurity(user = "analyst", roles = "central-analyst")
    void aCentralRoleCannotFileCases() {
        given().contentType(ContentType.JSON).body(complaint(RECEIVED)).post("/api/v1/cases").then().statusCode(403);
    }

    private static Map<String, Object> with(String field, Object value) {
        var body = complaint(RECEIVED);
        body.put(field, value);
        return body;
    }

    private static void expectField(Map<String, Object> body, int status, String field) {
        post(body).statusCode(status).contentType("application/problem+json").body("errors.field", hasItem(field));
    }
}
