package vn.inspectorate.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A case Ha Noi transfers to the Ninh Binh provincial inspectorate arrives in Ninh Binh's queue through the events,
 * as a case of Ninh Binh's own: Ninh Binh's provincial system lists it, its inspector handles it and reads the
 * complainant's identity (logged in the case's history, which the gateway serves), and Ha Noi keeps its transferred
 * case with the receiving case as a reference that follows its status. A transfer to a body that ended is refused.
 */
class TransferThroughGatewayTest {

    static final String NOT_DELIVERABLE = "https://inspectorate.gov.vn/problems/transfer-not-deliverable";

    private final String gateway = RunningPlatform.get().gatewayUrl();
    private final String today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).toString();

    @Test
    void aCaseTransferredFromHaNoiArrivesInNinhBinhsQueueAndHaNoiKeepsTheReference() {
        String hanoiSystem = RunningPlatform.clientToken("province-hn");
        String ninhBinhSystem = RunningPlatform.clientToken("province-nb");
        String hanoiInspector = RunningPlatform.userToken("inspector-hn");
        String ninhBinhInspector = RunningPlatform.userToken("inspector-nb");
        String name = "Le Van Chuyen " + UUID.randomUUID().toString().substring(0, 8);

        String sending = post(hanoiSystem, "/api/v1/cases", complaint(name), 201).path("id");
        post(hanoiInspector, "/api/v1/cases/" + sending + "/classify", Map.of("kind", "COMPLAINT"), 200);
        post(hanoiInspector, "/api/v1/cases/" + sending + "/transfer", Map.of("toBodyCode", "TTT-NB",
                "reasonCode", "NOT_COMPETENT"), 200).then().body("status", equalTo("TRANSFERRED"));

        // the transfer arrives: Ha Noi's case names the receiving case, in Ninh Binh, at its inspectorate
        Response reference = Eventually.poll("the transfer of " + sending + " arrives", Duration.ofSeconds(60),
                () -> given().auth().oauth2(hanoiInspector).get(gateway + "/api/v1/cases/" + sending),
                r -> r.statusCode() == 200 && r.path("transferredTo.caseId") != null);
        String arrived = reference.path("transferredTo.caseId");
        assertThat(arrived).isNotEqualTo(sending);
        assertThat((String) reference.path("transferredTo.provinceCode")).isEqualTo("VN-18");
        assertThat((String) reference.path("transferredTo.bodyCode")).isEqualTo("TTT-NB");
        assertThat((String) reference.path("transferredTo.status")).isEqualTo("RECEIVED");

        // Ninh Binh's provincial system sees it in its list, its inspector handles it
        List<String> listed = given().auth().oauth2(ninhBinhSystem).queryParam("province", "VN-18")
                .queryParam("receivedFrom", today).queryParam("sort", "createdAt,desc").queryParam("size", 100)
                .get(gateway + "/api/v1/cases").then().statusCode(200).extract().path("items.id");
        assertThat(listed).contains(arrived);
        given().auth().oauth2(ninhBinhInspector).get(gateway + "/api/v1/cases/" + arrived).then().statusCode(200)
                .body("provinceCode", equalTo("VN-18")).body("receivingBodyCode", equalTo("TTT-NB"))
                .body("channel", equalTo("TRANSFERRED")).body("status", equalTo("RECEIVED"))
                .body("receivedOn", equalTo(today)).body("transferredFrom.caseId", equalTo(sending))
                .body("transferredFrom.provinceCode", equalTo("VN-HN"));
        post(ninhBinhInspector, "/api/v1/cases/" + arrived + "/classify", Map.of("kind", "COMPLAINT"), 200);

        // the receiving body reads the complainant, and the reading is logged in the case's history
        given().auth().oauth2(ninhBinhInspector).queryParam("purpose", "acceptance")
                .get(gateway + "/api/v1/cases/" + arrived + "/identity").then().statusCode(200)
                .body("complainant.fullName", equalTo(name));
        Response history = given().auth().oauth2(ninhBinhInspector)
                .get(gateway + "/api/v1/cases/" + arrived + "/history");
        history.then().statusCode(200).body("command", hasItem("read-identity"));
        List<String> details = history.path("findAll { it.command == 'read-identity' }.detail");
        assertThat(details).singleElement().asString().contains("acceptance").contains("TTT-NB");
        assertThat(history.asString()).doesNotContain(name);

        // each province sees only its own side; Ha Noi's reference follows the receiving case's status
        given().auth().oauth2(hanoiInspector).get(gateway + "/api/v1/cases/" + arrived).then().statusCode(404);
        given().auth().oauth2(hanoiInspector).get(gateway + "/api/v1/cases/" + arrived + "/identity").then()
                .statusCode(404);
        given().auth().oauth2(ninhBinhSystem).get(gateway + "/api/v1/cases/" + sending).then().statusCode(404);
        given().auth().oauth2(hanoiInspector).get(gateway + "/api/v1/cases/" + sending).then().statusCode(200)
                .body("status", equalTo("TRANSFERRED")).body("transferredTo.status", equalTo("CLASSIFIED"));
        given().auth().oauth2(hanoiInspector).get(gateway + "/api/v1/cases/" + sending + "/history").then()
                .statusCode(200).body("command", hasItem("transfer-arrived"));
    }

    @Test
    void aTransferToABodyThatEndedIsRefusedAndChangesNothing() {
        String hanoiInspector = RunningPlatform.userToken("inspector-hn");
        String id = post(RunningPlatform.clientToken("province-hn"), "/api/v1/cases",
                complaint("Pham Thi Tu Choi " + UUID.randomUUID().toString().substring(0, 8)), 201).path("id");
        // Ha Nam's inspectorate ended on 30 June 2025, its work taken over by Ninh Binh's
        post(hanoiInspector, "/api/v1/cases/" + id + "/transfer", Map.of("toBodyCode", "TTT-63",
                "reasonCode", "NOT_COMPETENT"), 422).then().body("type", equalTo(NOT_DELIVERABLE))
                .body("errors.field", hasItem("toBodyCode"));
        given().auth().oauth2(hanoiInspector).get(gateway + "/api/v1/cases/" + id).then().statusCode(200)
                .body("status", equalTo("RECEIVED")).body("version", equalTo(1));
    }

    private Response post(String token, String path, Object body, int expected) {
        Response r = given().auth().oauth2(token).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body(body).post(gateway + path);
        r.then().statusCode(expected);
        return r;
    }

    private Map<String, Object> complaint(String name) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sourceSystem", "hn-portal");
        body.put("sourceReference", "transfer-e2e-" + UUID.randomUUID());
        body.put("provinceCode", "VN-HN");
        body.put("receivingBodyCode", "TTT-HN");
        body.put("channel", "LETTER");
        body.put("kind", "COMPLAINT");
        body.put("receivedOn", today);
        body.put("subject", "Compensation for recovered land not paid");
        body.put("complainant", Map.of("fullName", name, "idNumber", "001077000222", "address", "5 Hang Dao"));
        return body;
    }
}
