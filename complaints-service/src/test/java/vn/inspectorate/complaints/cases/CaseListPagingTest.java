package vn.inspectorate.complaints.cases;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static vn.inspectorate.complaints.Cases.command;
import static vn.inspectorate.complaints.Cases.complaint;
import static vn.inspectorate.complaints.Cases.create;
import static vn.inspectorate.complaints.Cases.map;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import vn.inspectorate.testsupport.KafkaResource;
import vn.inspectorate.testsupport.PostgresResource;

/**
 * The case list pages by position ({@code after}): in every order, ties and empty due dates included, following the
 * next links reads each case once, in the order one large page gives.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
@TestSecurity(user = "dn-officer", roles = {"provincial-system", "inspector"})
@OidcSecurity(claims = @Claim(key = "province", value = "VN-DN"))
class CaseListPagingTest {

    /** Received in 1993, a year no other test uses, so the window holds this test's cases only. */
    private static final String WINDOW = "receivedFrom=1993-01-01&receivedTo=1993-12-31";
    private static final Pattern NEXT = Pattern.compile("<([^>]*)>; rel=\"next\"");

    @Test
    void everyOrderPagesEachCaseOnce() {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            // three cases a day: the id breaks the ties
            Map<String, Object> c = complaint(LocalDate.of(1993, 3, 1).plusDays(i / 3));
            c.put("provinceCode", "VN-DN");
            String id = create(c);
            if (i % 2 == 0) {
                // accepted cases have a due date, the others none: the order puts those last
                command(id, "classify", map("kind", "COMPLAINT")).statusCode(200);
                command(id, "accept", map("acceptedOn", LocalDate.of(1993, 3, 2).plusDays(i / 3).toString()))
                        .statusCode(200);
            }
            created.add(id);
        }
        for (String sort : List.of("receivedOn,desc", "receivedOn,asc", "currentDueOn,asc", "currentDueOn,desc",
                "updatedAt,desc", "createdAt,asc")) {
            List<String> whole = given().get("/api/v1/cases?" + WINDOW + "&size=200&sort=" + sort).then()
                    .statusCode(200).extract().jsonPath().getList("items.id", String.class);
            assertThat(whole).as(sort).containsExactlyInAnyOrderElementsOf(created);
            assertThat(readAll("/api/v1/cases?" + WINDOW + "&size=2&sort=" + sort)).as(sort)
                    .containsExactlyElementsOf(whole);
        }
        // the older page numbers still answer, and hand over a position to go on from
        Response second = given().get("/api/v1/cases?" + WINDOW + "&size=4&page=1");
        assertThat(second.jsonPath().getInt("page")).isEqualTo(1);
        assertThat(second.jsonPath().getInt("totalPages")).isEqualTo(3);
        List<String> rest = new ArrayList<>(second.jsonPath().getList("items.id", String.class));
        rest.addAll(readAll("/api/v1/cases?" + WINDOW + "&size=4&after=" + second.jsonPath().getString("next")));
        List<String> whole = given().get("/api/v1/cases?" + WINDOW + "&size=200").jsonPath()
                .getList("items.id", String.class);
        assertThat(rest).containsExactlyElementsOf(whole.subList(4, whole.size()));
    }

    @Test
    void badPagingParametersAreRefused() {
        given().get("/api/v1/cases?size=201").then().statusCode(400).body("errors.field", hasItem("size"));
        String next = given().get("/api/v1/cases?size=1").then().statusCode(200).extract().path("next");
        if (next != null) {
            given().get("/api/v1/cases?size=1&page=1&after=" + next).then().statusCode(400)
                    .body("errors.field", hasItem("page"));
            given().get("/api/v1/cases?size=1&sort=updatedAt,asc&after=" + next).then().statusCode(400)
                    .body("errors.field", hasItem("after"));
        }
        given().get("/api/v1/cases?after=AAAA.BBBB").then().statusCode(400).body("errors.field", hasItem("after"));
    }

    private static List<String> readAll(String url) {
        List<String> ids = new ArrayList<>();
        String next = url;
        while (next != null) {
            // a link is sent as given: it is already encoded (sort=receivedOn%2Cdesc)
            Response page = ids.isEmpty() ? given().get(next) : given().urlEncodingEnabled(false).get(next);
            assertThat(page.statusCode()).as(next + " -> " + page.asString()).isEqualTo(200);
            ids.addAll(page.jsonPath().getList("items.id", String.class));
            Matcher m = NEXT.matcher(String.valueOf(page.header("Link")));
            next = m.find() ? m.group(1) : null;
            assertThat(ids.size()).isLessThan(1_000);
        }
        return ids;
    }
}
