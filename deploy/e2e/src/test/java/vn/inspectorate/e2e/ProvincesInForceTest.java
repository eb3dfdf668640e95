package vn.inspectorate.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import vn.inspectorate.reference.AdministrativeUnitRegister;
import vn.inspectorate.reference.AdministrativeUnitRegister.Unit;
import vn.inspectorate.reference.InspectionBodyRegister;
import vn.inspectorate.reference.InspectionBodyRegister.Body;

/**
 * Every province in force today can work on the platform: each of the 34 provincial systems, with its own real
 * token, opens an inspection through the gateway by its provincial inspectorate; a province merged away on
 * 1 July 2025 can no longer have its inspectorate open one, and is told which body succeeded it.
 *
 * <p>The demo realm holds provincial systems for Ha Noi and Ninh Binh only, and the access rules let a provincial
 * inspectorate be acted for only by its own province's callers (a central inspector acts for its own agency), so the
 * test registers a provincial-system client per province through Keycloak's admin API, as an operator would.
 */
class ProvincesInForceTest {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final String gateway = RunningPlatform.get().gatewayUrl();
    private final String keycloak = RunningPlatform.get().keycloak().baseUrl();

    @Test
    void eachOfTheThirtyFourProvincesOpensAnInspectionByItsProvincialInspectorate() {
        LocalDate today = LocalDate.now(VIETNAM);
        AdministrativeUnitRegister units = AdministrativeUnitRegister.fromFiles();
        InspectionBodyRegister bodies = InspectionBodyRegister.fromFile();
        List<Unit> provinces = units.inForceOn(today);
        assertThat(provinces).hasSize(34);

        String suffix = Long.toString(System.currentTimeMillis(), 36).toUpperCase(Locale.ROOT);
        Map<String, Integer> statuses = new TreeMap<>();
        for (Unit province : provinces) {
            Body body = provincialInspectorate(bodies, province.code(), today);
            // the master realm's admin tokens live 60 s: one per registration
            String token = provincialSystemToken(adminToken(), province.code());
            Response opened = given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body(opening(body.code(), "QD-34-" + province.code() + "-" + suffix, today, province.code(),
                            "E2E-34-" + province.code() + "-" + suffix))
                    .post(gateway + "/api/v1/inspections");
            statuses.put(province.code(), opened.statusCode());
            if (opened.statusCode() == 201) {
                opened.then().body("bodyCode", equalTo(body.code())).body("provinceCode", equalTo(province.code()));
            } else {
                System.out.printf("[e2e] %s by %s: %d %s%n", province.code(), body.code(), opened.statusCode(),
                        opened.asString());
            }
        }
        assertThat(statuses).as("status per province").hasSize(34).allSatisfy((code, status) ->
                assertThat(status).as(code).isEqualTo(201));
        System.out.printf("[e2e] opened an inspection in each of the 34 provinces in force on %s, each by its "
                + "provincial inspectorate with its own provincial system's token through the gateway%n", today);
    }

    @Test
    void aMergedAwayProvincesInspectorateIsRefusedForA2026DecisionNamingItsSuccessor() {
        String admin = adminToken();
        String token = provincialSystemToken(admin, "VN-54");
        String suffix = Long.toString(System.currentTimeMillis(), 36).toUpperCase(Locale.ROOT);
        // in English, the texts compared here (Vietnamese is the default)
        given().auth().oauth2(token).header("Accept-Language", "en").contentType(ContentType.JSON)
                .body(opening("TTT-54", "QD-54-" + suffix, LocalDate.of(2026, 3, 2), "VN-54", "E2E-54-" + suffix))
                .post(gateway + "/api/v1/inspections").then().statusCode(422)
                .contentType("application/problem+json")
                .body("detail", containsString("TTT-54")).body("detail", containsString("ended on 2025-06-30"))
                .body("detail", containsString("Its successor is TTT-BN"))
                .body("errors.field", hasItem("bodyCode"));
        System.out.println("[e2e] Bac Giang's inspectorate (merged into Bac Ninh on 1 July 2025) is refused for a "
                + "2026 decision, naming TTT-BN as its successor");
    }

