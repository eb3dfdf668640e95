package vn.inspectorate.inspection;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import vn.inspectorate.inspection.support.Requests;
import vn.inspectorate.platform.security.Roles;
import vn.inspectorate.testsupport.KafkaResource;
import vn.inspectorate.testsupport.PostgresResource;

/** The inspection list pages: following the next links reads every inspection once, never an unbounded list. */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
@TestSecurity(user = "hn-inspector", roles = Roles.INSPECTOR)
@OidcSecurity(claims = @Claim(key = "province", value = "VN-HN"))
class InspectionListPagingTest {

    private static final Pattern NEXT = Pattern.compile("<([^>]*)>; rel=\"next\"");

    @Test
    void everyInspectionOnceOverManyPages() {
        String run = UUID.randomUUID().toString().substring(0, 6);
        List<String> opened = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            // two decision dates only: within a date the id orders the pages
            String date = i % 2 == 0 ? "2025-08-01" : "2025-08-04";
            opened.add(given().contentType(ContentType.JSON)
                    .body(Requests.open("TTT-HN", "PG-" + run + "-" + i, date, Requests.typeOn(date, "SPECIALIZED"),
                            "LAND", Requests.entity("PG-E-" + run + "-" + i, "ENTERPRISE", "VN-HN"), Map.of()))
                    .post("/api/v1/inspections").then().statusCode(201).extract().path("id"));
        }

        List<String> paged = new ArrayList<>();
        String next = "/api/v1/inspections?province=VN-HN&size=3";
        int pages = 0;
        while (next != null) {
            Response page = given().get(next);
            assertThat(page.statusCode()).isEqualTo(200);
            List<String> ids = page.jsonPath().getList("items.id", String.class);
            assertThat(ids.size()).isLessThanOrEqualTo(3);
            paged.addAll(ids);
            Matcher m = NEXT.matcher(String.valueOf(page.header("Link")));
            next = m.find() ? m.group(1) : null;
            pages++;
        }
        Response whole = given().get("/api/v1/inspections?province=VN-HN&size=200");
        List<String> all = whole.jsonPath().getList("items.id", String.class);
        assertThat(all.size()).isLessThan(200);
        assertThat(paged).doesNotHaveDuplicates().containsExactlyElementsOf(all).containsAll(opened);
        assertThat(pages).isEqualTo((all.size() + 2) / 3);
        assertThat(whole.jsonPath().getLong("total")).isEqualTo(all.size());
    }

    @Test
    void overrunFiltersInTheQuerySoPagesAreFull() {
        String run = UUID.randomUUID().toString().substring(0, 6);
        for (int i = 0; i < 3; i++) {
            // opened in 2024, never concluded: long past its due date, so overrun
            given().contentType(ContentType.JSON)
                    .body(Requests.open("TTT-HN", "PO-" + run + "-" + i, "2024-09-0" + (i + 1),
                            Requests.typeOn("2024-09-01", "SPECIALIZED"), "LAND",
                            Requests.entity("PO-E-" + run + "-" + i, "ENTERPRISE", "VN-HN"), Map.of()))
                    .post("/api/v1/inspections").then().statusCode(201);
        }
        Response first = given().get("/api/v1/inspections?province=VN-HN&overrun=true&size=2");
        assertThat(first.jsonPath().getList("items.overrun", Boolean.class)).hasSize(2).containsOnly(true);
        assertThat(first.jsonPath().getLong("total")).isGreaterThanOrEqualTo(3);
        given().get("/api/v1/inspections?size=201").then().statusCode(400).body("errors.field", hasItem("size"));
        given().get("/api/v1/inspections?province=VN-HN&after=" + first.jsonPath().getString("next")).then()
                .statusCode(400).body("errors.field", hasItem("after"));
        given().get("/api/v1/inspections?province=VN-HN&overrun=true&size=2&after="
                + first.jsonPath().getString("next")).then().statusCode(200).body("size", equalTo(2));
    }
}
