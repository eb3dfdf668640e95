package vn.inspectorate.inspection;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import vn.inspectorate.inspection.support.Requests;
import vn.inspectorate.platform.security.Roles;
import vn.inspectorate.testsupport.KafkaResource;
import vn.inspectorate.testsupport.PostgresResource;

/** Malformed and hostile input stays a 4xx and writes nothing; concurrent duplicates resolve to one record. */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
class RobustnessTest {

    @Inject
    EntityManager em;

    @Test
    @TestSecurity(user = "hn-inspector", roles = Roles.INSPECTOR)
    @OidcSecurity(claims = @Claim(key = "province", value = "VN-HN"))
    void noClientInputEndsInAServerError() {
        // a query value that is none of its enum is bad input (400); a path segment that is no id names nothing (404)
        given().queryParam("status", "BOGUS").get("/api/v1/inspections").then().statusCode(400)
                .contentType("application/problem+json").body("type", endsWith("/invalid-parameter"));
        given().get("/api/v1/overlaps").then().statusCode(400).body("errors.field", hasItem("year"));
        given().get("/api/v1/inspections/not-a-uuid").then().statusCode(404).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{\"bodyCode\": \"TTT-HN\", \"year\": ")
                .post("/api/v1/inspection-plans").then().statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("bodyCode", "TTT-HN", "year", "next"))
                .post("/api/v1/inspection-plans").then().statusCode(400).body("errors[0].field", equalTo("year"));
        given().contentType(ContentType.TEXT).body("hello").post("/api/v1/inspection-plans").then().statusCode(415);
        Map<String, Object> badEntity = Requests.open("TTT-HN", "RB-1", "2024-02-30", "ADMINISTRATIVE", "PUBLIC_DUTIES",
                Requests.entity("RB-1", "ENTERPRISE", "VN-HN"), Map.of());
        given().contentType(ContentType.JSON).body(badEntity).post("/api/v1/inspections").then().statusCode(400)
                .body("errors[0].field", equalTo("decisionDate"));
        Map<String, Object> badKind = Requests.open("TTT-HN", "RB-1", "2024-02-03", "ADMINISTRATIVE", "PUBLIC_DUTIES",
                Map.of("code", "RB-1", "kind", "COMPANY", "name", "n", "provinceCode", "VN-HN"), Map.of());
        given().contentType(ContentType.JSON).body(badKind).post("/api/v1/inspections").then().statusCode(400)
                .body("errors[0].field", equalTo("entity.kind"));
        Map<String, Object> noTeam = Requests.open("TTT-HN", "RB-1", "2024-02-03", "ADMINISTRATIVE", "PUBLIC_DUTIES",
                Requests.entity("RB-1", "ENTERPRISE", "VN-HN"), Map.of("team", List.of()));
        given().contentType(ContentType.JSON).body(noTeam).post("/api/v1/inspections").then().statusCode(400)
                .body("errors[0].field", equalTo("team"));
        assertThat(count("select count(*) from inspected_entity where code = 'RB-1'")).isZero();
        assertThat(count("select count(*) from inspection where decision_number = 'RB-1'")).isZero();
    }

    @Test
    @TestSecurity(user = "hn-inspector", roles = Roles.INSPECTOR)
    @OidcSecurity(claims = @Claim(key = "province", value = "VN-HN"))
    void concurrentDuplicatesAreAnsweredAsTheOriginal() throws Exception {
        Map<String, Object> request = Requests.open("TTT-HN", "RB-CONC-1", "2024-02-05", "SPECIALIZED", "HEALTH",
                Requests.entity("RB-CONC", "ENTERPRISE", "VN-HN"), Map.of());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Callable<List<Object>> call = () -> {
                var response = given().contentType(ContentType.JSON).body(request).post("/api/v1/inspections");
                return List.of(response.statusCode(), String.valueOf(response.jsonPath().getString("id")));
            };
            List<Future<List<Object>>> futures = pool.invokeAll(List.of(call, call, call, call));
            List<List<Object>> answers = new java.util.ArrayList<>();
            for (Future<List<Object>> f : futures) {
                answers.add(f.get());
            }
            assertThat(answers.stream().map(a -> a.get(0))).containsOnly(201, 200).filteredOn(s -> s.equals(201))
                    .hasSize(1);
            assertThat(answers.stream().map(a -> a.get(1)).distinct()).hasSize(1);
        } finally {
            pool.shutdown();
        }
        assertThat(count("select count(*) from inspection where decision_number = 'RB-CONC-1'")).isEqualTo(1);
        assertThat(count("""
                select count(*) from platform_outbox where event_type = 'vn.inspectorate.inspection.opened.v1'
                and payload like '%RB-CONC%'""")).isEqualTo(1);
    }

    private long count(String sql) {
        return ((Number) em.createNativeQuery(sql).getSingleResult()).longValue();
    }
}
