package vn.inspectorate.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import vn.inspectorate.contracts.EventTypes;
import vn.inspectorate.contracts.Topics;
import vn.inspectorate.testsupport.TopicSweep;

/**
 * One matter filed in three provinces (Hà Nội, Ninh Bình, Hải Phòng) is linked, not dropped: the national report
 * counts 3 filings and 1 matter, each province 1 of each, and Hà Nội's staff see the other provinces' filings through
 * the links, never the cases themselves. Every step of the Hà Nội case (pause, resume, a withdrawal in part, the
 * withdrawal of the whole) is an event, counted by the reports, and the steps that change its public status reach the
 * partner's webhook.
 */
class MattersAndStepsThroughGatewayTest {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final Duration DEADLINE = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String gateway = RunningPlatform.get().gatewayUrl();

    @Test
    void oneMatterInThreeProvincesCountsOnceAndEveryStepIsAnEvent() {
        LocalDate day = LocalDate.now(VIETNAM).minusDays(17);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String analyst = RunningPlatform.userToken("analyst");
        String inspector = RunningPlatform.userToken("inspector-hn");
        Map<String, String> nation = Map.of("from", day.toString(), "to", day.toString());
        Map<String, String> ninhBinh = Map.of("from", day.toString(), "to", day.toString(), "province", "VN-18");
        Map<String, String> hanoiSteps = Map.of("from", day.toString(), "to", day.plusDays(4).toString(),
                "province", "VN-HN");
        Map<String, Long> nationBefore = summary(analyst, nation);
        Map<String, Long> ninhBinhBefore = summary(analyst, ninhBinh);
        Map<String, Long> stepsBefore = summary(analyst, hanoiSteps);

        String hookPath = "/hooks/matters-" + suffix;
        try (WebhookReceiver receiver = WebhookReceiver.start(RunningPlatform.RECEIVER_PORTS.get(0))) {
            receiver.subscribe("partner-demo", Map.of("callbackUrl", receiver.url(hookPath),
                    "eventTypes", List.of(EventTypes.PUBLIC_CASE_STATUS_CHANGED), "provinces", List.of("VN-HN")));

            String hanoi = file("province-hn", "VN-HN", suffix, day);
            String ninhBinhCase = file("province-nb", "VN-18", suffix, day);
            String haiPhong = file("province-hp", "VN-HP", suffix, day);

            // 3 filings, 1 matter nationally; Ninh Binh received 1 of each
            Eventually.poll("the matter counted once nationally", DEADLINE, () -> summary(analyst, nation),
                    now -> now != null && grew(nationBefore, now, "cases.received") == 3
                            && grew(nationBefore, now, "cases.matters_received") == 1);
            Eventually.poll("the matter counted once in Ninh Binh", DEADLINE, () -> summary(analyst, ninhBinh),
                    now -> now != null && grew(ninhBinhBefore, now, "cases.received") == 1
                            && grew(ninhBinhBefore, now, "cases.matters_received") == 1);
            JsonPath drill = given().auth().oauth2(analyst).queryParam("figure", "cases.matters_received")
                    .queryParam("from", day.toString()).queryParam("to", day.toString()).queryParam("limit", 500)
                    .get(gateway + "/api/v1/reports/drill-down").then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> matters = drill.getList("matters");
            assertThat(matters).filteredOn(m -> ((List<?>) m.get("filings")).stream()
                    .anyMatch(f -> hanoi.equals(((Map<?, ?>) f).get("caseId")))).singleElement()
                    .satisfies(m -> assertThat(((List<?>) m.get("filings")).stream()
                            .map(f -> (String) ((Map<?, ?>) f).get("caseId")).toList())
                            .containsExactlyInAnyOrder(hanoi, ninhBinhCase, haiPhong));

            // Ha Noi's staff see the other provinces' filings through the links, not the cases themselves
            JsonPath view = given().auth().oauth2(inspector).get(gateway + "/api/v1/cases/" + hanoi).then()
                    .statusCode(200).extract().jsonPath();
            assertThat(view.getList("links.id")).containsExactlyInAnyOrder(ninhBinhCase, haiPhong);
            assertThat(view.getList("links.provinceCode")).containsExactlyInAnyOrder("VN-18", "VN-HP");
            assertThat(view.getList("links.status")).containsOnly("RECEIVED");
            assertThat(view.getList("links.caseNumber")).containsExactlyInAnyOrder("e2e-matter-VN-18-" + suffix,
                    "e2e-matter-VN-HP-" + suffix);
            assertThat(view.prettify()).doesNotContain("Dang Van Matter", "001077000555", "Ngo Quyen");
            given().auth().oauth2(inspector).get(gateway + "/api/v1/cases/" + ninhBinhCase).then().statusCode(404);

            // every step of the Ha Noi case
            step(inspector, hanoi, "classify", Map.of("kind", "COMPLAINT"));
            step(inspector, hanoi, "accept", Map.of("acceptedOn", day.toString()));
            step(inspector, hanoi, "pause", Map.of("reason", "awaiting the cadastral survey", "pausedOn",
                    day.plusDays(1).toString()));
            step(inspector, hanoi, "resume", Map.of("resumedOn", day.plusDays(2).toString()));
            step(inspector, hanoi, "withdraw-part", Map.of("withdrawnPart", "the claim for interest",
                    "withdrawnOn", day.plusDays(3).toString()));
            step(inspector, hanoi, "close", Map.of("closureReason", "WITHDRAWN", "closedOn",
                    day.plusDays(4).toString()));

            List<JsonNode> events = Eventually.poll("the steps on " + Topics.CASES, DEADLINE,
                    () -> caseEvents(hanoi), e -> e.size() >= 8);
            assertThat(events.stream().map(e -> e.path("type").asText()).toList()).contains(
                    EventTypes.CASE_PAUSED, EventTypes.CASE_RESUMED, EventTypes.CASE_WITHDRAWN,
                    EventTypes.CASE_CLOSED);
            // the links found when filing are one event of the later filing
            List<JsonNode> linkEvents = caseEvents(haiPhong).stream()
                    .filter(e -> EventTypes.CASE_LINKED.equals(e.path("type").asText())).toList();
            assertThat(linkEvents).hasSize(1);
            List<String> linkedTo = new java.util.ArrayList<>();
            linkEvents.get(0).path("data").path("links").forEach(l -> linkedTo.add(l.path("linkedCaseId").asText()));
            assertThat(linkedTo).containsExactlyInAnyOrder(hanoi, ninhBinhCase);
            assertThat(events.stream().filter(e -> EventTypes.CASE_WITHDRAWN.equals(e.path("type").asText()))
                    .map(e -> e.path("data").path("scope").asText()).toList()).containsExactly("PART", "WHOLE");
            assertThat(events.toString()).doesNotContain("cadastral survey", "claim for interest", "Dang Van Matter");

            Eventually.poll("the steps counted by the reports", DEADLINE, () -> summary(analyst, hanoiSteps),
                    now -> now != null && grew(stepsBefore, now, "cases.paused") == 1
                            && grew(stepsBefore, now, "cases.partly_withdrawn") == 1
                            && grew(stepsBefore, now, "cases.withdrawn") == 1);

            // a delivery is posted again after an attempt the gateway saw fail (no answer in time); the partner knows
            // the repeat by the delivery id it carries, so each delivery counts once, where it first arrived
            List<String> statuses = Eventually.poll("the public statuses at the partner", DEADLINE,
                    () -> receiver.deliveries(hookPath).stream()
                            .filter(d -> hanoi.equals(d.event().getString("data.caseId")))
                            .collect(Collectors.toMap(d -> d.headers().get("x-inspectorate-delivery"),
                                    d -> d.event().getString("data.status"), (first, again) -> first,
                                    LinkedHashMap::new))
                            .values().stream().toList(),
                    s -> s.contains("CLOSED"));
            assertThat(statuses).containsExactly("RECEIVED", "CLASSIFIED", "ACCEPTED", "PAUSED", "ACCEPTED",
                    "CLOSED");
        }
    }

