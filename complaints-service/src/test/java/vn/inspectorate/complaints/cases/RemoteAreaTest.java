package vn.inspectorate.complaints.cases;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static vn.inspectorate.complaints.Cases.command;
import static vn.inspectorate.complaints.Cases.complaint;
import static vn.inspectorate.complaints.Cases.create;
import static vn.inspectorate.complaints.Cases.get;
import static vn.inspectorate.complaints.Cases.map;

import com.fasterxml.jackson.databind.JsonNode;
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

/**
 * The remote area of a case follows from its unit on its receipt date (reference data): Ha Giang (VN-03) was
 * designated until it merged into Tuyen Quang (VN-07) on 1 July 2025, the merged unit is not. The inspector overrides
 * it only with a reason.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
@TestSecurity(user = "tq-officer", roles = {"provincial-system", "inspector"})
@OidcSecurity(claims = @Claim(key = "province", value = "VN-07"))
class RemoteAreaTest {

    static Map<String, Object> filedIn(String unit, LocalDate receivedOn) {
        Map<String, Object> body = complaint(receivedOn);
        body.put("provinceCode", unit);
        body.put("sourceSystem", "tq-portal");
        return body;
    }

    static final LocalDate LAST_DAY_OF_HA_GIANG = LocalDate.of(2025, 6, 30);

    @Test
    void aCaseOfADesignatedUnitIsRemoteAndGetsTheLongerClock() {
        String id = create(filedIn("VN-03", LAST_DAY_OF_HA_GIANG));
        get(id).statusCode(200).body("remoteArea", equalTo(true)).body("remoteAreaDerived", equalTo(true))
                .body("remoteAreaSource", equalTo("DERIVED")).body("remoteAreaReason", nullValue());
        command(id, "classify", map("kind", "COMPLAINT")).statusCode(200).body("remoteArea", equalTo(true));
        // 45 days (remote) from 2 July 2025 end on Saturday 16 August: the next working day
        command(id, "accept", map("acceptedOn", "2025-07-02")).statusCode(200)
                .body("deadlines.resolutionDueOn", equalTo("2025-08-18"));
    }

    @Test
    void aCaseOfAUnitNotDesignatedOnItsDateIsNotRemote() {
        String id = create(filedIn("VN-07", LocalDate.of(2026, 3, 2)));
        get(id).statusCode(200).body("remoteArea", equalTo(false)).body("remoteAreaDerived", equalTo(false))
                .body("remoteAreaSource", equalTo("DERIVED"));
        command(id, "classify", map("kind", "COMPLAINT")).statusCode(200);
        // 30 days from 5 March 2026 end on Saturday 4 April: the next working day
        command(id, "accept", map("acceptedOn", "2026-03-05")).statusCode(200)
                .body("deadlines.resolutionDueOn", equalTo("2026-04-06"));
    }

    @Test
    void anOverrideNeedsAReasonAndIsKeptInTheHistory() {
        String id = create(filedIn("VN-03", LAST_DAY_OF_HA_GIANG));
        command(id, "classify", map("kind", "COMPLAINT", "remoteArea", false)).statusCode(422)
                .body("type", equalTo("https://inspectorate.gov.vn/problems/invalid-remoteAreaReason"))
                .body("errors[0].field", equalTo("remoteAreaReason"));
        command(id, "classify", map("kind", "COMPLAINT", "remoteArea", false, "remoteAreaReason", " ")).statusCode(422);
        get(id).statusCode(200).body("status", equalTo("RECEIVED")).body("remoteArea", equalTo(true));

        command(id, "classify", map("kind", "COMPLAINT", "remoteArea", false,
                "remoteAreaReason", "the handling body sits in the provincial town")).statusCode(200)
                .body("remoteArea", equalTo(false)).body("remoteAreaDerived", equalTo(true))
                .body("remoteAreaSource", equalTo("OVERRIDE"))
                .body("remoteAreaReason", equalTo("the handling body sits in the provincial town"));
        // the clock follows the effective value: 30 days, not 45
        command(id, "accept", map("acceptedOn", "2025-07-02")).statusCode(200)
                .body("deadlines.resolutionDueOn", equalTo("2025-08-01"));
        JsonNode detail = AdmissibilityTest.history(id, "classify").get(0);
        assertThat(detail.path("remoteAreaSource").asText()).isEqualTo("OVERRIDE");
        assertThat(detail.path("remoteAreaDerived").asBoolean()).isTrue();
        assertThat(detail.path("remoteArea").asBoolean()).isFalse();
        assertThat(detail.path("remoteAreaReason").asText()).isEqualTo("the handling body sits in the provincial town");
    }

    @Test
    void statingTheDerivedValueIsNoOverride() {
        String id = create(filedIn("VN-07", LocalDate.of(2026, 3, 2)));
        command(id, "classify", map("kind", "COMPLAINT", "remoteArea", false)).statusCode(200)
                .body("remoteAreaSource", equalTo("DERIVED")).body("remoteAreaReason", nullValue());
        String overridden = create(filedIn("VN-07", LocalDate.of(2026, 3, 2)));
        command(overridden, "classify", map("kind", "COMPLAINT", "remoteArea", true, "remoteAreaReason",
                "island commune reached by boat")).statusCode(200).body("remoteArea", equalTo(true))
                .body("remoteAreaSource", equalTo("OVERRIDE"));
    }

    @Test
    void aBatchDerivesEachCaseFromItsOwnUnitAndDate() {
        var answer = given().contentType(ContentType.JSON).body(Map.of("cases", List.of(
                filedIn("VN-03", LAST_DAY_OF_HA_GIANG), filedIn("VN-07", LocalDate.of(2026, 3, 2)),
                filedIn("VN-03", LocalDate.of(2025, 5, 12))))).post("/api/v1/cases/batch")
                .then().statusCode(200).body("created", equalTo(3)).extract().jsonPath();
        List<Boolean> derived = List.of(0, 1, 2).stream().map(i -> get(answer.getString("results[" + i + "].caseId"))
                .statusCode(200).extract().<Boolean>path("remoteAreaDerived")).toList();
        assertThat(derived).containsExactly(true, false, true);
    }
}
