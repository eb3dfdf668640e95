package vn.inspectorate.declarations;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.inspectorate.declarations.Api.register;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.inspectorate.platform.time.VietnamTime;
import vn.inspectorate.testsupport.KafkaResource;
import vn.inspectorate.testsupport.PostgresResource;

/** The overdue list "as of today" counts Vietnam's today: 00:30 on 1 January in Vietnam is still 31 December in UTC. */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
@TestSecurity(user = "controller-btp", roles = "asset-controller")
@OidcSecurity(claims = @Claim(key = "agency", value = "BTP"))
class DeadlineVietnamTimeTest {

    @AfterEach
    void systemClock() {
        VietnamTime.reset();
    }

    @Test
    void theAnnualDeclarationIsMissingFromMidnightInVietnam() {
        String declarant = register("BTP", "VN-CT").getString("id");

        VietnamTime.placeAt(Instant.parse("2025-12-31T16:30:00Z")); // 23:30 on 31 December in Vietnam: the deadline
        assertThat(overdueDeclarants()).doesNotContain(declarant);

        VietnamTime.placeAt(Instant.parse("2025-12-31T17:30:00Z")); // 00:30 on 1 January 2026 in Vietnam
        assertThat(overdueDeclarants()).contains(declarant);
    }

    private static List<String> overdueDeclarants() {
        return given().queryParam("year", 2025).queryParam("size", 200).get("/api/v1/agencies/BTP/overdue-declarations").then().statusCode(200)
                .extract().jsonPath().getList("items.findAll { it.kind == 'ANNUAL' }.declarantId");
    }
}
