package vn.inspectorate.complaints.deadlines;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static vn.inspectorate.complaints.Cases.complaint;
import static vn.inspectorate.complaints.Cases.denunciation;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.inspectorate.complaints.KafkaEvents;
import vn.inspectorate.contracts.EventTypes;
import vn.inspectorate.contracts.Topics;
import vn.inspectorate.testsupport.KafkaResource;
import vn.inspectorate.testsupport.PostgresResource;

/**
 * Cases of 2024 loaded as history raise no overdue notice and no public event, while the same cases filed live do;
 * history is what was received before today.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
@TestSecurity(user = "hn-portal", roles = "provincial-system")
@OidcSecurity(claims = @Claim(key = "province", value = "VN-HN"))
class BackfilledCasesTest {

    @Inject
    OverdueScanner scanner;

    @Inject
    jakarta.persistence.EntityManager em;

    @Test
    void a2024CaseLoadedAsHistoryRaisesNoOverdueNoticeAndNoPublicEvent() {
        LocalDate received = LocalDate.of(2024, 3, 4);
        JsonPath history = batch(true, List.of(complaint(received), denunciation(received),
                complaint(LocalDate.now().plusDays(1))));
        assertThat(history.getList("results.outcome")).containsExactly("CREATED", "CREATED", "REJECTED");
        assertThat(history.getList("results[2].errors.field")).containsExactly("cases[2].receivedOn");
        String loaded = history.getString("results[0].caseId");
        String loadedDenunciation = history.getString("results[1].caseId");
        String live = batch(false, List.of(complaint(received))).getString("results[0].caseId");

        given().get("/api/v1/cases/" + loaded).then().statusCode(200).body("backfilled", equalTo(true))
                .body("overdue", equalTo(false));
        given().get("/api/v1/cases/" + live).then().statusCode(200).body("backfilled", equalTo(false))
                .body("overdue", equalTo(true));

        LocalDate today = LocalDate.now();
        while (scanner.scan(today) > 0) {
            // other tests' cases may be noticed too; go on until the day is done
        }
        assertThat(notices(live)).isEqualTo(1);
        assertThat(notices(loaded)).isZero();
        assertThat(notices(loadedDenunciation)).isZero();

        List<JsonNode> events = KafkaEvents.await(Topics.CASES, loaded, found -> !found.isEmpty());
        assertThat(events).extracting(e -> e.path("type").asText()).containsExactly(EventTypes.CASE_RECEIVED);
        assertThat(events.get(0).path("backfilled").asBoolean()).isTrue();
        List<JsonNode> liveEvents = KafkaEvents.await(Topics.CASES, live, found -> found.size() >= 2);
        assertThat(liveEvents).allSatisfy(e -> assertThat(e.has("backfilled")).isFalse());
        // the live case's public status reached the topic; the loaded case's never does
        KafkaEvents.await(Topics.PUBLIC, live, found -> !found.isEmpty());
        assertThat(KafkaEvents.all(Topics.PUBLIC)).noneMatch(r -> loaded.equals(r.key())
                || loadedDenunciation.equals(r.key()));
    }

    private long notices(String id) {
        return ((Number) em.createNativeQuery("select count(*) from case_overdue_notice where case_id = cast(?1 as uuid)")
                .setParameter(1, id).getSingleResult()).longValue();
    }

    private static JsonPath batch(boolean backfilled, List<Map<String, Object>> cases) {
        return given().contentType(ContentType.JSON).body(Map.of("backfilled", backfilled, "cases", cases))
                .post("/api/v1/cases/batch").then().statusCode(200).extract().jsonPath();
    }
}
