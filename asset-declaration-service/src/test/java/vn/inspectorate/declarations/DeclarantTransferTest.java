package vn.inspectorate.declarations;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static vn.inspectorate.declarations.Api.declaration;
import static vn.inspectorate.declarations.Api.modest;
import static vn.inspectorate.declarations.Api.submit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import vn.inspectorate.testsupport.KafkaResource;
import vn.inspectorate.testsupport.PostgresResource;

/**
 * A person another agency holds is registered like anyone new; the move between the agencies is a pending transfer
 * that only a central controller sees and confirms, after which the new registration carries the person's history.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeclarantTransferTest {

    static final String CITIZEN = Api.citizenId();
    static String before;
    static String after;
    static String earlierDeclaration;
    static String transfer;

    @Inject
    EntityManager em;

    long count(String sql, String id) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql)
                .setParameter(1, UUID.fromString(id)).getSingleResult()).longValue());
    }

    static Map<String, Object> person(String agency) {
        Map<String, Object> body = Api.declarant(agency, "VN-HN", "Tran Thi Chuyen", CITIZEN);
        body.put("familyMembers", java.util.List.of());
        return body;
    }

    @Test
    @Order(1)
    @TestSecurity(user = "controller-bnv", roles = "asset-controller")
    @OidcSecurity(claims = @Claim(key = "agency", value = "BNV"))
    void theFirstAgencyRegistersThePersonAndFiles() {
        before = Api.register(person("BNV")).getString("id");
        earlierDeclaration = submit(declaration(before, "ANNUAL", 2025, LocalDate.of(2025, 12, 1), null,
                modest(2_000_000_000L, 500_000_000L))).getString("id");
    }

    @Test
    @Order(2)
    @TestSecurity(user = "controller-byt", roles = "asset-controller")
    @OidcSecurity(claims = @Claim(key = "agency", value = "BYT"))
    void aSecondAgencyRegistersThePersonAsAnyNewOneAndItsRetryCreatesNothing() {
        Response held = given().contentType(ContentType.JSON).body(person("BYT")).post("/api/v1/declarants");
        held.then().statusCode(201).body("agencyCode", equalTo("BYT"));
        after = held.jsonPath().getString("id");
        assertThat(after).isNotEqualTo(before);
        // the same answer as for a person nobody holds: same fields, nothing about the other agency
        JsonPath fresh = Api.register("BYT", "VN-HN");
        assertThat(held.jsonPath().getMap("$").keySet()).isEqualTo(fresh.getMap("$").keySet());
        assertThat(held.asString()).doesNotContain("BNV").doesNotContain(before);
        assertThat(held.header("Location")).endsWith("/api/v1/declarants/" + after);
        given().contentType(ContentType.JSON).body(person("BYT")).post("/api/v1/declarants").then().statusCode(200)
                .body("id", equalTo(after));
        assertThat(count("select count(*) from declarant_transfer where to_declarant_id = ?1", after)).isEqualTo(1);
        // the pending move is for central controllers only
        given().get("/api/v1/declarants/transfers").then().statusCode(403);
    }

    @Test
    @Order(3)
    @TestSecurity(user = "central-controller", roles = "asset-controller")
    @OidcSecurity(claims = @Claim(key = "agency", value = "TTCP"))
    void aCentralControllerConfirmsTheMoveOnceAndItIsRecorded() {
        JsonPath pending = given().queryParam("state", "PENDING").get("/api/v1/declarants/transfers").then()
                .statusCode(200).extract().jsonPath();
        transfer = pending.getString("items.find { it.toDeclarantId == '" + after + "' }.id");
        assertThat(transfer).isNotNull();
        assertThat(pending.getString("items.find { it.id == '" + transfer + "' }.fromDeclarantId")).isEqualTo(before);
        assertThat(pending.getString("items.find { it.id == '" + transfer + "' }.fromAgencyCode")).isEqualTo("BNV");
        assertThat(pending.prettify()).doesNotContain("Tran Thi Chuyen").doesNotContain(CITIZEN);

        LocalDate movedOn = LocalDate.of(2026, 3, 2);
        given().contentType(ContentType.JSON).body(Map.of("transferredOn", movedOn.toString()))
                .post("/api/v1/declarants/transfers/" + transfer + "/confirmation").then().statusCode(200)
                .body("state", equalTo("CONFIRMED")).body("transferredOn", equalTo(movedOn.toString()))
                .body("confirmedBy", equalTo("central-controller"));
        given().contentType(ContentType.JSON).body(Map.of("transferredOn", movedOn.toString()))
                .post("/api/v1/declarants/transfers/" + transfer + "/confirmation").then().statusCode(200)
                .body("state", equalTo("CONFIRMED"));
        given().contentType(ContentType.JSON).body(Map.of("transferredOn", "2026-04-01"))
                .post("/api/v1/declarants/transfers/" + transfer + "/confirmation").then().statusCode(409)
                .body("type", endsWith("/natural-key-conflict"));
        given().contentType(ContentType.JSON).body(Map.of("transferredOn", movedOn.toString()))
                .post("/api/v1/declarants/transfers/" + UUID.randomUUID() + "/confirmation").then().statusCode(404);
        // the move is a job change of the new registration, recorded once
        assertThat(count("select count(*) from declarant_change where declarant_id = ?1 and kind = 'JOB_CHANGE'",
                after)).isEqualTo(1);
        given().queryParam("state", "CONFIRMED").get("/api/v1/declarants/transfers").then().statusCode(200)
                .body("items.find { it.id == '" + transfer + "' }.confirmedBy", equalTo("central-controller"));
    }

    @Test
    @Order(4)
    @TestSecurity(user = "controller-byt", roles = "asset-controller")
    @OidcSecurity(claims = @Claim(key = "agency", value = "BYT"))
    void theNewAgencysDeclarationsBuildOnTheHistoryFiledAtTheOldOne() {
        JsonPath next = submit(declaration(after, "ANNUAL", 2026, LocalDate.of(2026, 12, 1), null,
                modest(2_100_000_000L, 500_000_000L)));
        assertThat(next.getString("previousDeclarationId")).isEqualTo(earlierDeclaration);
        assertThat(next.getLong("assetChangeVnd")).isEqualTo(100_000_000L);
    }

    @Test
    @Order(5)
    @TestSecurity(user = "controller-bnv", roles = "asset-controller")
    @OidcSecurity(claims = @Claim(key = "agency", value = "BNV"))
    void theOldAgencyExpectsNothingFromTheYearOfTheMove() {
        given().queryParam("year", 2026).queryParam("asOf", "2027-02-01")
                .queryParam("size", 200)
                .get("/api/v1/agencies/BNV/overdue-declarations").then().statusCode(200)
                .body("items.declarantId", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(before)));
        given().queryParam("year", 2025).queryParam("asOf", "2026-02-01")
                .queryParam("size", 200)
                .get("/api/v1/agencies/BNV/overdue-declarations").then().statusCode(200)
                .body("items.declarantId", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(before)));
    }
}
