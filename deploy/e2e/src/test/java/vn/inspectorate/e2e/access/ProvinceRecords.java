package vn.inspectorate.e2e.access;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.inspectorate.e2e.RunningPlatform;

/**
 * One province's records, created through the gateway by that province's own accounts: a complaint, an ad-hoc
 * inspection taken to its conclusion (with a recommendation and a transfer), a draft plan for next year, a declarant
 * and a submitted declaration. Their ids fill the matrix's path templates.
 */
record ProvinceRecords(String province, String bodyCode, String agencyCode, Map<String, String> ids) {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    static LocalDate today() {
        return LocalDate.now(VIETNAM);
    }

    /** Creates a full set for {@code system}'s province, with {@code inspector} of that province. */
    static ProvinceRecords create(Principal system, Principal inspector, String bodyCode, String agencyCode,
            String suffix) {
        String province = system.province;
        String gateway = RunningPlatform.get().gatewayUrl();
        String today = today().toString();
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("case", post(gateway + "/api/v1/cases", system, complaint(province, bodyCode, "acc-" + suffix),
                201).path("id"));
        String inspection = post(gateway + "/api/v1/inspections", inspector,
                adHocInspection(province, bodyCode, suffix), 201).path("id");
        ids.put("inspection", inspection);
        post(gateway + "/api/v1/inspections/" + inspection + "/start", inspector, Map.of("startedOn", today), 200);
        post(gateway + "/api/v1/inspections/" + inspection + "/report", inspector, Map.of("submittedOn", today), 200);
        Response concluded = post(gateway + "/api/v1/inspections/" + inspection + "/conclusion", inspector,
                conclusion("KL-" + suffix), 201);
        ids.put("recommendation", concluded.path("conclusion.recommendations[0].id"));
        ids.put("transfer", concluded.path("conclusion.transfers[0].id"));
        Response plan = EdgeRetry.untilAnswered(() -> given().auth().oauth2(inspector.token())
                .contentType(ContentType.JSON).body(Map.of("bodyCode", bodyCode, "year", today().getYear() + 1))
                .post(gateway + "/api/v1/inspection-plans"));
        plan.then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
        ids.put("plan", plan.path("id"));
        String declarant = post(gateway + "/api/v1/declarants", system,
                declarant(province, agencyCode, "Official " + suffix, citizenId(), "1 Street " + suffix), 201)
                .path("id");
        ids.put("declarant", declarant);
        String declaration = post(gateway + "/api/v1/declarations", system, declaration(declarant, "House " + suffix),
                201).path("id");
        ids.put("declaration", declaration);
        post(gateway + "/api/v1/declarations/" + declaration + "/submission", system, null, 200);
        return new ProvinceRecords(province, bodyCode, agencyCode, ids);
    }

    /**
     * Posts with an {@code Idempotency-Key}, repeated while the gateway says the service did not answer in time. When
     * a timed-out attempt went through, a command's repeat answers 409 and a natural-key creation's 200: both count.
     */
    static Response post(String url, Principal who, Object body, int expected) {
        String key = UUID.randomUUID().toString();
        boolean[] timedOut = {false};
        Response r = EdgeRetry.untilAnswered(() -> {
            var request = given().auth().oauth2(who.token()).header("Idempotency-Key", key);
            if (body != null) {
                request = request.contentType(ContentType.JSON).body(body);
            }
            Response attempt = request.post(url);
            timedOut[0] |= EdgeRetry.unavailable(attempt.statusCode());
            return attempt;
        });
        boolean doneByTimedOutAttempt = timedOut[0] && ((expected == 200 && r.statusCode() == 409)
                || (expected == 201 && r.statusCode() == 200));
        if (!doneByTimedOutAttempt) {
            r.then().statusCode(expected);
        }
        return r;
    }

    static String citizenId() {
        return String.format("%012d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 1_000_000_000_000L));
    }

    static Map<String, Object> complaint(String province, String bodyCode, String reference) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sourceSystem", "access-matrix");
        body.put("sourceReference", reference);
        body.put("provinceCode", province);
        body.put("receivingBodyCode", bodyCode);
        body.put("channel", "LETTER");
        body.put("kind", "COMPLAINT");
        body.put("receivedOn", today().toString());
        body.put("subject", "Land compensation decision disputed " + reference);
        body.put("complainant", Map.of("fullName", "Complainant " + reference, "idNumber", "001088000111",
                "address", "1 Trang Tien"));
        return body;
    }

    static Map<String, Object> adHocInspection(String province, String bodyCode, String suffix) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("bodyCode", bodyCode);
        body.put("decisionNumber", "QD-" + suffix);
        body.put("decisionDate", today().toString());
        body.put("legalBasis", "Law on Inspection 11/2022, Art. 47");
        body.put("team", List.of(Map.of("name", "Team lead", "role", "LEAD")));
        body.put("type", "INSPECTION");
        body.put("subject", "PUBLIC_DUTIES");
        body.put("entity", Map.of("code", "ENT-" + suffix, "kind", "PUBLIC_BODY", "name", "Commune " + suffix,
                "provinceCode", province));
        return body;
    }

    static Map<String, Object> conclusion(String number) {
        String today = today().toString();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("conclusionNumber", number);
        body.put("concludedOn", today);
        body.put("assessment", "Fees collected without a basis.");
        body.put("unitsCovered", 1);
        body.put("items", List.of(Map.of("subject", "Fees", "finding", "Collected without a basis",
                "violationsVnd", 120_000_000L, "violationsLandM2", 0)));
        body.put("recommendations", List.of(Map.of("kind", "RECOVERY", "description", "Recover to the budget",
                "addressee", "Commune people's committee", "amountVnd", 120_000_000L,
                "dueOn", today().plusDays(90).toString())));
        body.put("transfers", List.of(Map.of("matter", "Signs of abuse of office", "toBody", "Police",
                "transferredOn", today)));
        body.put("published", false);
        return body;
    }

    static Map<String, Object> declarant(String province, String agency, String name, String citizenId,
            String address) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("agencyCode", agency);
        body.put("provinceCode", province);
        body.put("position", "Director");
        body.put("rank", "Level 1");
        body.put("annualDeclarationRequired", true);
        body.put("appointedOn", "2020-01-01");
        body.put("fullName", name);
        body.put("citizenId", citizenId);
        body.put("address", address);
        return body;
    }

    static Map<String, Object> declaration(String declarantId, String houseDescription) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("declarantId", declarantId);
        body.put("kind", "ANNUAL");
        body.put("year", today().getYear() - 1);
        body.put("declaredOn", today().toString());
        body.put("items", List.of(
                Map.of("category", "HOUSE", "valueVnd", 2_000_000_000L, "acquiredOn", "2015-05-01",
                        "description", houseDescription),
                Map.of("category", "SALARY", "valueVnd", 300_000_000L, "description", "Salary")));
        return body;
    }
}
