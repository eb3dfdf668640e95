package vn.inspectorate.declarations;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static vn.inspectorate.declarations.Api.declaration;
import static vn.inspectorate.declarations.Api.modest;
import static vn.inspectorate.declarations.Api.register;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.inspectorate.testsupport.KafkaResource;
import vn.inspectorate.testsupport.PostgresResource;

/**
 * A declarant is registered under a province in force today; a declaration is filed under its declarant's province,
 * which must be in force on the declaration's date (Bac Giang, VN-54, merged into Bac Ninh, VN-56, on 1 July 2025).
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
@TestSecurity(user = "controller-btc", roles = "asset-controller")
@OidcSecurity(claims = {@Claim(key = "agency", value = "BTC"), @Claim(key = "province", value = "VN-HN")})
class DatedProvinceTest {

    @Inject
    EntityManager em;

    @Test
    void aMergedAwayProvinceIsRefusedForANewDeclarantNamingItsSuccessor() {
        given().contentType(ContentType.JSON).header("Accept-Language", "en")
                .body(Api.declarant("BTC", "VN-54", "Le Van Bac", Api.citizenId()))
                .post("/api/v1/declarants").then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("provinceCode"))
                .body("errors[0].message", containsString("part of VN-56"));
        given().contentType(ContentType.JSON).header("Accept-Language", "en")
                .body(Api.declarant("BTC", "VN-99", "Le Van Khong", Api.citizenId()))
                .post("/api/v1/declarants").then().statusCode(422)
                .body("errors[0].message", equalTo("unknown province code VN-99"));
    }

    @Test
    void aDeclarationIsFiledOnlyWhileItsDeclarantsProvinceIsInForce() {
        String declarant = register("BTC", "VN-HN").getString("id");
        // as a declarant registered in Bac Giang before the merger would be
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update declarant set province_code = 'VN-54' where id = ?1")
                .setParameter(1, UUID.fromString(declarant)).executeUpdate());
        given().contentType(ContentType.JSON).body(declaration(declarant, "ANNUAL", 2024, LocalDate.of(2025, 6, 20),
                null, modest(1_000_000_000L, 500_000_000L))).post("/api/v1/declarations").then().statusCode(201);
        given().contentType(ContentType.JSON).header("Accept-Language", "en")
                .body(declaration(declarant, "ANNUAL", 2025, LocalDate.of(2026, 1, 5),
                null, modest(1_000_000_000L, 500_000_000L))).post("/api/v1/declarations").then().statusCode(422)
                .body("errors[0].field", equalTo("declaredOn"))
                .body("errors[0].message", containsString("part of VN-56 (Bắc Ninh) since 2025-07-01"));
    }
}
