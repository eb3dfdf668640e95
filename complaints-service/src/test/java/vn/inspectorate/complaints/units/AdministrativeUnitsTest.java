package vn.inspectorate.complaints.units;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.inspectorate.testsupport.KafkaResource;
import vn.inspectorate.testsupport.PostgresResource;

@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
class AdministrativeUnitsTest {

    @Inject
    AdministrativeUnits units;

    @Test
    @TestSecurity(user = "analyst", roles = "central-analyst")
    void sixtyThreeProvincesBecameThirtyFourOnTheFirstOfJuly2025() {
        given().get("/api/v1/administrative-units?on=2025-06-30").then().statusCode(200).body("$", hasSize(63));
        given().get("/api/v1/administrative-units?on=2025-07-01").then().statusCode(200).body("$", hasSize(34));
        List<String> answeredBy = given().get("/api/v1/administrative-units?on=2025-06-30").then()
                .extract().path("answeredTodayBy");
        assertThat(answeredBy.stream().distinct()).hasSize(34);
    }

    @Test
    void theMergerMappingIsData() {
        assertThat(units.successorOn("VN-54", LocalDate.of(2025, 6, 30))).isEqualTo("VN-54");
        assertThat(units.successorOn("VN-54", LocalDate.of(2025, 7, 1))).isEqualTo("VN-56");
        assertThat(units.successorOn("VN-70", LocalDate.of(2025, 7, 1))).isEqualTo("VN-68");
        assertThat(units.successorOn("VN-HN", LocalDate.of(2025, 7, 1))).isEqualTo("VN-HN");
        assertThat(units.inForce("VN-54", LocalDate.of(2025, 6, 30))).isTrue();
        assertThat(units.inForce("VN-54", LocalDate.of(2025, 7, 1))).isFalse();
        assertThat(units.inForce("VN-56", LocalDate.of(2025, 7, 1))).isTrue();
    }

    @Test
    void anonymousCallersGetNoReferenceData() {
        given().get("/api/v1/administrative-units").then().statusCode(401);
    }
}
