package vn.inspectorate.inspection;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.inspectorate.inspection.support.Requests;
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
class InspectionOpenApiTest extends OpenApiContractTest {


    @Inject
    EntityManager em;

    @Override
    protected String documentName() {
        return "inspection-service";
    }

    @Test
    void namesTheOperationsAndSchemasIntegratorsUse() {
        JsonPath doc = document();
        List<String> ids = doc.getList("paths.collect { it.value.collect { it.value.operationId } }.flatten().findAll { it != null }");
        assertThat(ids).contains("openInspection", "concludeInspection",
                "createInspectionPlan", "settleOverlapConflict", "recordRecoveryPayment", "listInspectionBodies");
        assertThat(doc.getMap("components.schemas")).containsKeys("InspectionConclude", "InspectionClose",
                "InspectionExtend", "InspectionCreatePlan", "InspectionPlanView", "InspectionConclusionItemView")
                .doesNotContainKeys("Conclude", "Close", "Extend", "CreatePlan", "PlanView", "ItemView", "Item");
    }

    @Test
    void limitsAndCreatedAnswersAreDocumented() {
        JsonPath doc = document();
        String open = "paths.'/api/v1/inspections'.post.responses";
        assertThat(doc.getMap(open + ".'201'.headers")).containsKey("Location");
        assertThat(doc.getMap(open)).containsKeys("200", "409", "422");
        assertThat(doc.getInt("components.schemas.OpenInspection.properties.legalBasis.maxLength")).isEqualTo(4000);
        assertThat(doc.getInt("components.schemas.OpenInspection.properties.team.maxItems")).isEqualTo(50);
        assertThat(doc.getInt("components.schemas.InspectionPlanAmend.properties.withdraw.maxItems")).isEqualTo(500);
        assertThat(doc.getInt("components.schemas.InspectionExtend.properties.extraDays.maximum")).isEqualTo(366);
        assertThat(doc.getList("components.schemas.InspectionType.enum")).contains("ADMINISTRATIVE", "SPECIALIZED");
        List<Map<String, Object>> parameters = doc.getList("paths.'/api/v1/inspection-plans'.get.parameters");
        assertThat(parameters).anySatisfy(p -> {
            assertThat(p.get("name")).isEqualTo("year");
            assertThat(p.get("schema")).asString().contains("maximum=2100");
        });
        assertThat(doc.getMap("paths.'/api/v1/inspections/{id}'.get.responses")).containsKeys("200", "404");
        String started = "paths.'/api/v1/inspections/{id}/start'.post.responses.'200'.content.'application/json'";
        assertThat(doc.getString(started + ".schema.$ref")).endsWith("/InspectionView");
    }

    @Test
    @TestSecurity(user = "hn-inspector", roles = Roles.INSPECTOR)
    @OidcSecurity(claims = @Claim(key = "province", value = "VN-HN"))
    void anOpenedInspectionAnswers201WithItsLocation() {
        Map<String, Object> request = Requests.open("TTT-HN", "OA-LOC-1", "2024-03-04", "ADMINISTRATIVE",
                "PUBLIC_DUTIES", Requests.entity("OA-LOC", "PUBLIC_BODY", "VN-HN"), Map.of());
        var created = given().contentType(ContentType.JSON).body(request).post("/api/v1/inspections").then()
                .statusCode(201).extract();
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith("/api/v1/inspections/" + id);
        given().get(created.header("Location")).then().statusCode(200).body("id", equalTo(id));
        given().contentType(ContentType.JSON).body(request).post("/api/v1/inspections").then().statusCode(200)
                .header("Location", endsWith("/api/v1/inspections/" + id));
    }

    @Test
    @TestSecurity(user = "hn-inspector", roles = Roles.INSPECTOR)
    @OidcSecurity(claims = @Claim(key = "province", value = "VN-HN"))
    void overLimitValuesAreProblemsThatWriteNothing() {
        Map<String, Object> longBasis = Requests.open("TTT-HN", "OA-LIM-1", "2024-03-05", "ADMINISTRATIVE",
                "PUBLIC_DUTIES", Requests.entity("OA-LIM", "PUBLIC_BODY", "VN-HN"),
                Map.of("legalBasis", "x".repeat(4001)));
        given().contentType(ContentType.JSON).body(longBasis).post("/api/v1/inspections").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("legalBasis"));
        assertThat(count("select count(*) from inspection where decision_number = 'OA-LIM-1'")).isZero();
        assertThat(count("select count(*) from inspected_entity where code = 'OA-LIM'")).isZero();

        List<String> withdraw = java.util.stream.Stream.generate(() -> UUID.randomUUID().toString()).limit(501).toList();
        given().contentType(ContentType.JSON).body(Map.of("reason", "too many", "withdraw", withdraw))
                .post("/api/v1/inspection-plans/{id}/amendments", UUID.randomUUID()).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("withdraw"));
        given().queryParam("province", "Hà Nội").get("/api/v1/inspections").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("province"));
    }

    private static JsonPath document() {
        return given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200).extract()
                .jsonPath();
    }

    private long count(String sql) {
        return ((Number) em.createNativeQuery(sql).getSingleResult()).longValue();
    }
}