    private String file(String client, String province, String suffix, LocalDate day) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sourceSystem", client + "-portal");
        body.put("sourceReference", "e2e-matter-" + province + "-" + suffix);
        body.put("provinceCode", province);
        body.put("receivingBodyCode", "E2E-MATTERS");
        body.put("channel", "LETTER");
        body.put("kind", "COMPLAINT");
        body.put("receivedOn", day.toString());
        body.put("subject", "Compensation for the recovered rice field of hamlet " + suffix + " is too low");
        body.put("respondentCode", "E2E-RESP-" + suffix);
        body.put("complainant", Map.of("fullName", "Dang Van Matter", "idNumber", "001077000555", "address",
                "9 Ngo Quyen"));
        return given().auth().oauth2(RunningPlatform.clientToken(client)).contentType(ContentType.JSON).body(body)
                .post(gateway + "/api/v1/cases").then().statusCode(201).extract().path("id");
    }

    private void step(String token, String caseId, String command, Map<String, Object> body) {
        given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post(gateway + "/api/v1/cases/" + caseId + "/" + command).then().statusCode(200);
    }

    private static List<JsonNode> caseEvents(String caseId) {
        return TopicSweep.toEnd(RunningPlatform.get().kafka().bootstrapServers(), Topics.CASES, DEADLINE).stream()
                .filter(r -> caseId.equals(r.key())).map(r -> {
                    try {
                        return JSON.readTree(r.value());
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }).toList();
    }

    private static Map<String, Long> summary(String token, Map<String, String> params) {
        return Eventually.poll("a summary", DEADLINE, () -> ReportFigures.summary(token, params), s -> s != null);
    }

    private static long grew(Map<String, Long> before, Map<String, Long> now, String figure) {
        return now.getOrDefault(figure, 0L) - before.getOrDefault(figure, 0L);
    }
}
