package vn.inspectorate.inspection;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.inspectorate.inspection.support.Requests;
import vn.inspectorate.platform.security.Roles;
import vn.inspectorate.platform.time.VietnamTime;
import vn.inspectorate.testsupport.KafkaResource;
import vn.inspectorate.testsupport.PostgresResource;

/** From 1 July 2025 the law knows one kind of inspection: a type is valid for the decision dates it was in force. */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
@TestSecurity(user = "dn-head", roles = Roles.INSPECTOR)
@OidcSecurity(claims = {@Claim(key = "province", value = "VN-DN"), @Claim(key = "plan_approver", value = "true")})
class DatedInspectionTypesTest {

    @Test
    void theOldSplitEndsOn30June2025AndTheSingleKindStartsOn1July() {
        open("DT-QD-1", "2025-06-30", "ADMINISTRATIVE").then().statusCode(201).body("type", equalTo("ADMINISTRATIVE"));
        open("DT-QD-2", "2025-06-30", "SPECIALIZED").then().statusCode(201).body("type", equalTo("SPECIALIZED"));
        open("DT-QD-3", "2025-06-30", "INSPECTION").then().statusCode(422)
                .body("type", containsString("type-not-in-force"))
                .body("errors[0].field", equalTo("type"))
                .body("errors[0].message", containsString("decisionDate 2025-06-30"))
                .body("detail", containsString("ADMINISTRATIVE, SPECIALIZED"));

        open("DT-QD-4", "2025-07-01", "ADMINISTRATIVE").then().statusCode(422)
                .body("errors[0].field", equalTo("type"))
                .body("errors[0].message", containsString("decisionDate 2025-07-01"))
                .body("detail", containsString("the types in force that day: INSPECTION"));
        open("DT-QD-5", "2026-03-02", "SPECIALIZED").then().statusCode(422).body("errors[0].field", equalTo("type"));
        // the refused decision wrote nothing: the same number now opens a new inspection (201, not 200 or 409)
        open("DT-QD-4", "2025-07-01", "INSPECTION").then().statusCode(201)
                .body("type", equalTo("INSPECTION"));
    }

    @Test
    void aPlannedInspectionIsCheckedAgainstItsPlannedStart() {
        int year = VietnamTime.today().getYear() + 2;
        String plan = given().contentType(ContentType.JSON).body(Map.of("bodyCode", "TTT-48", "year", year))
                .post("/api/v1/inspection-plans").then().statusCode(201).extract().path("id");
        addItem(plan, "DT-PE-1", "SPECIALIZED", year + "-02-01").then().statusCode(422)
                .body("errors[0].field", equalTo("type"))
                .body("errors[0].message", containsString("plannedStart " + year + "-02-01"));
        addItem(plan, "DT-PE-1", "INSPECTION", year + "-02-01").then().statusCode(201)
                .body("type", equalTo("INSPECTION"));
    }

    /** Asks for English problems, the texts these tests compare. */
    private static Response open(String decision, String date, String type) {
        return given().header("Accept-Language", "en").contentType(ContentType.JSON)
                .body(Requests.open("TTT-48", decision, date, type, "PUBLIC_DUTIES",
                        Requests.entity("DT-E-" + decision, "PUBLIC_BODY", "VN-DN"), Map.of()))
                .post("/api/v1/inspections");
    }

    private static Response addItem(String plan, String entity, String type, String start) {
        return given().header("Accept-Language", "en").contentType(ContentType.JSON)
                .body(Map.of("entity", Requests.entity(entity, "ENTERPRISE", "VN-DN"), "subject", "LAND", "type", type,
                        "plannedStart", start, "durationDays", 30))
                .post("/api/v1/inspection-plans/{id}/inspections", plan);
    }
}
