package vn.inspectorate.inspection;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.inspectorate.inspection.support.Requests;
import vn.inspectorate.platform.security.Roles;
import vn.inspectorate.testsupport.KafkaResource;
import vn.inspectorate.testsupport.PostgresResource;

/**
 * Bodies and provinces are checked against the date they apply to: Bac Giang (VN-54) and its inspectorate TTT-54
 * until 30 June 2025, Bac Ninh (VN-56, TTT-BN) taking them over from 1 July 2025.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
class DatedReferenceTest {

    @Test
    @TestSecurity(user = "bg-system", roles = Roles.PROVINCIAL_SYSTEM)
    @OidcSecurity(claims = @Claim(key = "province", value = "VN-54"))
    void aMergedAwayProvincesInspectorateOpensBeforeFirstJuly2025AndIsRefusedAfterNamingItsSuccessor() {
        open("TTT-54", "DR-54-1", "2025-06-30", "DR-E54", "VN-54").then().statusCode(201)
                .body("provinceCode", equalTo("VN-54"));
        open("TTT-54", "DR-54-2", "2026-01-12", "DR-E54", "VN-54").then().statusCode(422)
                .contentType("application/problem+json")
                .body("detail", containsString("ended on 2025-06-30"))
                .body("detail", containsString("Its successor is TTT-BN"))
                .body("errors.field", hasItems("decisionDate", "bodyCode"))
                .body("errors.find { it.field == 'bodyCode' }.message", containsString("TTT-BN"));
        given().get("/api/v1/inspections?size=200").then().statusCode(200).body("items.decisionNumber", hasItem("DR-54-1"))
                .body("items.findAll { it.decisionNumber == 'DR-54-2' }", hasSize(0));
    }

    @Test
    @TestSecurity(user = "bn-system", roles = Roles.PROVINCIAL_SYSTEM)
    @OidcSecurity(claims = @Claim(key = "province", value = "VN-56"))
    void aProvinceCodeIsCheckedAgainstTheDecisionDateAndAMergedOneNamesTheUnitThatTookItOver() {
        open("TTT-BN", "DR-BN-1", "2026-01-12", "DR-EBN", "VN-56").then().statusCode(201);
        open("TTT-BN", "DR-BN-2", "2026-01-12", "DR-EBG", "VN-54").then().statusCode(422)
                .body("errors[0].field", equalTo("entity.provinceCode"))
                .body("errors[0].message", containsString("part of VN-56"));
        open("TTT-BN", "DR-BN-3", "2026-01-12", "DR-EXX", "VN-99").then().statusCode(422)
                .body("errors[0].field", equalTo("entity.provinceCode"))
                .body("errors[0].message", equalTo("unknown province code VN-99"));
        // the same refusal in Vietnamese, the language of a request that asks for none
        given().contentType(ContentType.JSON)
                .body(Requests.open("TTT-BN", "DR-BN-3", "2026-01-12", Requests.typeOn("2026-01-12", "SPECIALIZED"),
                        "LAND", Requests.entity("DR-EXX", "ENTERPRISE", "VN-99"), Map.of()))
                .post("/api/v1/inspections").then().statusCode(422).header("Content-Language", "vi")
                .body("title", equalTo("Yêu cầu không xử lý được"))
                .body("detail", equalTo("Không thể dùng tỉnh VN-99 cho ngày 2026-01-12: mã tỉnh VN-99 không tồn tại."))
                .body("errors[0].message", equalTo("mã tỉnh VN-99 không tồn tại"));
    }

    @Test
    @TestSecurity(user = "bn-system", roles = Roles.PROVINCIAL_SYSTEM)
    @OidcSecurity(claims = @Claim(key = "province", value = "VN-56"))
    void theServicesOwnConstraintsSpeakTheRequestsLanguage() {
        Map<String, Object> lowercaseSubject = Requests.open("TTT-BN", "DR-BN-4", "2026-01-12",
                Requests.typeOn("2026-01-12", "SPECIALIZED"), "land", Requests.entity("DR-EBN", "ENTERPRISE", "VN-56"),
                Map.of());
        given().contentType(ContentType.JSON).body(lowercaseSubject).post("/api/v1/inspections").then()
                .statusCode(400).body("errors[0].field", equalTo("subject"))
                .body("errors[0].message", equalTo("phải là mã nội dung thanh tra, ví dụ LAND"));
        given().header("Accept-Language", "en").contentType(ContentType.JSON).body(lowercaseSubject)
                .post("/api/v1/inspections").then().statusCode(400)
                .body("errors[0].message", equalTo("must be a subject code, e.g. LAND"));
    }

    @Test
    @TestSecurity(user = "bg-system", roles = Roles.PROVINCIAL_SYSTEM)
    @OidcSecurity(claims = @Claim(key = "province", value = "VN-54"))
    void aPlanIsRefusedForAYearItsBodyIsNotInForce() {
        int next = LocalDate.now(ZoneOffset.UTC).getYear() + 1;
        given().header("Accept-Language", "en").contentType(ContentType.JSON)
                .body(Map.of("bodyCode", "TTT-54", "year", next))
                .post("/api/v1/inspection-plans").then().statusCode(422)
                .body("detail", containsString("Its successor is TTT-BN"))
                .body("errors.field", hasItems("year", "bodyCode"));
    }

    @Test
    @TestSecurity(user = "analyst", roles = Roles.CENTRAL_ANALYST)
    void theBodiesListShowsTheirDatesAndSuccessors() {
        given().get("/api/v1/inspection-bodies").then().statusCode(200)
                .body("find { it.code == 'TTT-54' }.validTo", equalTo("2025-06-30"))
                .body("find { it.code == 'TTT-54' }.successorCode", equalTo("TTT-BN"))
                .body("find { it.code == 'TTH-HN-BD' }.validTo", equalTo("2025-06-30"))
                .body("find { it.code == 'TT-BCY' }.certainty", equalTo("UNCERTAIN"))
                .body("findAll { it.level == 'PROVINCIAL' && it.validTo == null }", hasSize(34));
    }

    /** Opens an inspection asking for English problems, the texts these tests compare. */
    private static io.restassured.response.Response open(String body, String decision, String date, String entity,
            String province) {
        return given().header("Accept-Language", "en").contentType(ContentType.JSON)
                .body(Requests.open(body, decision, date, Requests.typeOn(date, "SPECIALIZED"), "LAND",
                        Requests.entity(entity, "ENTERPRISE", province), Map.of()))
                .post("/api/v1/inspections");
    }
}
