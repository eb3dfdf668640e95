package vn.inspectorate.complaints;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Test helper: builds case submissions and calls the API as the current test identity. */
public final class Cases {

    private Cases() {
    }

    /** A signed complaint from an identified person in Hanoi, received on {@code receivedOn}. */
    public static Map<String, Object> complaint(LocalDate receivedOn) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sourceSystem", "hn-portal");
        body.put("sourceReference", "ref-" + UUID.randomUUID());
        body.put("provinceCode", "VN-HN");
        body.put("receivingBodyCode", "HN-INSPECTORATE");
        body.put("channel", "LETTER");
        body.put("kind", "COMPLAINT");
        body.put("receivedOn", receivedOn.toString());
        body.put("subject", "Land recovery compensation decision " + UUID.randomUUID());
        body.put("complainant", person("Nguyen Van " + UUID.randomUUID().toString().substring(0, 8)));
        return body;
    }

    public static Map<String, Object> denunciation(LocalDate receivedOn) {
        Map<String, Object> body = complaint(receivedOn);
        body.put("kind", "DENUNCIATION");
        body.put("subject", "Official took money for land allocation " + UUID.randomUUID());
        return body;
    }

    public static Map<String, Object> person(String name) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("fullName", name);
        p.put("idNumber", "0010" + Math.abs(name.hashCode()));
        p.put("address", "12 Hang Bac, Hoan Kiem");
        return p;
    }

    public static ValidatableResponse post(Object body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/api/v1/cases").then();
    }

    /** Files a case asking for problems in {@code language} ("en", "vi"). */
    public static ValidatableResponse postIn(String language, Object body) {
        return given().header("Accept-Language", language).contentType(ContentType.JSON).body(body).when()
                .post("/api/v1/cases").then();
    }

    public static String create(Object body) {
        return post(body).statusCode(201).extract().path("id");
    }

    public static ValidatableResponse command(String id, String command, Object body) {
        return given().contentType(ContentType.JSON).body(body).when()
                .post("/api/v1/cases/" + id + "/" + command).then();
    }

    public static ValidatableResponse get(String id) {
        return given().when().get("/api/v1/cases/" + id).then();
    }

    public static Map<String, Object> map(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }
}
