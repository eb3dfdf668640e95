package vn.inspectorate.declarations;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.hasItem;
import static vn.inspectorate.declarations.Api.declaration;
import static vn.inspectorate.declarations.Api.modest;
import static vn.inspectorate.declarations.Api.register;
import static vn.inspectorate.declarations.Api.submit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import vn.inspectorate.testsupport.KafkaResource;
import vn.inspectorate.testsupport.PostgresResource;

/** Every detail read leaves exactly one row; the log cannot be changed; only central roles review it. */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccessLogTest {

    static String declarationId;

    @Inject
    EntityManager em;

    long rows(String declaration) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from declaration_access_log where declaration_id = ?1")
                .setParameter(1, UUID.fromString(declaration)).getSingleResult()).longValue());
    }

    @Test
    @Order(1)
    @TestSecurity(user = "controller-btp", roles = "asset-controller")
    @OidcSecurity(claims = @Claim(key = "agency", value = "BTP"))
    void eachDetailReadWritesExactlyOneRow() {
        String declarant = register("BTP", "VN-DN").getString("id");
        declarationId = submit(declaration(declarant, "ANNUAL", 2025, LocalDate.of(2025, 12, 1), null,
                modest(1_000_000_000L, 800_000_000L))).getString("id");
        assertThat(rows(declarationId)).isZero();

        given().get("/api/v1/declarations/" + declarationId).then().statusCode(400)
                .body("errors.field", hasItem("purpose"));
        assertThat(rows(declarationId)).isZero();

        given().header("X-Access-Purpose", "annual review").get("/api/v1/declarations/" + declarationId)
                .then().statusCode(200).body("summary.id", equalTo(declarationId))
                .body("items.size()", equalTo(3));
        assertThat(rows(declarationId)).isEqualTo(1);
        given().queryParam("purpose", "verification preparation").get("/api/v1/declarations/" + declarationId)
                .then().statusCode(200);
        assertThat(rows(declarationId)).isEqualTo(2);
        // summaries are not detail reads
        given().get("/api/v1/declarations/" + declarationId + "/summary").then().statusCode(200);
        assertThat(rows(declarationId)).isEqualTo(2);
    }

    @Test
    @Order(2)
    @TestSecurity(user = "controller-other", roles = "asset-controller")
    @OidcSecurity(claims = {@Claim(key = "agency", value = "BNG"), @Claim(key = "province", value = "VN-HP")})
    void anotherAgencysControllerGetsNotFoundAndLeavesNoRow() {
        given().header("X-Access-Purpose", "curiosity").get("/api/v1/declarations/" + declarationId)
                .then().statusCode(404);
        given().get("/api/v1/declarations/" + declarationId + "/summary").then().statusCode(404);
        assertThat(rows(declarationId)).isEqualTo(2);
        given().get("/api/v1/access-log").then().statusCode(403);
        given().get("/api/v1/declarations?agency=BTP").then().statusCode(200).body("items.size()", equalTo(0));
        given().get("/api/v1/declarants?agency=BTP").then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    @Order(3)
    @TestSecurity(user = "central-controller", roles = "asset-controller")
    @OidcSecurity(claims = @Claim(key = "agency", value = "TTCP"))
    void centralControllerReadsAnyDeclarationAndReviewsTheLog() {
        given().header("X-Access-Purpose", "national audit").get("/api/v1/declarations/" + declarationId)
                .then().statusCode(200);
        assertThat(rows(declarationId)).isEqualTo(3);
        given().queryParam("declarationId", declarationId).get("/api/v1/access-log").then().statusCode(200)
                .body("items.size()", equalTo(3))
                .body("items[0].subject", equalTo("controller-btp"))
                .body("items[0].purpose", equalTo("annual review"))
                .body("items[2].role", equalTo("asset-controller (central)"));
        // a page at a time, oldest first: the next page starts after the last read shown
        String next = given().queryParam("declarationId", declarationId).queryParam("size", 2)
                .get("/api/v1/access-log").then().statusCode(200).body("items.size()", equalTo(2))
                .body("items[0].purpose", equalTo("annual review")).extract().path("next");
        given().queryParam("declarationId", declarationId).queryParam("size", 2).queryParam("after", next)
                .get("/api/v1/access-log").then().statusCode(200).body("items.size()", equalTo(1))
                .body("items[0].role", equalTo("asset-controller (central)")).body("next", nullValue());
    }

    @Test
    @Order(4)
    @TestSecurity(user = "inspector", roles = "inspector")
    void otherRolesMayNotReadDetail() {
        given().header("X-Access-Purpose", "x").get("/api/v1/declarations/" + declarationId).then().statusCode(403);
        assertThat(rows(declarationId)).isEqualTo(3);
    }

    @Test
    @Order(5)
    void theLogIsAppendOnlyInTheDatabase() {
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update declaration_access_log set purpose = 'nothing' where declaration_id = ?1")
                .setParameter(1, UUID.fromString(declarationId)).executeUpdate()))
                .hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "delete from declaration_access_log where declaration_id = ?1")
                .setParameter(1, UUID.fromString(declarationId)).executeUpdate()))
                .hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "truncate declaration_access_log").executeUpdate()))
                .hasStackTraceContaining("append-only");
        assertThat(rows(declarationId)).isEqualTo(3);
    }

    @Test
    @Order(6)
    @TestSecurity(user = "controller-danang", roles = "asset-controller")
    @OidcSecurity(claims = @Claim(key = "province", value = "VN-DN"))
    void aProvincialControllerReadsItsProvincesDeclarations() {
        given().header("X-Access-Purpose", "provincial review").get("/api/v1/declarations/" + declarationId)
                .then().statusCode(200);
        assertThat(rows(declarationId)).isEqualTo(4);
        given().get("/api/v1/declarations?agency=BTP").then().statusCode(200).body("items.id", hasItem(declarationId));
    }

    static String declarantId;

    long identityReads(String declarant) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from declaration_access_log where declarant_id = ?1")
                .setParameter(1, UUID.fromString(declarant)).getSingleResult()).longValue());
    }

    @Test
    @Order(7)
    @TestSecurity(user = "controller-btp", roles = "asset-controller")
    @OidcSecurity(claims = @Claim(key = "agency", value = "BTP"))
    void eachIdentityReadOfADeclarantWritesExactlyOneRowWithItsPurpose() {
        declarantId = register("BTP", "VN-DN").getString("id");
        // no purpose: the summary, no identities, nothing logged
        given().get("/api/v1/declarants/" + declarantId).then().statusCode(200)
                .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("citizenId")));
        assertThat(identityReads(declarantId)).isZero();
        given().header("X-Access-Purpose", "x".repeat(501)).get("/api/v1/declarants/" + declarantId).then()
                .statusCode(400).body("errors.field", hasItem("purpose"));
        assertThat(identityReads(declarantId)).isZero();
        given().header("X-Access-Purpose", "appointment file check").get("/api/v1/declarants/" + declarantId).then()
                .statusCode(200).body("citizenId", org.hamcrest.Matchers.matchesPattern("[0-9]{12}"));
        assertThat(identityReads(declarantId)).isEqualTo(1);
        given().queryParam("purpose", "verification preparation").get("/api/v1/declarants/" + declarantId).then()
                .statusCode(200).body("fullName", org.hamcrest.Matchers.notNullValue());
        assertThat(identityReads(declarantId)).isEqualTo(2);
    }

    @Test
    @Order(8)
    @TestSecurity(user = "analyst", roles = "central-analyst")
    void othersGetTheSummaryWhateverTheyStateAndTheLogShowsTheIdentityReads() {
        given().header("X-Access-Purpose", "curiosity").get("/api/v1/declarants/" + declarantId).then()
                .statusCode(200).body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("fullName")));
        assertThat(identityReads(declarantId)).isEqualTo(2);
        given().queryParam("declarantId", declarantId).get("/api/v1/access-log").then().statusCode(200)
                .body("items.size()", equalTo(2))
                .body("items[0].declarantId", equalTo(declarantId))
                .body("items[0].declarationId", org.hamcrest.Matchers.nullValue())
                .body("items[0].subject", equalTo("controller-btp"))
                .body("items[0].purpose", equalTo("appointment file check"))
                .body("items[1].purpose", equalTo("verification preparation"));
        // a declaration's filter does not mix in identity reads
        given().queryParam("declarationId", declarationId).get("/api/v1/access-log").then().statusCode(200)
                .body("items.declarantId", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.nullValue()));
    }
}
