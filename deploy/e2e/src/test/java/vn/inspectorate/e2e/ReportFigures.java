package vn.inspectorate.e2e;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The reporting service's summary as a reader gets it through the gateway: figure name to value. */
public final class ReportFigures {

    /**
     * Every figure of the summary for a period and scope ({@code params}: period, province, body ...), calendar months;
     * null when the answer is not a 200, so a caller polling for a figure simply asks again.
     */
    public static Map<String, Long> summary(String token, Map<String, String> params) {
        return summary(RunningPlatform.get().gatewayUrl(), token, params);
    }

    /** {@link #summary(String, Map)} through the gateway at {@code gateway}, of a platform other than the shared one. */
    public static Map<String, Long> summary(String gateway, String token, Map<String, String> params) {
        RequestSpecification request = given().auth().oauth2(token).queryParam("calendar", "calendar");
        params.forEach(request::queryParam);
        Response response = request.get(gateway + "/api/v1/reports/summary");
        if (response.statusCode() != 200) {
            return null;
        }
        JsonPath summary = response.jsonPath();
        Map<String, Long> values = new LinkedHashMap<>();
        List<Map<String, Object>> figures = summary.getList("figures");
        for (Map<String, Object> figure : figures) {
            if (figure.get("value") instanceof Number value) {
                values.put((String) figure.get("figure"), value.longValue());
            }
        }
        return values;
    }

    /** One figure of {@link #summary}, 0 when the summary has no value for it, -1 when there was no summary. */
    public static long figure(String token, String figure, Map<String, String> params) {
        return figure(RunningPlatform.get().gatewayUrl(), token, figure, params);
    }

    /** {@link #figure(String, String, Map)} through the gateway at {@code gateway}. */
    public static long figure(String gateway, String token, String figure, Map<String, String> params) {
        Map<String, Long> values = summary(gateway, token, params);
        return values == null ? -1 : values.getOrDefault(figure, 0L);
    }

    private ReportFigures() {
    }
}
