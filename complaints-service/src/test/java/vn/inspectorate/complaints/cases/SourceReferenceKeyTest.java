package vn.inspectorate.complaints.cases;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static vn.inspectorate.complaints.Cases.command;
import static vn.inspectorate.complaints.Cases.complaint;
import static vn.inspectorate.complaints.Cases.create;
import static vn.inspectorate.complaints.Cases.get;
import static vn.inspectorate.complaints.Cases.map;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.inspectorate.complaints.Cases;
import vn.inspectorate.testsupport.KafkaResource;
import vn.inspectorate.testsupport.PostgresResource;

/** (source system, source reference) in a province: a retry answers the case, other values are a 409. */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
@TestSecurity(user = "hn-officer", roles = {"provincial-system", "inspector"})
@OidcSecurity(claims = @Claim(key = "province", value = "VN-HN"))
class SourceReferenceKeyTest {

    static final LocalDate RECEIVED = LocalDate.of(2026, 3, 2);
    static final String CONFLICT = "https://inspectorate.gov.vn/problems/natural-key-conflict";

    @Inject
    EntityManager em;

    long caseCount() {
        return ((Number) em.createNativeQuery("select count(*) from citizen_case").getSingleResult()).longValue();
    }

    @Test
    void aRetryAnswersTheCaseEvenAfterClassificationAndOtherValuesAreA409() {
        var body = complaint(RECEIVED);
        String id = create(body);
        command(id, "classify", map("kind", "COMPLAINT", "instance", 2)).statusCode(200);
        long before = caseCount();
        post(body).statusCode(200).body("id", equalTo(id));

        Map<String, Object> other = new HashMap<>(body);
        other.put("subject", "Another matter entirely");
        other.put("channel", "VISIT");
        other.put("complainant", Cases.person("Someone Else"));
        post(other).statusCode(409).contentType("application/problem+json").body("type", equalTo(CONFLICT))
                .body("existingId", equalTo(id))
                .body("differingFields", contains("channel", "subject", "complainant"));
        assertThat(caseCount()).isEqualTo(before);
        get(id).statusCode(200).body("subject", equalTo(body.get("subject"))).body("channel", equalTo("LETTER"))
                .body("version", equalTo(2));
    }

    @Test
    void aBatchItemReusingAReferenceWithOtherValuesIsAPerItemConflict() {
        var filed = complaint(RECEIVED);
        String existing = create(filed);
        Map<String, Object> changed = new HashMap<>(filed);
        changed.put("subject", "Not the case that was filed");
        var fresh = complaint(RECEIVED);
        Map<String, Object> freshChanged = new HashMap<>(fresh);
        freshChanged.put("summary", "a summary the first item did not have");
        long before = caseCount();
        var answer = given().contentType(ContentType.JSON)
                .body(Map.of("cases", List.of(filed, changed, fresh, freshChanged, Map.copyOf(fresh))))
                .post("/api/v1/cases/batch").then().statusCode(200)
                .body("created", equalTo(1)).body("duplicates", equalTo(2)).body("conflicts", equalTo(2))
                .body("rejected", equalTo(0))
                .body("results[0].outcome", equalTo("DUPLICATE")).body("results[0].caseId", equalTo(existing))
                .body("results[1].outcome", equalTo("CONFLICT")).body("results[1].existingId", equalTo(existing))
                .body("results[1].differingFields", contains("subject")).body("results[1].caseId", nullValue())
                .body("results[1].duplicateOf", nullValue())
                .body("results[2].outcome", equalTo("CREATED"))
                .body("results[3].outcome", equalTo("CONFLICT"))
                .body("results[3].differingFields", contains("summary"))
                .body("results[4].outcome", equalTo("DUPLICATE")).extract().jsonPath();
        assertThat(answer.getString("results[3].existingId")).isEqualTo(answer.getString("results[2].caseId"));
        assertThat(answer.getString("results[4].duplicateOf")).isEqualTo(answer.getString("results[2].caseId"));
        assertThat(caseCount()).isEqualTo(before + 1);
        get(existing).statusCode(200).body("subject", equalTo(filed.get("subject")));
    }
}
