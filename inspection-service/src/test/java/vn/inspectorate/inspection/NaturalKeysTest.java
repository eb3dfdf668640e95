package vn.inspectorate.inspection;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.inspectorate.inspection.support.Requests;
import vn.inspectorate.platform.security.Roles;
import vn.inspectorate.platform.time.VietnamTime;
import vn.inspectorate.testsupport.KafkaResource;
import vn.inspectorate.testsupport.PostgresResource;

/** A natural key repeated with the same meaning answers the original; with another meaning it is a 409. */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
@TestSecurity(user = "hn-head", roles = Roles.INSPECTOR)
@OidcSecurity(claims = {@Claim(key = "province", value = "VN-HN"), @Claim(key = "plan_approver", value = "true")})
class NaturalKeysTest {

    static final String CONFLICT = "https://inspectorate.gov.vn/problems/natural-key-conflict";

    @Inject
    EntityManager em;

    @Test
    void aDecisionNumberOfTheSameYearAnswersItsInspectionOrA409AndAnotherYearsIsANewInspection() {
        Map<String, Object> first = Requests.open("TTT-HN", "NK-QD-1", "2024-05-10", "SPECIALIZED", "LAND",
                Requests.entity("NK-E1", "ENTERPRISE", "VN-HN"), Map.of());
        String id = post("/api/v1/inspections", first).then().statusCode(201).extract().path("id");
        post("/api/v1/inspections", first).then().statusCode(200).body("id", equalTo(id))
                .body("decisionDate", equalTo("2024-05-10"));
        assertThat(inspectionsNumbered("NK-QD-1")).isEqualTo(1);

        Map<String, Object> other = Requests.open("TTT-HN", "NK-QD-1", "2024-06-20", "ADMINISTRATIVE", "FINANCE",
                Requests.entity("NK-E2", "ENTERPRISE", "VN-HN"), Map.of());
        post("/api/v1/inspections", other).then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo(CONFLICT)).body("existingId", equalTo(id))
                .body("differingFields", contains("decisionDate", "openedOn", "type", "subject", "entity"));
        assertThat(inspectionsNumbered("NK-QD-1")).isEqualTo(1);
        given().get("/api/v1/inspections/{id}", id).then().statusCode(200).body("subject", equalTo("LAND"))
                .body("entityCode", equalTo("NK-E1")).body("version", equalTo(1));

