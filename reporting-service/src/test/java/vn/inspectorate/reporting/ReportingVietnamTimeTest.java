package vn.inspectorate.reporting;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.inspectorate.platform.security.Roles;
import vn.inspectorate.platform.time.VietnamTime;
import vn.inspectorate.testsupport.KafkaResource;
import vn.inspectorate.testsupport.PostgresResource;

/** A period is over from midnight in Vietnam: at 00:30 on 1 April there (31 March in UTC) March can be closed. */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
@TestSecurity(user = "analyst", roles = Roles.CENTRAL_ANALYST)
class ReportingVietnamTimeTest {

    private static final String MARCH = "{\"period\":\"2026-03\",\"calendar\":\"calendar\"}";

    @AfterEach
    void systemClock() {
        VietnamTime.reset();
    }

    @Test
    void marchCanBeClosedFromMidnightInVietnam() {
        VietnamTime.placeAt(Instant.parse("2026-03-31T16:30:00Z")); // 23:30 on 31 March in Vietnam
        given().contentType("application/json").body(MARCH).post("/api/v1/reports/publications").then()
                .statusCode(422).body("errors[0].field", equalTo("period"));
        given().get("/api/v1/reports/summary?period=2026-03&calendar=calendar").then().statusCode(200)
                .body("asOf", equalTo("2026-03-31"));

        VietnamTime.placeAt(Instant.parse("2026-03-31T17:30:00Z")); // 00:30 on 1 April in Vietnam, 31 March in UTC
        given().get("/api/v1/reports/summary?period=2026-03&calendar=calendar").then().statusCode(200)
                .body("asOf", equalTo("2026-04-01"));
        given().contentType("application/json").body(MARCH).post("/api/v1/reports/publications").then()
                .statusCode(201).body("report.asOf", equalTo("2026-04-01"));
    }
}
