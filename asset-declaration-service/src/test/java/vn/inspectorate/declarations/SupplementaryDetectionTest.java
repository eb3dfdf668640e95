package vn.inspectorate.declarations;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
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
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.inspectorate.testsupport.KafkaResource;
import vn.inspectorate.testsupport.PostgresResource;

/**
 * A submitted declaration is compared with the previous one: a rise of assets or income by at least the threshold in
 * force on its date (300 million VND, 1 billion from 1 Jul 2026) makes a supplementary declaration due by the year's
 * deadline, once per declaration; a supplementary declaration declared after the last change answers it.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
@TestSecurity(user = "controller-bxd", roles = "asset-controller")
@OidcSecurity(claims = @Claim(key = "agency", value = "BXD"))
class SupplementaryDetectionTest {

    private static final String AGENCY = "BXD";
    private static final long BEFORE = 2_000_000_000L;
    private static final long INCOME = 100_000_000L;

    static String declarant(boolean annual) {
        Map<String, Object> body = Api.declarant(AGENCY, "VN-HN", "Tran Thi " + Api.citizenId(), Api.citizenId());
        body.put("annualDeclarationRequired", annual);
        return Api.register(body).getString("id");
    }

    /** A first declaration early in the year, then one of {@code kind} whose assets rose by {@code rise}. */
    static JsonPath risen(String declarant, String kind, LocalDate on, long rise) {
        submit(declaration(declarant, "FIRST_TIME", on.getYear(), on.withDayOfMonth(1).withMonth(1).plusDays(9), null,
                modest(BEFORE, INCOME)));
        return submit(declaration(declarant, kind, on.getYear(), on, null, modest(BEFORE + rise, INCOME)));
    }

    static JsonPath due(int year, String asOf) {
        return given().queryParam("year", year).queryParam("asOf", asOf)
                .queryParam("size", 200)
                .get("/api/v1/agencies/" + AGENCY + "/supplementary-declarations").then().statusCode(200).extract()
                .jsonPath();
    }

    static String of(String declarant) {
        return "items.find { it.declarantId == '" + declarant + "' }";
    }

    @Test
    void theThresholdInForceOnTheDeclarationDateDecides() {
        String under300 = declarant(false);
        risen(under300, "PERSONNEL_WORK", LocalDate.of(2026, 6, 30), 299_999_999L);
        String at300 = declarant(false);
        String at300Declaration = risen(at300, "PERSONNEL_WORK", LocalDate.of(2026, 6, 30), 300_000_000L)
                .getString("id");
        String billionLessOneBefore = declarant(false);
        risen(billionLessOneBefore, "PERSONNEL_WORK", LocalDate.of(2026, 6, 30), 999_999_999L);
        String billionLessOneAfter = declarant(false);
        risen(billionLessOneAfter, "PERSONNEL_WORK", LocalDate.of(2026, 7, 1), 999_999_999L);
        String billionAfter = declarant(false);
        String billionDeclaration = risen(billionAfter, "PERSONNEL_WORK", LocalDate.of(2026, 7, 1), 1_000_000_000L)
                .getString("id");

        JsonPath due = due(2026, "2026-12-01");
        assertThat(due.getList("items.declarantId", String.class)).contains(at300, billionLessOneBefore, billionAfter)
                .doesNotContain(under300, billionLessOneAfter);
        assertThat(due.getString(of(at300) + ".standing")).isEqualTo("DUE");
        assertThat(due.getString(of(at300) + ".dueOn")).isEqualTo("2026-12-31");
        assertThat(due.getList(of(at300) + ".reasons", String.class)).containsExactly("ASSET_INCREASE");
        assertThat(due.getList(of(at300) + ".changes.declarationId", String.class)).containsExactly(at300Declaration);
        assertThat(due.getLong(of(at300) + ".changes[0].increaseVnd")).isEqualTo(300_000_000L);
        assertThat(due.getLong(of(at300) + ".changes[0].thresholdVnd")).isEqualTo(300_000_000L);
        assertThat(due.getString(of(at300) + ".changes[0].occurredOn")).isEqualTo("2026-06-30");
        assertThat(due.getLong(of(billionLessOneBefore) + ".changes[0].thresholdVnd")).isEqualTo(300_000_000L);
        assertThat(due.getList(of(billionAfter) + ".changes.declarationId", String.class))
                .containsExactly(billionDeclaration);
        assertThat(due.getLong(of(billionAfter) + ".changes[0].increaseVnd")).isEqualTo(1_000_000_000L);
        assertThat(due.getLong(of(billionAfter) + ".changes[0].thresholdVnd")).isEqualTo(1_000_000_000L);
        assertThat(due.getBoolean(of(billionAfter) + ".changes[0].supplementaryDue")).isTrue();
    }

    @Test
    void aRiseOfIncomeCountsAndTheDeclarationsThatDeclareTheChangeMakeNoneDue() {
        String income = declarant(false);
        submit(declaration(income, "FIRST_TIME", 2026, LocalDate.of(2026, 1, 10), null, modest(BEFORE, INCOME)));
        submit(declaration(income, "PERSONNEL_WORK", 2026, LocalDate.of(2026, 8, 1), null,
                modest(BEFORE, INCOME + 1_200_000_000L)));
        // a declarant who declares annually is covered by the annual declaration
        String annual = declarant(true);
        risen(annual, "PERSONNEL_WORK", LocalDate.of(2026, 8, 1), 5_000_000_000L);
        // a supplementary declaration is itself the declaration of the rise it shows
        String supplementary = declarant(false);
        risen(supplementary, "SUPPLEMENTARY", LocalDate.of(2026, 8, 1), 5_000_000_000L);

        JsonPath due = due(2026, "2026-12-01");
        assertThat(due.getLong(of(income) + ".changes[0].increaseVnd")).isEqualTo(1_200_000_000L);
        assertThat(due.getList("items.declarantId", String.class)).doesNotContain(annual, supplementary);
    }

    @Test
    void aRetriedSubmissionFindsNothingNewAndACorrectionMeasuresAgain() {
        String a = declarant(false);
        String id = risen(a, "PERSONNEL_WORK", LocalDate.of(2026, 7, 2), 1_500_000_000L).getString("id");
        given().post("/api/v1/declarations/" + id + "/submission").then().statusCode(200);
        given().post("/api/v1/declarations/" + id + "/submission").then().statusCode(200);
        assertThat(due(2026, "2026-12-01").getList(of(a) + ".changes.id", String.class)).hasSize(1);

        // the one correction shows a smaller rise: the same change, no longer due
        given().contentType(ContentType.JSON).body(Map.of("items", modest(BEFORE + 600_000_000L, INCOME)))
                .post("/api/v1/declarations/" + id + "/correction").then().statusCode(200);
        assertThat(due(2026, "2026-12-01").getList("items.declarantId", String.class)).doesNotContain(a);

        // and the other way: a correction that shows a rise at the threshold makes it due, once
        String b = declarant(false);
        String other = risen(b, "PERSONNEL_WORK", LocalDate.of(2026, 7, 2), 100_000_000L).getString("id");
        assertThat(due(2026, "2026-12-01").getList("items.declarantId", String.class)).doesNotContain(b);
        given().contentType(ContentType.JSON).body(Map.of("items", modest(BEFORE + 1_000_000_000L, INCOME)))
                .post("/api/v1/declarations/" + other + "/correction").then().statusCode(200);
        JsonPath due = due(2026, "2026-12-01");
        assertThat(due.getList(of(b) + ".changes.declarationId", String.class)).containsExactly(other);
        assertThat(due.getLong(of(b) + ".changes[0].increaseVnd")).isEqualTo(1_000_000_000L);
    }

    @Test
    void aJobChangeAfterASupplementaryDeclarationIsStillDueUntilTheNextOne() {
        String d = declarant(false);
        submit(declaration(d, "SUPPLEMENTARY", 2026, LocalDate.of(2026, 3, 1), null, modest(BEFORE, INCOME)));
        given().contentType(ContentType.JSON)
                .body(Map.of("kind", "JOB_CHANGE", "occurredOn", "2026-09-01", "position", "Chief Inspector"))
                .post("/api/v1/declarants/" + d + "/changes").then().statusCode(201)
                .body("supplementaryDue", equalTo(true)).body("dueOn", equalTo("2026-12-31"));
        JsonPath due = due(2026, "2026-12-01");
        assertThat(due.getString(of(d) + ".standing")).isEqualTo("DUE");
        assertThat(due.getList(of(d) + ".reasons", String.class)).containsExactly("JOB_CHANGE");

        submit(declaration(d, "SUPPLEMENTARY", 2026, LocalDate.of(2026, 10, 5), null, modest(BEFORE, INCOME)));
        due = due(2026, "2026-12-01");
        assertThat(due.getString(of(d) + ".standing")).isEqualTo("FILED");
        assertThat(due.getString(of(d) + ".declaredOn")).isEqualTo("2026-10-05");
    }

    @Test
    void aFoundRiseIsOverdueAndRemindedUntilTheSupplementaryDeclarationClearsIt() {
        String d = declarant(false);
        risen(d, "PERSONNEL_WORK", LocalDate.of(2025, 5, 1), 400_000_000L);
        assertThat(due(2025, "2025-12-01").getString(of(d) + ".standing")).isEqualTo("DUE");
        given().queryParam("year", 2025).queryParam("asOf", "2026-01-15")
                .queryParam("size", 200)
                .get("/api/v1/agencies/" + AGENCY + "/overdue-declarations").then().statusCode(200)
                .body(overdue(d) + ".standing", equalTo("MISSING")).body(overdue(d) + ".dueOn", equalTo("2025-12-31"));
        Map<String, Object> reminder = Map.of("kind", "SUPPLEMENTARY", "year", 2025, "sentOn", "2026-01-10");
        given().contentType(ContentType.JSON).body(reminder).post("/api/v1/declarants/" + d + "/reminders").then()
                .statusCode(201).body("outcome", equalTo("REMINDER")).body("sequence", equalTo(1));

        submit(declaration(d, "SUPPLEMENTARY", 2025, LocalDate.of(2026, 1, 20), null,
                modest(BEFORE + 400_000_000L, INCOME)));
        JsonPath due = due(2025, "2026-01-25");
        assertThat(due.getString(of(d) + ".standing")).isEqualTo("LATE");
        assertThat(due.getString(of(d) + ".declaredOn")).isEqualTo("2026-01-20");
        List<String> overdue = given().queryParam("year", 2025).queryParam("asOf", "2026-01-25")
                .queryParam("size", 200)
                .get("/api/v1/agencies/" + AGENCY + "/overdue-declarations").then().statusCode(200).extract()
                .path("items.findAll { it.declarantId == '" + d + "' && it.kind == 'SUPPLEMENTARY' }.standing");
        assertThat(overdue).containsExactly("LATE");
        given().contentType(ContentType.JSON).body(Map.of("kind", "SUPPLEMENTARY", "year", 2025, "sentOn",
                "2026-01-26")).post("/api/v1/declarants/" + d + "/reminders").then().statusCode(409)
                .body("type", org.hamcrest.Matchers.endsWith("/already-declared"));
    }

    private static String overdue(String declarant) {
        return "items.find { it.declarantId == '" + declarant + "' && it.kind == 'SUPPLEMENTARY' }";
    }
}
