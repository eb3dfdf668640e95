package vn.inspectorate.complaints.cases;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
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
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import vn.inspectorate.testsupport.KafkaResource;
import vn.inspectorate.testsupport.PostgresResource;

@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CaseQueryTest {

    /** Received in 1995, a year no other test uses, so these filters see only this test's cases. */
    static final LocalDate YEAR_START = LocalDate.of(1995, 1, 1);

    @Test
    @Order(0)
    @TestSecurity(user = "hn-portal", roles = "provincial-system")
    @OidcSecurity(claims = @Claim(key = "province", value = "VN-HN"))
    void hanoiFilesACaseToo() {
        create(complaint(YEAR_START.plusDays(100)));
    }

    @Test
    @Order(1)
    @TestSecurity(user = "dn-officer", roles = {"provincial-system", "inspector"})
    @OidcSecurity(claims = @Claim(key = "province", value = "VN-DN"))
    void filtersPagesSortsAndCounts() {
        for (int i = 0; i < 5; i++) {
            Map<String, Object> c = complaint(YEAR_START.plusDays(i * 10L));
            c.put("provinceCode", "VN-DN");
            String id = create(c);
            if (i < 2) {
                command(id, "classify", map("kind", "COMPLAINT")).statusCode(200);
                command(id, "accept", map("acceptedOn", YEAR_START.plusDays(i * 10L + 1).toString())).statusCode(200);
                command(id, "assign", map("handlingBodyCode", "DN-BODY-" + i)).statusCode(200);
            }
        }
        String window = "receivedFrom=1995-01-01&receivedTo=1995-12-31";
        given().get("/api/v1/cases?" + window + "&size=2&sort=receivedOn,asc").then().statusCode(200)
                .body("total", equalTo(5)).body("totalPages", equalTo(3)).body("items", hasSize(2))
                .body("items[0].receivedOn", equalTo("1995-01-01")).body("items[1].receivedOn", equalTo("1995-01-11"));
        given().get("/api/v1/cases?" + window + "&size=2&page=2&sort=receivedOn,asc").then()
                .body("items", hasSize(1)).body("items[0].receivedOn", equalTo("1995-02-10"));
        given().get("/api/v1/cases?" + window + "&sort=receivedOn,desc").then()
                .body("items[0].receivedOn", equalTo("1995-02-10"));
        given().get("/api/v1/cases?" + window + "&status=ASSIGNED").then().body("total", equalTo(2));
        given().get("/api/v1/cases?" + window + "&handlingBody=DN-BODY-1").then().body("total", equalTo(1));
        given().get("/api/v1/cases?" + window + "&kind=COMPLAINT&overdue=true").then().body("total", equalTo(5));
        given().get("/api/v1/cases?" + window + "&overdue=false").then().body("total", equalTo(0));
        given().get("/api/v1/cases?" + window + "&receivedTo=1995-01-15").then().statusCode(200);
        given().get("/api/v1/cases?receivedFrom=1995-01-05&receivedTo=1995-01-25").then().body("total", equalTo(2));
        given().get("/api/v1/cases?" + window + "&watchlist=true").then().body("total", equalTo(0));

        // pages never overlap
        Set<String> seen = new HashSet<>();
        for (int page = 0; page < 3; page++) {
            List<String> ids = given().get("/api/v1/cases?" + window + "&size=2&page=" + page).then()
                    .extract().path("items.id");
            assertThat(seen.addAll(ids)).isTrue();
        }
        assertThat(seen).hasSize(5);
    }

    @Test
    @TestSecurity(user = "dn-officer", roles = {"provincial-system", "inspector"})
    @OidcSecurity(claims = @Claim(key = "province", value = "VN-DN"))
    void dueWithinCountsFromToday() {
        LocalDate today = BusinessDate.today();
        Map<String, Object> c = complaint(today.minusDays(5));
        c.put("provinceCode", "VN-DN");
        String id = create(c);
        // acceptance is due 10 days after receipt, later where that falls on a day off: 5 days from today or more
        LocalDate due = LocalDate.parse(given().get("/api/v1/cases/" + id).then().statusCode(200)
                .extract().path("deadlines.currentDueOn"));
        int days = (int) ChronoUnit.DAYS.between(today, due);
        assertThat(days).isGreaterThanOrEqualTo(5);
        List<String> within = given().get("/api/v1/cases?dueWithinDays=" + days).then().statusCode(200)
                .extract().path("items.id");
        List<String> withinOneLess = given().get("/api/v1/cases?dueWithinDays=" + (days - 1)).then().statusCode(200)
                .extract().path("items.id");
        assertThat(within).contains(id);
        assertThat(withinOneLess).doesNotContain(id);
    }

    @Test
    @Order(2)
    @TestSecurity(user = "analyst", roles = "central-analyst")
    void aCentralAnalystReadsEveryProvinceButNoIdentity() {
        int danang = given().get("/api/v1/cases?province=VN-DN").then().statusCode(200)
                .body("items.provinceCode", everyItem(equalTo("VN-DN")))
                .body("items[0]", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("complainant")))
                .extract().path("total");
        assertThat(danang).isGreaterThanOrEqualTo(5);
        given().get("/api/v1/cases?receivedFrom=1995-01-01&receivedTo=1995-12-31").then().statusCode(200)
                .body("total", equalTo(6)).body("items.provinceCode", org.hamcrest.Matchers.hasItems("VN-HN", "VN-DN"));
    }

    @Test
    @TestSecurity(user = "analyst", roles = "central-analyst")
    void badQueryParametersAreProblemsNamingThem() {
        given().get("/api/v1/cases?size=201").then().statusCode(400).body("errors.field", hasItem("size"));
        given().get("/api/v1/cases?size=0").then().statusCode(400).body("errors.field", hasItem("size"));
        given().get("/api/v1/cases?page=-1").then().statusCode(400).body("errors.field", hasItem("page"));
        given().get("/api/v1/cases?kind=GRIEVANCE").then().statusCode(400).body("errors.field", hasItem("kind"));
        given().get("/api/v1/cases?status=DONE").then().statusCode(400).body("errors.field", hasItem("status"));
        given().get("/api/v1/cases?receivedFrom=yesterday").then().statusCode(400)
                .body("errors.field", hasItem("receivedFrom"));
        given().get("/api/v1/cases?overdue=maybe").then().statusCode(400).body("errors.field", hasItem("overdue"));
        given().get("/api/v1/cases?sort=subject").then().statusCode(400).body("errors.field", hasItem("sort"));
        given().get("/api/v1/cases?dueWithinDays=-1").then().statusCode(400)
                .body("errors.field", hasItem("dueWithinDays"));
    }

    @Test
    @TestSecurity(user = "partner", roles = "partner")
    void aPartnerReadsNoCases() {
        given().get("/api/v1/cases").then().statusCode(403);
    }
}
