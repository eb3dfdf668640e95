package vn.inspectorate.declarations;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static vn.inspectorate.declarations.Api.declaration;
import static vn.inspectorate.declarations.Api.modest;
import static vn.inspectorate.declarations.Api.register;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.inspectorate.platform.security.Roles;
import vn.inspectorate.testsupport.KafkaResource;
import vn.inspectorate.testsupport.PostgresResource;
import vn.inspectorate.testsupport.openapi.OpenApiContractTest;

/**
 * The served OpenAPI document is the committed one, names every operation and states the limits the service enforces.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
class DeclarationOpenApiTest extends OpenApiContractTest {


    @Inject
    EntityManager em;

    @Override
    protected String documentName() {
        return "asset-declaration-service";
    }

    @Test
    void namesTheOperationsAndSchemasIntegratorsUse() {
        JsonPath doc = document();
        List<String> ids = doc.getList("paths.collect { it.value.collect { it.value.operationId } }.flatten().findAll { it != null }");
        assertThat(ids).contains("registerDeclarant", "createDeclaration",
                "submitDeclaration", "getDeclaration", "concludeVerification", "createVerificationPlan");
        assertThat(doc.getMap("components.schemas")).containsKeys("DeclarationVerificationConclude",
                "DeclarationVerificationCreatePlan", "DeclarationVerificationPlanView", "DeclarationItemView",
                "DeclarationAccessLogEntry", "DeclarationReminderOutcome")
                .doesNotContainKeys("Conclude", "CreatePlan", "PlanView", "ItemView", "Entry", "Outcome");
    }

    @Test
    void limitsAndCreatedAnswersAreDocumented() {
        JsonPath doc = document();
        for (String path : List.of("/api/v1/declarants", "/api/v1/declarations", "/api/v1/verification-plans",
                "/api/v1/declarations/{id}/verifications")) {
            assertThat(doc.getMap("paths.'" + path + "'.post.responses.'201'.headers")).as(path)
                    .containsKey("Location");
        }
        assertThat(doc.getMap("paths.'/api/v1/declarants'.post.responses")).containsKeys("200", "409");
        String items = "components.schemas.CreateDeclaration.properties.items";
        assertThat(doc.getInt(items + ".maxItems")).isEqualTo(500);
        String item = "components.schemas.DeclarationItemInput.properties";
        assertThat(doc.getInt(item + ".description.maxLength")).isEqualTo(4000);
        assertThat(doc.getLong(item + ".valueVnd.maximum"))
                .isEqualTo(1_000_000_000_000_000L);
        assertThat(doc.getString("components.schemas.RegisterDeclarant.properties.citizenId.pattern")).isNotBlank();
        assertThat(doc.getList("components.schemas.DeclarationItemCategory.enum")).contains("LAND", "SALARY");
        assertThat(doc.getMap("paths.'/api/v1/declarations/{id}'.get.responses")).containsKeys("200", "404");
    }

    @Test
    @TestSecurity(user = "controller-oa", roles = Roles.ASSET_CONTROLLER)
    @OidcSecurity(claims = @Claim(key = "agency", value = "BOA"))
    void createdRecordsAnswerTheirLocation() {
        Map<String, Object> registration = Api.declarant("BOA", "VN-HN", "Tran Van Oa", Api.citizenId());
        var registered = given().contentType(ContentType.JSON).body(registration).post("/api/v1/declarants").then()
                .statusCode(201).extract();
        String declarant = registered.path("id");
        assertThat(registered.header("Location")).endsWith("/api/v1/declarants/" + declarant);
        given().get(registered.header("Location")).then().statusCode(200).body("id", equalTo(declarant));
        given().contentType(ContentType.JSON).body(registration).post("/api/v1/declarants").then().statusCode(200)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/v1/declarants/" + declarant));

        var created = given().contentType(ContentType.JSON).body(declaration(declarant, "ANNUAL", 2025,
                LocalDate.of(2025, 12, 1), null, modest(1_000_000_000L, 500_000_000L))).post("/api/v1/declarations")
                .then().statusCode(201).extract();
        assertThat(created.header("Location")).endsWith("/api/v1/declarations/" + created.path("id"));
    }

    @Test
    @TestSecurity(user = "controller-oa", roles = Roles.ASSET_CONTROLLER)
    @OidcSecurity(claims = @Claim(key = "agency", value = "BOA"))
    void overLimitValuesAreProblemsThatWriteNothing() {
        String declarant = register("BOA", "VN-HN").getString("id");
        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < 501; i++) {
            tooMany.add(Api.item("SALARY", 1_000_000L + i, null));
        }
        given().contentType(ContentType.JSON).body(declaration(declarant, "ANNUAL", 2025, LocalDate.of(2025, 12, 1),
                null, tooMany)).post("/api/v1/declarations").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("items"));
        Map<String, Object> huge = Api.item("LAND", 1_000_000_000_000_001L, "2015-03-01");
        given().contentType(ContentType.JSON).body(declaration(declarant, "ANNUAL", 2025, LocalDate.of(2025, 12, 1),
                null, List.of(huge))).post("/api/v1/declarations").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("items[0].valueVnd"));
        assertThat(count(declarant)).isZero();

        given().queryParam("agency", "bộ tư pháp").get("/api/v1/declarations").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("agency"));
        given().queryParam("year", 1999).get("/api/v1/declarations").then().statusCode(400)
                .body("errors.field", hasItem("year"));
        given().queryParam("purpose", "p".repeat(501)).get("/api/v1/declarations/{id}", declarant).then()
                .statusCode(400).body("errors.field", hasItem("purpose"));
        given().queryParam("declarantId", declarant).get("/api/v1/declarations").then().statusCode(200)
                .body("items.size()", equalTo(0));
    }

    private static JsonPath document() {
        return given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200).extract()
                .jsonPath();
    }

    private long count(String declarantId) {
        return ((Number) em.createNativeQuery("select count(*) from declaration where declarant_id = ?1")
                .setParameter(1, java.util.UUID.fromString(declarantId)).getSingleResult()).longValue();
    }
}
