package vn.inspectorate.declarations.language;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
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
import io.restassured.specification.RequestSpecification;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.inspectorate.declarations.Api;
import vn.inspectorate.testsupport.KafkaResource;
import vn.inspectorate.testsupport.PostgresResource;

/**
 * The service's problems speak Vietnamese unless the caller asks for English: details, field errors, natural-key
 * conflicts and constraint messages, with numbers written the way each language writes them.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
@TestSecurity(user = "controller-bnv", roles = "asset-controller")
@OidcSecurity(claims = @Claim(key = "agency", value = "BNV"))
class DeclarationLanguageTest {

    static RequestSpecification english() {
        return given().header("Accept-Language", "en");
    }

    @Test
    void notFoundNamesWhatIsMissingInTheCallersLanguage() {
        String id = UUID.randomUUID().toString();
        given().get("/api/v1/declarations/" + id + "/summary").then().statusCode(404)
                .body("type", endsWith("/not-found")).body("title", equalTo("Không tìm thấy"))
                .body("detail", equalTo("Không có bản kê khai " + id + ", hoặc bạn không có quyền xem."));
        english().get("/api/v1/declarations/" + id + "/summary").then().statusCode(404)
                .body("title", equalTo("Not found"))
                .body("detail", equalTo("Declaration " + id + " does not exist or is not yours to see."));
    }

    @Test
    void fieldErrorsAndConstraintMessagesAreTranslated() {
        String declarant = Api.register("BNV", "VN-HN").getString("id");
        Map<String, Object> jobChange = Map.of("kind", "JOB_CHANGE", "occurredOn", "2026-03-01");
        given().contentType(ContentType.JSON).body(jobChange).post("/api/v1/declarants/" + declarant + "/changes")
                .then().statusCode(400).body("type", endsWith("/invalid-request"))
                .body("detail", equalTo("Nội dung biến động không phù hợp với loại biến động."))
                .body("errors.message", contains("bắt buộc đối với thay đổi vị trí công tác: vị trí mới"));
        english().contentType(ContentType.JSON).body(jobChange).post("/api/v1/declarants/" + declarant + "/changes")
                .then().statusCode(400).body("detail", equalTo("The change does not fit its kind."))
                .body("errors.message", contains("required for a job change: the new position"));

        given().queryParam("agency", "b nv").get("/api/v1/declarants").then().statusCode(400)
                .body("errors.message", hasItem("phải là mã cơ quan, đơn vị (A-Z, 0-9, . _ -)"));
        english().queryParam("agency", "b nv").get("/api/v1/declarants").then().statusCode(400)
                .body("errors.message", hasItem("must be an agency code (A-Z, 0-9, . _ -)"));
    }

    @Test
    void itemProblemsCountAndWriteAmountsInEachLanguage() {
        String declarant = Api.register("BNV", "VN-HN").getString("id");
        Map<String, Object> body = Api.declaration(declarant, "ANNUAL", 2025, LocalDate.of(2025, 12, 1), null,
                List.of(Api.item("GOLD", 10_000_000L, "2024-01-10"), Api.item("SALARY", 100_000_000L, null),
                        Api.item("SALARY", 100_000_000L, null)));
        given().contentType(ContentType.JSON).body(body).post("/api/v1/declarations").then().statusCode(422)
                .body("type", endsWith("/invalid-items")).body("title", equalTo("Nội dung kê khai không hợp lệ"))
                .body("detail", equalTo("Danh mục tài sản, thu nhập có 2 lỗi; chưa có nội dung nào được ghi nhận."))
                .body("errors.find { it.field == 'items[0].valueVnd' }.message", containsString("50.000.000 đồng"))
                .body("errors.find { it.field == 'items[2]' }.message", equalTo("trùng với items[1]"));
        english().contentType(ContentType.JSON).body(body).post("/api/v1/declarations").then().statusCode(422)
                .body("title", equalTo("Invalid items"))
                .body("detail", equalTo("The item list has 2 problems; nothing was recorded."))
                .body("errors.find { it.field == 'items[0].valueVnd' }.message",
                        containsString("threshold of 50,000,000 VND in force on 2025-12-01"));
    }

    @Test
    void aNaturalKeyConflictNamesTheRecordAndItsKey() {
        Map<String, Object> person = Api.declarant("BNV", "VN-HN", "Do Van " + Api.citizenId(), Api.citizenId());
        Api.register(person);
        Map<String, Object> moved = new java.util.HashMap<>(person);
        moved.put("position", "Deputy Minister");
        given().contentType(ContentType.JSON).body(moved).post("/api/v1/declarants").then().statusCode(409)
                .body("type", endsWith("/natural-key-conflict")).body("differingFields", contains("position"))
                .body("detail", equalTo("Đã có người có nghĩa vụ kê khai với cùng cơ quan, đơn vị và số định danh "
                        + "cá nhân nhưng khác giá trị (position); bản ghi đó không bị thay đổi và không có bản ghi "
                        + "mới nào được tạo."));
        english().contentType(ContentType.JSON).body(moved).post("/api/v1/declarants").then().statusCode(409)
                .body("detail", equalTo("A declarant with the same agency and citizen identity number already "
                        + "exists with other values (position); it was not changed and nothing was created."));
    }
}
