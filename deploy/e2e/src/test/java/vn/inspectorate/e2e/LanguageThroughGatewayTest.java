package vn.inspectorate.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Vietnamese first, through the gateway with real tokens: every service answers a bad request with a Vietnamese
 * problem when the request asks for nothing or for {@code vi}, and with an English one for {@code en}; reports' labels
 * and export headers likewise, the CSV with a byte-order mark.
 */
class LanguageThroughGatewayTest {

    private static final String MALFORMED = "https://inspectorate.gov.vn/problems/malformed-body";
    private final String gateway = RunningPlatform.get().gatewayUrl();

    private static RequestSpecification as(String token, String language) {
        RequestSpecification r = given().auth().oauth2(token);
        return language == null ? r : r.header("Accept-Language", language);
    }

    @Test
    void everyServiceAnswersABadRequestInTheLanguageAsked() {
        String hanoi = RunningPlatform.clientToken("province-hn");
        String controller = RunningPlatform.userToken("asset-controller");
        String analyst = RunningPlatform.userToken("analyst");
        record Write(String token, String path) {
        }
        // complaints-service, inspection-service, asset-declaration-service: a body that is not JSON
        for (Write w : new Write[] {new Write(hanoi, "/api/v1/cases"), new Write(hanoi, "/api/v1/inspections"),
                new Write(controller, "/api/v1/declarations")}) {
            for (String vi : new String[] {null, "vi", "vi-VN,en;q=0.5", "fr"}) {
                as(w.token(), vi).contentType(ContentType.JSON).body("{\"oops\": ").post(gateway + w.path()).then()
                        .statusCode(400).contentType("application/problem+json").header("Content-Language", "vi")
                        .body("type", equalTo(MALFORMED)).body("title", equalTo("Nội dung yêu cầu sai định dạng"));
            }
            as(w.token(), "en-GB").contentType(ContentType.JSON).body("{\"oops\": ").post(gateway + w.path()).then()
                    .statusCode(400).header("Content-Language", "en")
                    .body("type", equalTo(MALFORMED)).body("title", equalTo("Malformed request body"));
        }
        // reporting-service: a period that does not exist, named in the field error
        as(analyst, null).get(gateway + "/api/v1/reports/summary?period=2024-Q5").then().statusCode(400)
                .body("title", equalTo("Yêu cầu không hợp lệ")).body("errors[0].field", equalTo("period"))
                .body("errors[0].message", containsString("không hợp lệ"));
        as(analyst, "en").get(gateway + "/api/v1/reports/summary?period=2024-Q5").then().statusCode(400)
                .body("title", equalTo("Invalid request")).body("errors[0].message", containsString("unknown period"));
        // the gateway's own refusal
        String partner = RunningPlatform.clientToken("partner-demo");
        as(partner, null).get(gateway + "/api/v1/cases").then().statusCode(403)
                .header("Content-Language", "vi").body("title", equalTo("Không có quyền truy cập"));
        as(partner, "en").get(gateway + "/api/v1/cases").then().statusCode(403).body("title", equalTo("Forbidden"));
        System.out.println("[e2e] language: complaints, inspection, declarations, reporting and the gateway answer "
                + "problems in Vietnamese by default and for vi, in English for en");
    }

    @Test
    void reportLabelsAndExportsAreVietnameseFirst() {
        String analyst = RunningPlatform.userToken("analyst");
        String summary = gateway + "/api/v1/reports/summary?period=2024-Q1&calendar=calendar";
        as(analyst, null).get(summary).then().statusCode(200).header("Content-Language", "vi")
                .body("figures.find { it.figure == 'cases.received' }.label",
                        equalTo("Số đơn đã tiếp nhận (khiếu nại, tố cáo, kiến nghị, phản ánh)"));
        as(analyst, "en").get(summary).then().statusCode(200).header("Content-Language", "en")
                .body("figures.find { it.figure == 'cases.received' }.label",
                        equalTo("Cases received (complaints, denunciations, petitions)"));

        String csv = gateway + "/api/v1/reports/national?period=2024-Q1&calendar=calendar&format=csv";
        Response vi = as(analyst, null).get(csv);
        assertThat(vi.statusCode()).isEqualTo(200);
        byte[] bytes = vi.asByteArray();
        assertThat(Arrays.copyOf(bytes, 3)).isEqualTo(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        assertThat(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8))
                .startsWith("Phần,Mã chỉ tiêu,Chỉ tiêu,Đơn vị tính,Giá trị,Cùng kỳ năm trước,Tăng/giảm (%)");
        byte[] en = as(analyst, "en").get(csv + "&bom=false").then().statusCode(200).extract().asByteArray();
        assertThat(new String(en, StandardCharsets.UTF_8))
                .startsWith("section,figure,label,unit,value,previous_value,change_percent");
        System.out.println("[e2e] language: report labels and CSV headers in Vietnamese (with a byte-order mark) "
                + "and in English");
    }
}