        // decision numbers restart every year: last year's number is another decision
        Map<String, Object> nextYear = Requests.open("TTT-HN", "NK-QD-1", "2025-08-10", "INSPECTION", "FINANCE",
                Requests.entity("NK-E2", "ENTERPRISE", "VN-HN"), Map.of());
        String second = post("/api/v1/inspections", nextYear).then().statusCode(201)
                .body("decisionDate", equalTo("2025-08-10")).extract().path("id");
        assertThat(second).isNotEqualTo(id);
        post("/api/v1/inspections", nextYear).then().statusCode(200).body("id", equalTo(second));
        assertThat(inspectionsNumbered("NK-QD-1")).isEqualTo(2);
    }

    @Test
    void aPlannedInspectionRepeatedAnswersTheItemOrA409() {
        int year = VietnamTime.today().getYear() + 3;
        String plan = post("/api/v1/inspection-plans", Map.of("bodyCode", "TTT-HN", "year", year)).then()
                .statusCode(201).extract().path("id");
        Map<String, Object> item = new HashMap<>(Map.of("entity", Requests.entity("NK-E3", "ENTERPRISE", "VN-HN"),
                "subject", "LAND", "type", "INSPECTION", "plannedStart", year + "-03-01", "durationDays", 45));
        String itemId = post("/api/v1/inspection-plans/" + plan + "/inspections", item).then().statusCode(201)
                .extract().path("id");
        post("/api/v1/inspection-plans/" + plan + "/inspections", item).then().statusCode(200)
                .body("id", equalTo(itemId));

        item.put("plannedStart", year + "-04-01");
        item.put("durationDays", 30);
        post("/api/v1/inspection-plans/" + plan + "/inspections", item).then().statusCode(409)
                .body("type", equalTo(CONFLICT)).body("existingId", equalTo(itemId))
                .body("differingFields", containsInAnyOrder("plannedStart", "durationDays"));
        given().get("/api/v1/inspection-plans/{id}", plan).then().statusCode(200)
                .body("inspections.id", contains(itemId)).body("inspections[0].plannedStart", equalTo(year + "-03-01"))
                .body("version", equalTo(2));
    }

    @Test
    void aConclusionNumberAndAPaymentReferenceRepeatedAnswerTheOriginalOrA409() {
        String inspection = post("/api/v1/inspections", Requests.open("TTT-HN", "NK-QD-2", "2024-05-02",
                "SPECIALIZED", "LAND", Requests.entity("NK-E4", "ENTERPRISE", "VN-HN"), Map.of())).then()
                .statusCode(201).extract().path("id");
        post("/api/v1/inspections/" + inspection + "/start", Map.of("startedOn", "2024-05-03")).then().statusCode(200);
        post("/api/v1/inspections/" + inspection + "/report", Map.of("submittedOn", "2024-06-10")).then()
                .statusCode(200);
        Map<String, Object> conclusion = Requests.conclusion("KL-NK-2", "2024-06-15", 1, List.of(100_000_000L),
                List.of(100_000_000L), 1, 2, Map.of());
        String recommendation = post("/api/v1/inspections/" + inspection + "/conclusion", conclusion).then()
                .statusCode(201).extract().path("conclusion.recommendations[0].id");
        post("/api/v1/inspections/" + inspection + "/conclusion", conclusion).then().statusCode(200)
                .body("conclusion.conclusionNumber", equalTo("KL-NK-2"));
        Map<String, Object> otherConclusion = new HashMap<>(conclusion);
        otherConclusion.put("assessment", "Another assessment");
        otherConclusion.put("unitsCovered", 3);
        post("/api/v1/inspections/" + inspection + "/conclusion", otherConclusion).then().statusCode(409)
                .body("type", equalTo(CONFLICT)).body("existingId", equalTo(inspection))
                .body("differingFields", contains("assessment", "unitsCovered"));
        given().get("/api/v1/inspections/{id}", inspection).then().statusCode(200)
                .body("conclusion.unitsCovered", equalTo(1));

        Map<String, Object> payment = Map.of("reference", "NK-PAY-1", "amountVnd", 10_000_000L, "paidOn",
                "2024-07-01");
        post("/api/v1/recommendations/" + recommendation + "/payments", payment).then().statusCode(201)
                .body("recoveredVnd", equalTo(10_000_000));
        post("/api/v1/recommendations/" + recommendation + "/payments", payment).then().statusCode(200)
                .body("id", equalTo(recommendation)).body("recoveredVnd", equalTo(10_000_000));
        UUID paymentId = (UUID) em.createNativeQuery("select id from recovery_payment where reference = 'NK-PAY-1'")
                .getSingleResult();

        post("/api/v1/recommendations/" + recommendation + "/payments", Map.of("reference", "NK-PAY-1",
                "amountVnd", 20_000_000L, "paidOn", "2024-07-01")).then().statusCode(409)
                .body("type", endsWith("/natural-key-conflict")).body("existingId", equalTo(paymentId.toString()))
                .body("differingFields", contains("amountVnd"));
        assertThat(((Number) em.createNativeQuery("select count(*) from recovery_payment where reference = 'NK-PAY-1'")
                .getSingleResult()).longValue()).isEqualTo(1);
        given().get("/api/v1/inspections/{id}", inspection).then().statusCode(200)
                .body("conclusion.recommendations[0].recoveredVnd", equalTo(10_000_000))
                .body("conclusion.recommendations[0].id", not(equalTo(paymentId.toString())));
    }

    private long inspectionsNumbered(String decisionNumber) {
        return ((Number) em.createNativeQuery("select count(*) from inspection where decision_number = ?1")
                .setParameter(1, decisionNumber).getSingleResult()).longValue();
    }

    private static Response post(String path, Object body) {
        return given().contentType(ContentType.JSON).body(body).post(path);
    }
}
