package vn.inspectorate.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.inspectorate.contracts.EventTypes;

/**
 * Partners on the real platform: each subscription's receiver gets the signed, sanitized public events it asked for
 * (type and province), in order per case, and nothing of another province or another partner's subscription.
 */
class PartnerWebhookTest {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final String gateway = RunningPlatform.get().gatewayUrl();

    @Test
    void eachPartnerGetsTheSignedEventsOfItsSubscriptionAndNothingElse() {
        LocalDate today = LocalDate.now(VIETNAM);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String hanoiPath = "/hooks/hanoi-" + suffix;
        String ninhBinhPath = "/hooks/ninh-binh-" + suffix;
        try (WebhookReceiver receiver = WebhookReceiver.start(RunningPlatform.RECEIVER_PORTS.get(0))) {
            String hanoiSecret = subscribe(receiver, "partner-demo", hanoiPath, "VN-HN");
            String ninhBinhSecret = subscribe(receiver, "partner-demo-2", ninhBinhPath, "VN-18");

            String hanoiCase = post("province-hn", "VN-HN", "e2e-hook-hn-" + suffix, today);
            String ninhBinhCase = post("province-nb", "VN-18", "e2e-hook-nb-" + suffix, today);
            given().auth().oauth2(RunningPlatform.userToken("inspector-hn")).contentType(ContentType.JSON)
                    .body(Map.of("kind", "COMPLAINT")).post(gateway + "/api/v1/cases/" + hanoiCase + "/classify")
                    .then().statusCode(200);
            long lastWrite = System.nanoTime();

            Eventually.poll("Ha Noi's case received and classified at the partner's receiver", Duration.ofSeconds(60),
                    () -> statuses(receiver.deliveries(hanoiPath), hanoiCase),
                    s -> s.containsAll(List.of("RECEIVED", "CLASSIFIED")));
            System.out.printf("[e2e] last write -> signed webhook delivered to the partner: %d ms%n",
                    (System.nanoTime() - lastWrite) / 1_000_000);
            // Ninh Binh's case reached the other partner, so it has been matched against every subscription
            Eventually.poll("Ninh Binh's case at the other partner's receiver", Duration.ofSeconds(60),
                    () -> statuses(receiver.deliveries(ninhBinhPath), ninhBinhCase), s -> s.contains("RECEIVED"));

            check(receiver.deliveries(hanoiPath), hanoiSecret, "VN-HN", ninhBinhCase);
            check(receiver.deliveries(ninhBinhPath), ninhBinhSecret, "VN-18", hanoiCase);
            // events of one case arrive in the order they happened
            assertThat(statuses(receiver.deliveries(hanoiPath), hanoiCase)).containsExactly("RECEIVED", "CLASSIFIED");
        }
    }

    /** Each delivery is signed with the subscription's secret, of the subscribed type and province, and sanitized. */
    private static void check(List<WebhookReceiver.Delivery> deliveries, String secret, String province, String foreignCase) {
        assertThat(deliveries).isNotEmpty();
        for (WebhookReceiver.Delivery delivery : deliveries) {
            assertThat(delivery.signedWith(secret)).as("signature of %s", delivery.body()).isTrue();
            assertThat(delivery.signedWith(secret + "x")).isFalse();
            JsonPath event = delivery.event();
            assertThat(event.getString("type")).isEqualTo(EventTypes.PUBLIC_CASE_STATUS_CHANGED);
            assertThat(event.getString("data.provinceCode")).isEqualTo(province);
            assertThat(event.getString("data.caseId")).isNotEqualTo(foreignCase);
            assertThat(event.getMap("data").keySet()).doesNotContain("complainant", "subject", "summary");
            assertThat(delivery.body()).doesNotContain("Vu Thi Hook", "001066000444");
        }
    }

    private static List<String> statuses(List<WebhookReceiver.Delivery> deliveries, String caseId) {
        return deliveries.stream().map(WebhookReceiver.Delivery::event)
                .filter(e -> caseId.equals(e.getString("data.caseId")))
                .map(e -> e.getString("data.status")).toList();
    }

    private static String subscribe(WebhookReceiver receiver, String partner, String path, String province) {
        return receiver.subscribe(partner, Map.of("callbackUrl", receiver.url(path), "eventTypes",
                List.of(EventTypes.PUBLIC_CASE_STATUS_CHANGED), "provinces", List.of(province))).getString("secret");
    }

    private String post(String client, String province, String reference, LocalDate today) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sourceSystem", client + "-portal");
        body.put("sourceReference", reference);
        body.put("provinceCode", province);
        body.put("receivingBodyCode", "E2E-HOOKS");
        body.put("channel", "VISIT");
        body.put("kind", "COMPLAINT");
        body.put("receivedOn", today.toString());
        body.put("subject", "Delayed land use certificate " + reference);
        body.put("complainant", Map.of("fullName", "Vu Thi Hook", "idNumber", "001066000444", "address",
                "3 Dinh Tien Hoang"));
        return given().auth().oauth2(RunningPlatform.clientToken(client)).contentType(ContentType.JSON).body(body)
                .post(gateway + "/api/v1/cases").then().statusCode(201).extract().path("id");
    }
}
