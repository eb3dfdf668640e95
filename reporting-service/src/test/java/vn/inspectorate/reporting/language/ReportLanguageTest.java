package vn.inspectorate.reporting.language;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.Test;
import vn.inspectorate.platform.security.Roles;
import vn.inspectorate.testsupport.KafkaResource;
import vn.inspectorate.testsupport.PostgresResource;

/** Report labels, notes, export headers and problems are Vietnamese unless the request prefers English. */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
@TestSecurity(user = "analyst", roles = Roles.CENTRAL_ANALYST)
class ReportLanguageTest {

    private static final String NATIONAL = "/api/v1/reports/national?period=2022-Q1&calendar=calendar";
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    @Test
    void labelsAreVietnameseByDefaultAndEnglishOnRequest() {
        given().get("/api/v1/reports/summary?period=2022-Q1&calendar=calendar").then().statusCode(200)
                .header("Content-Language", "vi").header("Vary", containsString("Accept-Language"))
                .body("figures.find { it.figure == 'cases.received' }.label",
                        equalTo("Số đơn đã tiếp nhận (khiếu nại, tố cáo, kiến nghị, phản ánh)"))
                .body("figures.find { it.figure == 'cases.received' }.unit", equalTo("COUNT"));
        given().header("Accept-Language", "fr;q=0.9, en;q=0.8, vi;q=0.1")
                .get("/api/v1/reports/summary?period=2022-Q1&calendar=calendar").then().statusCode(200)
                .header("Content-Language", "en")
                .body("figures.find { it.figure == 'cases.received' }.label",
                        equalTo("Cases received (complaints, denunciations, petitions)"));
        given().get("/api/v1/reports/figures").then().statusCode(200)
                .body("find { it.figure == 'cases.overdue_now' }.label",
                        equalTo("Số vụ việc đang giải quyết đã quá hạn hiện nay"));
        given().header("Accept-Language", "en").get("/api/v1/reports/breakdown?figure=cases.received&by=kind"
                + "&period=2022-Q1&calendar=calendar").then().statusCode(200)
                .body("label", equalTo("Cases received (complaints, denunciations, petitions)"));
    }

    @Test
    void aPastPeriodsNowFiguresSayWhenTheyWereRead() {
        String today = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")
                .format(vn.inspectorate.platform.time.VietnamTime.today());
        given().get("/api/v1/reports/summary?period=2022-Q1&calendar=calendar").then().statusCode(200)
                .body("figures.find { it.figure == 'cases.overdue_now' }.note",
                        equalTo("Số liệu hiện trạng tại thời điểm đọc (" + today + "), không phải số liệu của kỳ báo cáo."))
                .body("figures.find { it.figure == 'cases.received' }.note", org.hamcrest.Matchers.nullValue());
        given().header("Accept-Language", "en").get("/api/v1/reports/summary?period=2022-Q1&calendar=calendar").then()
                .statusCode(200).body("figures.find { it.figure == 'cases.overdue_now' }.note",
                        containsString("not a figure of the period"));
    }

    @Test
    void csvStartsWithAByteOrderMarkUnlessAskedNotTo() {
        Response vi = given().get(NATIONAL + "&format=csv");
        assertThat(vi.statusCode()).isEqualTo(200);
        assertThat(vi.header("Content-Language")).isEqualTo("vi");
        byte[] bytes = vi.asByteArray();
        assertThat(Arrays.copyOf(bytes, 3)).isEqualTo(BOM);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertThat(text).startsWith("Phần,Mã chỉ tiêu,Chỉ tiêu,Đơn vị tính,Giá trị,Cùng kỳ năm trước,Tăng/giảm (%)\r\n");
        assertThat(text).contains("\r\nBảng tổng hợp,inspections.conclusions,Số kết luận thanh tra đã ban hành,"
                + "Số lượng,");

        byte[] plain = given().header("Accept-Language", "en").get(NATIONAL + "&format=csv&bom=false").then()
                .statusCode(200).extract().asByteArray();
        assertThat(new String(plain, StandardCharsets.UTF_8))
                .startsWith("section,figure,label,unit,value,previous_value,change_percent\r\n")
                .contains("\r\nheadline,inspections.conclusions,Conclusions issued,count,");
    }

    @Test
    void xlsxSheetsAndHeadersFollowTheLanguage() throws Exception {
        byte[] vi = given().get(NATIONAL + "&format=xlsx").then().statusCode(200).extract().asByteArray();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(vi))) {
            assertThat(wb.getFirstSheet().getName()).isEqualTo("Tổng hợp");
            java.util.Map<Integer, org.dhatim.fastexcel.reader.Row> rows = new java.util.HashMap<>();
            wb.getFirstSheet().read().forEach(r -> rows.put(r.getRowNum() - 1, r));
            assertThat(rows.get(0).getCellText(0)).startsWith("Báo cáo công tác thanh tra kỳ 2022-Q1");
            assertThat(rows.get(3).getCellText(1)).isEqualTo("Chỉ tiêu");
            assertThat(rows.get(3).getCellText(2)).isEqualTo("Đơn vị tính");
        }
        byte[] en = given().header("Accept-Language", "en-GB").get(NATIONAL + "&format=xlsx").then().statusCode(200)
                .extract().asByteArray();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(en))) {
            assertThat(wb.getFirstSheet().getName()).isEqualTo("Headline");
        }
    }

    @Test
    void problemsOfTheReportsAreVietnameseByDefault() {
        given().get("/api/v1/reports/summary?period=2024-Q5").then().statusCode(400)
                .header("Content-Language", "vi")
                .body("title", equalTo("Yêu cầu không hợp lệ"))
                .body("detail", equalTo("Yêu cầu có 1 tham số không hợp lệ."))
                .body("errors[0].message", equalTo("kỳ “2024-Q5” không hợp lệ; dùng YYYY, YYYY-Hn, YYYY-Qn hoặc YYYY-MM"));
        given().header("Accept-Language", "en").get("/api/v1/reports/summary?period=2024-Q5").then().statusCode(400)
                .body("title", equalTo("Invalid request"))
                .body("detail", equalTo("The request has 1 invalid parameter."))
                .body("errors[0].message", equalTo("unknown period '2024-Q5'; use YYYY, YYYY-Hn, YYYY-Qn or YYYY-MM"));
        given().get("/api/v1/reports/publications/" + java.util.UUID.randomUUID()).then().statusCode(404)
                .body("title", equalTo("Không tìm thấy"))
                .body("detail", containsString("Không có báo cáo đã công bố"));
    }
}