    private static Body provincialInspectorate(InspectionBodyRegister bodies, String province, LocalDate on) {
        List<Body> found = bodies.bodies().stream().filter(b -> "PROVINCIAL".equals(b.level())
                && province.equals(b.provinceCode()) && b.inForceOn(on)).toList();
        assertThat(found).as("the provincial inspectorate of " + province).hasSize(1);
        return found.get(0);
    }

    private static Map<String, Object> opening(String body, String decision, LocalDate date, String province,
            String entity) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("bodyCode", body);
        request.put("decisionNumber", decision);
        request.put("decisionDate", date.toString());
        request.put("legalBasis", "Law on Inspection 11/2022 as amended by Law 84/2025");
        request.put("team", List.of(Map.of("name", "Team lead", "role", "LEAD")));
        request.put("type", "INSPECTION"); // the one kind the law knows from 1 July 2025
        request.put("subject", "PUBLIC_DUTIES");
        request.put("entity", Map.of("code", entity, "kind", "PUBLIC_BODY", "name", "People's committee " + entity,
                "provinceCode", province));
        return request;
    }

    // ------------------------------------------------------------------ provincial systems registered in Keycloak

    private String adminToken() {
        return given().contentType("application/x-www-form-urlencoded").formParam("grant_type", "password")
                .formParam("client_id", "admin-cli").formParam("username", "admin").formParam("password", "admin")
                .post(keycloak + "/realms/master/protocol/openid-connect/token").then().statusCode(200)
                .extract().path("access_token");
    }

    /** A client-credentials token of a provincial system of {@code province}, registered on first use. */
    private String provincialSystemToken(String admin, String province) {
        String clientId = "province-e2e-" + province.toLowerCase(Locale.ROOT);
        String secret = clientId + "-local-secret";
        String realm = keycloak + "/admin/realms/inspectorate";
        List<Map<String, Object>> existing = given().auth().oauth2(admin).queryParam("clientId", clientId)
                .get(realm + "/clients").then().statusCode(200).extract().path("$");
        if (existing.isEmpty()) {
            Map<String, Object> client = new LinkedHashMap<>();
            client.put("clientId", clientId);
            client.put("name", "Provincial system of " + province);
            client.put("enabled", true);
            client.put("protocol", "openid-connect");
            client.put("publicClient", false);
            client.put("clientAuthenticatorType", "client-secret");
            client.put("secret", secret);
            client.put("serviceAccountsEnabled", true);
            client.put("standardFlowEnabled", false);
            client.put("directAccessGrantsEnabled", false);
            client.put("protocolMappers", List.of(Map.of("name", "province", "protocol", "openid-connect",
                    "protocolMapper", "oidc-hardcoded-claim-mapper", "config", Map.of("claim.name", "province",
                            "claim.value", province, "jsonType.label", "String", "access.token.claim", "true",
                            "id.token.claim", "false", "userinfo.token.claim", "false",
                            "introspection.token.claim", "true"))));
            given().auth().oauth2(admin).contentType(ContentType.JSON).body(client).post(realm + "/clients").then()
                    .statusCode(201);
            String id = given().auth().oauth2(admin).queryParam("clientId", clientId).get(realm + "/clients").then()
                    .statusCode(200).extract().path("[0].id");
            String serviceAccount = given().auth().oauth2(admin).get(realm + "/clients/" + id + "/service-account-user")
                    .then().statusCode(200).extract().path("id");
            Map<String, Object> role = given().auth().oauth2(admin).get(realm + "/roles/provincial-system").then()
                    .statusCode(200).extract().path("$");
            given().auth().oauth2(admin).contentType(ContentType.JSON).body(List.of(role))
                    .post(realm + "/users/" + serviceAccount + "/role-mappings/realm").then().statusCode(204);
        }
        return given().contentType("application/x-www-form-urlencoded").formParam("grant_type", "client_credentials")
                .formParam("client_id", clientId).formParam("client_secret", secret)
                .post(RunningPlatform.get().keycloak().tokenUrl()).then().statusCode(200).extract().path("access_token");
    }
}
