package vn.inspectorate.platform.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CallerScopeTest {

    @Test
    @TestSecurity(user = "province-hn", roles = Roles.PROVINCIAL_SYSTEM)
    @OidcSecurity(claims = {@Claim(key = "province", value = "VN-HN"), @Claim(key = "sub", value = "sa-province-hn")})
    void provincialCallerSeesOnlyItsProvince() {
        given().get("/scope-probe/VN-HN").then().statusCode(200)
                .body("subject", equalTo("sa-province-hn"))
                .body("province", equalTo("VN-HN"))
                .body("central", equalTo(false))
                .body("maySee", equalTo(true));
        given().get("/scope-probe/VN-NB").then().statusCode(200).body("maySee", equalTo(false));
    }

    @Test
    @TestSecurity(user = "analyst", roles = Roles.CENTRAL_ANALYST)
    void centralCallerSeesEveryProvince() {
        given().get("/scope-probe/VN-NB").then().statusCode(200)
                .body("province", equalTo(""))
                .body("central", equalTo(true))
                .body("maySee", equalTo(true));
    }

    @Test
    @TestSecurity(user = "inspector-without-province", roles = Roles.INSPECTOR)
    void provincialRoleWithoutProvinceClaimSeesNothing() {
        given().get("/scope-probe/VN-HN").then().statusCode(200).body("maySee", equalTo(false));
    }
}
