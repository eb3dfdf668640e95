package vn.inspectorate.declarations;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static vn.inspectorate.declarations.Api.declaration;
import static vn.inspectorate.declarations.Api.modest;
import static vn.inspectorate.declarations.Api.register;
import static vn.inspectorate.declarations.Api.submit;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.inspectorate.testsupport.KafkaResource;
import vn.inspectorate.testsupport.PostgresResource;

@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
@TestSecurity(user = "controller-bxd", roles = "asset-controller")
@OidcSecurity(claims = @Claim(key = "agency", value = "BXD"))
class DeadlineTest {

    @Test
    void lateAndMissingAnnualDeclarationsAreListedAndTwoRemindersLeadToAViolation() {
        String missing = register("BXD", "VN-CT").getString("id");
        String late = register("BXD", "VN-CT").getString("id");
        String onTime = register("BXD", "VN-CT").getString("id");
        submit(declaration(late, "ANNUAL", 2023, LocalDate.of(2024, 1, 10), null, modest(1_000_000_000L, 1_000_000_000L)));
        submit(declaration(onTime, "ANNUAL", 2023, LocalDate.of(2023, 12, 31), null, modest(1_000_000_000L, 1_000_000_000L)));

        var overdue = given().queryParam("year", 2023).queryParam("asOf", "2024-02-01")
                .queryParam("size", 200)
                .get("/api/v1/agencies/BXD/overdue-declarations").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> rows = overdue.getList("items.findAll { it.kind == 'ANNUAL' }");
        assertThat(rows).extracting(r -> r.get("declarantId") + ":" + r.get("standing"))
                .contains(missing + ":MISSING", late + ":LATE")
                .noneMatch(s -> s.startsWith(onTime));
        assertThat(rows).filteredOn(r -> late.equals(r.get("declarantId")))
                // 31 December 2023 is a Sunday and 1 January 2024 New Year: the time limit ends on Tuesday 2 January
                .extracting(r -> r.get("dueOn")).containsExactly("2024-01-02");
        // a page at a time, one item each, the same list: nothing cut, nothing twice
        List<String> all = overdue.getList("items.collect { it.declarantId + ':' + it.kind }");
        List<String> paged = new java.util.ArrayList<>();
        String next = null;
        int pages = 0;
        do {
            var request = given().queryParam("year", 2023).queryParam("asOf", "2024-02-01").queryParam("size", 1);
            var page = (next == null ? request : request.queryParam("after", next))
                    .get("/api/v1/agencies/BXD/overdue-declarations").then().statusCode(200).extract().jsonPath();
            paged.addAll(page.getList("items.collect { it.declarantId + ':' + it.kind }"));
            next = page.getString("next");
            pages++;
        } while (next != null && pages <= all.size());
        assertThat(paged).isEqualTo(all).hasSizeGreaterThanOrEqualTo(2);

        String reminders = "/api/v1/declarants/" + missing + "/reminders";
        // not yet overdue on the deadline itself
        given().contentType(ContentType.JSON).body(Map.of("kind", "ANNUAL", "year", 2023, "sentOn", "2023-12-31"))
                .post(reminders).then().statusCode(422);
        given().contentType(ContentType.JSON).body(Map.of("kind", "ANNUAL", "year", 2023, "sentOn", "2024-01-05"))
                .post(reminders).then().statusCode(201).body("sequence", equalTo(1)).body("outcome", equalTo("REMINDER"));
        given().contentType(ContentType.JSON).body(Map.of("kind", "ANNUAL", "year", 2023, "sentOn", "2024-01-20"))
                .post(reminders).then().statusCode(201).body("sequence", equalTo(2)).body("outcome", equalTo("REMINDER"));
        given().contentType(ContentType.JSON).body(Map.of("kind", "ANNUAL", "year", 2023, "sentOn", "2024-02-05"))
                .post(reminders).then().statusCode(201).body("sequence", equalTo(3)).body("outcome", equalTo("VIOLATION"));
        given().contentType(ContentType.JSON).body(Map.of("kind", "ANNUAL", "year", 2023, "sentOn", "2024-02-10"))
                .post(reminders).then().statusCode(409);
        // a filed declaration gets no reminder
        given().contentType(ContentType.JSON).body(Map.of("kind", "ANNUAL", "year", 2023, "sentOn", "2024-01-05"))
                .post("/api/v1/declarants/" + late + "/reminders").then().statusCode(409);

        var after = given().queryParam("year", 2023).queryParam("asOf", "2024-03-01")
                .queryParam("size", 200)
                .get("/api/v1/agencies/BXD/overdue-declarations").then().statusCode(200).extract().jsonPath();
        assertThat(after.getList("items.findAll { it.declarantId == '" + missing + "' && it.kind == 'ANNUAL' }.reminders"))
                .containsExactly(2);
        assertThat(after.getList("items.findAll { it.declarantId == '" + missing + "' && it.kind == 'ANNUAL' }.violation"))
                .containsExactly(true);
    }

    @Test
    @TestSecurity(user = "controller-other", roles = "asset-controller")
    @OidcSecurity(claims = @Claim(key = "agency", value = "BYT"))
    void anotherAgencySeesNoneOfIt() {
        given().queryParam("year", 2023).queryParam("asOf", "2024-02-01")
                .queryParam("size", 200)
                .get("/api/v1/agencies/BXD/overdue-declarations").then().statusCode(200)
                .body("items.size()", equalTo(0));
    }
}
