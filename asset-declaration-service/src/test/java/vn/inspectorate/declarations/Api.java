package vn.inspectorate.declarations;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** REST shortcuts for the tests; each call runs as the test method's identity. */
public final class Api {

    public static String citizenId() {
        return String.format("%012d", ThreadLocalRandom.current().nextLong(1_000_000_000_000L));
    }

    public static Map<String, Object> declarant(String agency, String province, String name, String citizenId) {
        Map<String, Object> body = new HashMap<>();
        body.put("agencyCode", agency);
        body.put("provinceCode", province);
        body.put("position", "Director of Department");
        body.put("rank", "Senior inspector");
        body.put("annualDeclarationRequired", true);
        body.put("appointedOn", "2020-01-15");
        body.put("fullName", name);
        body.put("citizenId", citizenId);
        body.put("address", "12 Hang Bai, Hoan Kiem");
        body.put("familyMembers", List.of(Map.of("relation", "SPOUSE", "fullName", name + " Spouse",
                "citizenId", citizenId())));
        return body;
    }

    /** Registers a declarant of the agency and province; returns the response's JSON (id, familyMembers[0].id). */
    public static JsonPath register(String agency, String province) {
        return register(declarant(agency, province, "Nguyen Van " + citizenId(), citizenId()));
    }

    public static JsonPath register(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/declarants")
                .then().statusCode(201).extract().jsonPath();
    }

    public static Map<String, Object> item(String category, long value, String acquiredOn) {
        Map<String, Object> item = new HashMap<>();
        item.put("category", category);
        item.put("valueVnd", value);
        if (acquiredOn != null) {
            item.put("acquiredOn", acquiredOn);
        }
        return item;
    }

    public static Map<String, Object> declaration(String declarantId, String kind, int year, LocalDate declaredOn,
            String explanation, List<Map<String, Object>> items) {
        Map<String, Object> body = new HashMap<>();
        body.put("declarantId", declarantId);
        body.put("kind", kind);
        body.put("year", year);
        body.put("declaredOn", declaredOn.toString());
        if (explanation != null) {
            body.put("increaseExplanation", explanation);
        }
        body.put("items", new ArrayList<>(items));
        return body;
    }

    /** Creates and submits; returns the submitted summary. */
    public static JsonPath submit(Map<String, Object> declaration) {
        String id = given().contentType(ContentType.JSON).body(declaration).post("/api/v1/declarations")
                .then().statusCode(201).extract().path("id");
        return given().post("/api/v1/declarations/" + id + "/submission").then().statusCode(200).extract().jsonPath();
    }

    /** A plain declaration: a house on its land and a salary, worth {@code assets} in all. */
    public static List<Map<String, Object>> modest(long assets, long income) {
        return List.of(item("LAND", assets / 2, "2015-03-01"), item("HOUSE", assets - assets / 2, "2016-03-01"),
                item("SALARY", income, null));
    }

    private Api() {
    }
}
