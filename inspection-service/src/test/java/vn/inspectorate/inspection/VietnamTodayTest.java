package vn.inspectorate.inspection;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.inspectorate.inspection.support.Requests;
import vn.inspectorate.platform.security.Roles;
import vn.inspectorate.platform.time.VietnamTime;
import vn.inspectorate.testsupport.KafkaResource;
import vn.inspectorate.testsupport.PostgresResource;

/** "Today" is Vietnam's: half past midnight on 1 April in Vietnam is still 31 March in UTC. */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
@TestSecurity(user = "dn-inspector", roles = Roles.INSPECTOR)
@OidcSecurity(claims = @Claim(key = "province", value = "VN-DN"))
class VietnamTodayTest {

    @AfterEach
    void systemClock() {
        VietnamTime.reset();
    }

    @Test
    void anInspectionDueOn31MarchIsOverrunFromMidnightInVietnam() {
        // a provincial inspection decided on 14 February 2026 runs 45 days: due on 31 March
        String id = given().contentType(ContentType.JSON)
                .body(Requests.open("TTT-48", "VT-QD-1", "2026-02-14", "INSPECTION", "PUBLIC_DUTIES",
                        Requests.entity("VT-E-1", "PUBLIC_BODY", "VN-DN"), Map.of()))
                .post("/api/v1/inspections").then().statusCode(201).body("dueOn", equalTo("2026-03-31"))
                .extract().path("id");

        VietnamTime.placeAt(Instant.parse("2026-03-31T16:30:00Z")); // 23:30 on 31 March in Vietnam
        given().get("/api/v1/inspections/{id}", id).then().statusCode(200).body("overrun", equalTo(false));
        given().queryParam("overrun", true).queryParam("size", 200).get("/api/v1/inspections").then().statusCode(200)
                .body("items.id", not(hasItem(id)));

        VietnamTime.placeAt(Instant.parse("2026-03-31T17:30:00Z")); // 00:30 on 1 April in Vietnam, 31 March in UTC
        given().get("/api/v1/inspections/{id}", id).then().statusCode(200).body("overrun", equalTo(true));
        given().queryParam("overrun", true).queryParam("size", 200).get("/api/v1/inspections").then().statusCode(200)
                .body("items.id", hasItem(id));
    }
}
