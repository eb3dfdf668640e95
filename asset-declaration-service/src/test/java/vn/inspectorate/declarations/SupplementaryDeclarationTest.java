package vn.inspectorate.declarations;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static vn.inspectorate.declarations.Api.declaration;
import static vn.inspectorate.declarations.Api.modest;
import static vn.inspectorate.declarations.Api.submit;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.inspectorate.testsupport.KafkaResource;
import vn.inspectorate.testsupport.PostgresResource;

/**
 * A job change, or an increase at or above the threshold in force on its day (300 million VND, 1 billion from
 * 1 Jul 2026), makes a supplementary declaration due by the year's deadline for a declarant who does not declare
 * annually; controllers see what is due and remind.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
class SupplementaryDeclarationTest {

    static String declarant(boolean annual) {
        Map<String, Object> body = Api.declarant("BKH", "VN-HN", "Pham Van " + Api.citizenId(), Api.citizenId());
        body.put("annualDeclarationRequired", annual);
        return Api.register(body).getString("id");
    }

    static ValidatableResponse change(String declarant, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/declarants/" + declarant + "/changes")
                .then();
    }

    static Map<String, Object> increase(String on, long vnd) {
        Map<String, Object> body = new HashMap<>();
        body.put("kind", "ASSET_INCREASE");
        body.put("occurredOn", on);
        body.put("increaseVnd", vnd);
        return body;
    }

    static Map<String, Object> jobChange(String on, String position) {
        Map<String, Object> body = new HashMap<>();
        body.put("kind", "JOB_CHANGE");
        body.put("occurredOn", on);
        if (position != null) {
            body.put("position", position);
        }
        return body;
    }

    @Test
    @TestSecurity(user = "controller-bkh", roles = "asset-controller")
    @OidcSecurity(claims = @Claim(key = "agency", value = "BKH"))
    void theThresholdOfTheDayDecidesAndTheDueListShowsWhereEachStands() {
        String b = declarant(false);
        // 500 million on 30 June 2026: at or above the 300 million then in force
        change(b, increase("2026-06-30", 500_000_000L)).statusCode(201).body("supplementaryDue", equalTo(true))
                .body("thresholdVnd", equalTo(300_000_000)).body("dueOn", equalTo("2026-12-31"));
        // the same on 15 July 2026: under the billion in force from 1 July
        String other = declarant(false);
        change(other, increase("2026-07-15", 500_000_000L)).statusCode(201).body("supplementaryDue", equalTo(false))
                .body("thresholdVnd", equalTo(1_000_000_000)).body("dueOn", nullValue());
        change(other, increase("2026-07-16", 1_000_000_000L)).statusCode(201).body("supplementaryDue", equalTo(true));
        String quiet = declarant(false);
        change(quiet, increase("2026-08-01", 999_999_999L)).statusCode(201).body("supplementaryDue", equalTo(false));
        // a job change makes one due; a declarant who declares annually is covered by the annual declaration
        String moved = declarant(false);
        change(moved, jobChange("2026-09-01", "Deputy Director")).statusCode(201)
                .body("supplementaryDue", equalTo(true)).body("increaseVnd", nullValue());
        String annual = declarant(true);
        change(annual, jobChange("2026-09-01", "Deputy Director")).statusCode(201)
                .body("supplementaryDue", equalTo(false));
        submit(declaration(moved, "SUPPLEMENTARY", 2026, LocalDate.of(2026, 11, 20), null,
                modest(1_000_000_000L, 100_000_000L)));

        JsonPath due = given().queryParam("year", 2026).queryParam("asOf", "2026-12-01")
                .queryParam("size", 200)
                .get("/api/v1/agencies/BKH/supplementary-declarations").then().statusCode(200).extract().jsonPath();
        assertThat(due.getString("items.find { it.declarantId == '" + b + "' }.standing")).isEqualTo("DUE");
        assertThat(due.getList("items.find { it.declarantId == '" + b + "' }.reasons", String.class))
                .containsExactly("ASSET_INCREASE");
        assertThat(due.getString("items.find { it.declarantId == '" + other + "' }.standing")).isEqualTo("DUE");
        assertThat(due.getString("items.find { it.declarantId == '" + moved + "' }.standing")).isEqualTo("FILED");
        assertThat(due.getList("items.declarantId", String.class)).doesNotContain(quiet, annual);
        given().queryParam("year", 2026).queryParam("asOf", "2027-01-15")
                .queryParam("size", 200)
                .get("/api/v1/agencies/BKH/supplementary-declarations").then().statusCode(200)
                .body("items.find { it.declarantId == '" + b + "' }.standing", equalTo("MISSING"));
        // past the deadline it is overdue like the other tracked declarations
        given().queryParam("year", 2026).queryParam("asOf", "2027-01-15")
                .queryParam("size", 200)
                .get("/api/v1/agencies/BKH/overdue-declarations").then().statusCode(200)
                .body("items.findAll { it.kind == 'SUPPLEMENTARY' }.declarantId", hasItem(b))
                .body("items.find { it.declarantId == '" + b + "' && it.kind == 'SUPPLEMENTARY' }.standing",
                        equalTo("MISSING"));
    }

    @Test
    @TestSecurity(user = "controller-bkh", roles = "asset-controller")
    @OidcSecurity(claims = @Claim(key = "agency", value = "BKH"))
    void aChangeIsRecordedOnceAndAMissingDeclarationIsReminded() {
        String a = declarant(false);
        String first = change(a, increase("2025-06-01", 400_000_000L)).statusCode(201)
                .body("dueOn", equalTo("2025-12-31")).extract().path("id");
        change(a, increase("2025-06-01", 400_000_000L)).statusCode(200).body("id", equalTo(first));
        change(a, increase("2025-06-01", 450_000_000L)).statusCode(409)
                .body("type", endsWith("/natural-key-conflict")).body("existingId", equalTo(first));
        change(a, jobChange("2025-06-01", null)).statusCode(400).body("errors.field", hasItem("position"));
        Map<String, Object> noAmount = increase("2025-06-02", 0);
        noAmount.remove("increaseVnd");
        change(a, noAmount).statusCode(400).body("errors.field", hasItem("increaseVnd"));

        given().contentType(ContentType.JSON).body(Map.of("kind", "SUPPLEMENTARY", "year", 2025, "sentOn",
                "2026-01-10")).post("/api/v1/declarants/" + a + "/reminders").then().statusCode(201)
                .body("outcome", equalTo("REMINDER")).body("kind", equalTo("SUPPLEMENTARY"));
        // nothing was due from another declarant: no reminder
        String none = declarant(false);
        given().contentType(ContentType.JSON).body(Map.of("kind", "SUPPLEMENTARY", "year", 2025, "sentOn",
                "2026-01-10")).post("/api/v1/declarants/" + none + "/reminders").then().statusCode(422)
                .body("errors.field", hasItem("year"));
    }

    @Test
    @TestSecurity(user = "controller-other", roles = "asset-controller")
    @OidcSecurity(claims = @Claim(key = "agency", value = "BQP"))
    void anotherAgencysControllerRecordsNothing() {
        given().contentType(ContentType.JSON).body(increase("2026-06-01", 1L))
                .post("/api/v1/declarants/" + java.util.UUID.randomUUID() + "/changes").then().statusCode(404);
    }
}
