package vn.inspectorate.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.sql.DataSource;
import javax.crypto.spec.SecretKeySpec;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import vn.inspectorate.contracts.EventTypes;
import vn.inspectorate.contracts.Topics;
import vn.inspectorate.gateway.subscriptions.CallbackUrlGuard;
import vn.inspectorate.gateway.subscriptions.SubscriptionApi.CreateSubscription;
import vn.inspectorate.gateway.subscriptions.SubscriptionApi.SubscriptionView;
import vn.inspectorate.gateway.subscriptions.SubscriptionService;
import vn.inspectorate.gateway.subscriptions.WebhookConfig;
import vn.inspectorate.gateway.subscriptions.WebhookDispatcher;
import vn.inspectorate.testsupport.KafkaResource;
import vn.inspectorate.testsupport.KeycloakResource;
import vn.inspectorate.testsupport.PostgresResource;
import vn.inspectorate.testsupport.Tokens;

/** Partner subscriptions with real tokens, and signed webhook delivery of events published on the real public topic. */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KeycloakResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = StubServicesResource.class, scope = TestResourceScope.GLOBAL)
class SubscriptionsTest {

    private static final String CASE_STATUS = EventTypes.PUBLIC_CASE_STATUS_CHANGED;

    @Inject
    ObjectMapper mapper;
    @Inject
    CallbackUrlGuard guard;
    @Inject
    DataSource dataSource;
    @Inject
    SubscriptionService service;
    @Inject
    WebhookConfig webhooks;
    @Inject
    WebhookDispatcher dispatcher;

    @Test
    void partnerSubscribesManagesAndSeesTheSecretOnce() {
        String partner = Tokens.clientCredentials("partner-demo");
        String callback = receiver() + "/hooks/ok-" + UUID.randomUUID();
        JsonPath created = given().auth().oauth2(partner).contentType("application/json")
                .body(Map.of("callbackUrl", callback, "eventTypes", List.of(CASE_STATUS), "provinces", List.of("VN-HN")))
                .post("/api/v1/subscriptions").then().statusCode(201)
                .body("status", equalTo("ACTIVE")).body("eventTypes", equalTo(List.of(CASE_STATUS)))
                .extract().jsonPath();
        String id = created.getString("id");
        assertThat(created.getString("secret")).startsWith("whsec_").hasSizeGreaterThan(40);

        given().auth().oauth2(partner).header("X-Request-Id", "sub-read-1").get("/api/v1/subscriptions/" + id).then()
                .statusCode(200).header("X-Request-Id", "sub-read-1")
                .body("secret", nullValue()).body("callbackUrl", equalTo(callback));
        given().auth().oauth2(partner).get("/api/v1/subscriptions?size=200").then().statusCode(200)
                .body("items.id", hasItem(id)).body("items.secret", not(hasItem(created.getString("secret"))));
        // the same callback again: with the same lists it answers the subscription (never its secret again), with
        // other lists it is a conflict naming the existing subscription, not a second one
        given().auth().oauth2(partner).contentType("application/json")
                .body(Map.of("callbackUrl", callback, "eventTypes", List.of(CASE_STATUS), "provinces", List.of("VN-HN")))
                .post("/api/v1/subscriptions").then().statusCode(200).body("id", equalTo(id))
                .body("secret", nullValue());
        given().auth().oauth2(partner).contentType("application/json")
                .body(Map.of("callbackUrl", callback, "eventTypes", List.of(CASE_STATUS)))
                .post("/api/v1/subscriptions").then().statusCode(409)
                .body("type", equalTo("https://inspectorate.gov.vn/problems/natural-key-conflict"))
                .body("existingId", equalTo(id)).body("differingFields", equalTo(List.of("provinces")));
        given().auth().oauth2(partner).get("/api/v1/subscriptions?size=200").then().statusCode(200)
                .body("items.findAll { it.callbackUrl == '" + callback + "' }.size()", equalTo(1))
                .body("items.find { it.id == '" + id + "' }.provinces", equalTo(List.of("VN-HN")));

        given().auth().oauth2(partner).post("/api/v1/subscriptions/" + id + "/pause").then().statusCode(200)
                .body("status", equalTo("PAUSED"));
        given().auth().oauth2(partner).post("/api/v1/subscriptions/" + id + "/resume").then().statusCode(200)
                .body("status", equalTo("ACTIVE"));
        given().auth().oauth2(partner).get("/api/v1/subscriptions/" + id + "/deliveries").then().statusCode(200);
        given().auth().oauth2(partner).delete("/api/v1/subscriptions/" + id).then().statusCode(204);
        given().auth().oauth2(partner).get("/api/v1/subscriptions/" + id).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(partner).get("/api/v1/subscriptions/event-types").then().statusCode(200)
                .body("type", equalTo(List.of(EventTypes.PUBLIC_CASE_STATUS_CHANGED, EventTypes.PUBLIC_INSPECTION_CONCLUDED)));
    }

    @Test
    void aPartnerSeesOnlyItsOwnSubscriptions() {
        // the realm's two partners, each with its own real token
        String first = Tokens.clientCredentials("partner-demo");
        String second = Tokens.clientCredentials("partner-demo-2");
        String theirs = given().auth().oauth2(first).contentType("application/json")
                .body(Map.of("callbackUrl", receiver() + "/hooks/ok-" + UUID.randomUUID(), "eventTypes",
                        List.of(CASE_STATUS))).post("/api/v1/subscriptions").then().statusCode(201)
                .extract().path("id");
        String url = "/api/v1/subscriptions/" + theirs;
        given().auth().oauth2(second).get(url).then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(second).post(url + "/pause").then().statusCode(404);
        given().auth().oauth2(second).get(url + "/deliveries").then().statusCode(404);
        given().auth().oauth2(second).delete(url).then().statusCode(404);
        given().auth().oauth2(second).get("/api/v1/subscriptions?size=200").then().statusCode(200)
                .body("items.id", not(hasItem(theirs)));
        given().auth().oauth2(first).get(url).then().statusCode(200).body("status", equalTo("ACTIVE"));
        given().auth().oauth2(first).get("/api/v1/subscriptions?size=200").then().statusCode(200)
                .body("items.id", hasItem(theirs));
    }

    @Test
    @TestSecurity(user = "limits-partner", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "azp", value = "partner-limits"))
    void overLimitSubscriptionsAreProblemsThatCreateNothing() {
        String callback = receiver() + "/hooks/ok-" + UUID.randomUUID();
        given().contentType("application/json").body(Map.of("callbackUrl", callback, "eventTypes",
                List.of("x".repeat(201)))).post("/api/v1/subscriptions").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("eventTypes[0]"));
        given().contentType("application/json").body(Map.of("callbackUrl", callback, "eventTypes",
                java.util.Collections.nCopies(21, CASE_STATUS))).post("/api/v1/subscriptions").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("eventTypes"));
        given().get("/api/v1/subscriptions/{id}/deliveries?limit=501", UUID.randomUUID()).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("limit"));
        given().get("/api/v1/subscriptions").then().statusCode(200).body("items.size()", equalTo(0))
                .body("next", nullValue());
        given().get("/api/v1/subscriptions?size=201").then().statusCode(400).body("errors.field", hasItem("size"));
    }

    @Test
    void theSubscriptionApiIsDocumentedWithItsLimitsAndCreatedAnswer() {
        JsonPath doc = given().accept("application/json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        String create = "paths.'/api/v1/subscriptions'.post";
        assertThat(doc.getString(create + ".operationId")).isEqualTo("createSubscription");
        assertThat(doc.getMap(create + ".responses.'201'.headers")).containsKey("Location");
        assertThat(doc.getMap(create + ".responses")).containsKeys("409", "422");
        assertThat(doc.getString("paths.'/api/v1/subscriptions/{id}/deliveries'.get.operationId"))
                .isEqualTo("listSubscriptionDeliveries");
        assertThat(doc.getInt("components.schemas.CreateSubscription.properties.eventTypes.maxItems")).isEqualTo(20);
        assertThat(doc.getInt("components.schemas.CreateSubscription.properties.eventTypes.items.maxLength"))
                .isEqualTo(200);
        assertThat(doc.getMap("components.schemas")).containsKeys("SubscriptionDeliveryView",
                "SubscriptionEventTypeView", "SubscriptionDeliveryAttemptView");
    }

    @Test
    void onlyPartnersWithAValidTokenManageSubscriptions() {
        given().get("/api/v1/subscriptions").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(Tokens.clientCredentials("province-hn")).get("/api/v1/subscriptions").then()
                .statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(Tokens.password("analyst")).contentType("application/json")
                .body(Map.of("callbackUrl", receiver() + "/hooks/ok-x", "eventTypes", List.of(CASE_STATUS)))
                .post("/api/v1/subscriptions").then().statusCode(403);
    }

    @Test
    void malformedSubscriptionsAreRefusedNamingTheField() {
        String partner = Tokens.clientCredentials("partner-demo");
        String callback = receiver() + "/hooks/ok-" + UUID.randomUUID();
        refused(partner, Map.of("callbackUrl", callback, "eventTypes", List.of(EventTypes.CASE_RECEIVED)), 422, "eventTypes[0]");
        refused(partner, Map.of("callbackUrl", callback, "eventTypes", List.of("vn.inspectorate.nothing.v1")), 422, "eventTypes[0]");
        refused(partner, Map.of("callbackUrl", callback, "eventTypes", List.of()), 400, "eventTypes");
        refused(partner, Map.of("callbackUrl", callback, "eventTypes", List.of(CASE_STATUS), "provinces", List.of("Hanoi")), 400, "provinces[0]");
        refused(partner, Map.of("eventTypes", List.of(CASE_STATUS)), 400, "callbackUrl");
        refused(partner, Map.of("callbackUrl", callback, "eventTypes", List.of(CASE_STATUS), "secret", "mine"), 400, "secret");
        given().auth().oauth2(partner).get("/api/v1/subscriptions").then().statusCode(200)
                .body("callbackUrl", not(hasItem(callback)));
    }

    @Test
    void callbacksToInternalAddressesAreRefused() {
        String partner = Tokens.clientCredentials("partner-demo");
        String receiverPort = receiver().substring(receiver().lastIndexOf(':') + 1);
        for (String url : List.of("ftp://partner.example/hook", "file:///etc/passwd", "http:///no-host",
                "http://localhost:" + receiverPort + "/hooks/ok-1", "http://127.0.0.1:1/hooks/ok-1",
                "http://127.0.0.2/hook", "http://[::1]/hook", "http://10.1.2.3/hook", "http://172.16.0.9/hook",
                "http://192.168.1.1/hook", "http://169.254.169.254/latest/meta-data/", "http://[fd00::1]/hook",
                "http://[fe80::1]/hook", "http://100.64.0.1/hook", "http://0.0.0.0/hook",
                "http://user:pw@partner.example/hook", "http://keycloak:8080/realms", "http://gateway/api",
                "https://metadata.google.internal/computeMetadata")) {
            refused(partner, Map.of("callbackUrl", url, "eventTypes", List.of(CASE_STATUS)), 422, "callbackUrl");
        }
        // public addresses and the configured test receiver pass
        assertThat(guard.refusal("https://93.184.215.14/hooks/inspectorate")).isEmpty();
        assertThat(guard.refusal(receiver() + "/hooks/ok-1")).isEmpty();
    }

    @Test
    void partnerReceivesSignedSanitizedEventsInOrderWithRetries() throws Exception {
        String partner = Tokens.clientCredentials("partner-demo");
        String path = "/hooks/flaky-" + UUID.randomUUID();
        JsonPath created = given().auth().oauth2(partner).contentType("application/json")
                .body(Map.of("callbackUrl", receiver() + path, "eventTypes", List.of(CASE_STATUS), "provinces", List.of("VN-HN")))
                .post("/api/v1/subscriptions").then().statusCode(201).extract().jsonPath();
        String secret = created.getString("secret");
        String id = created.getString("id");

        UUID caseA = UUID.randomUUID();
        UUID caseB = UUID.randomUUID();
        ObjectNode first = caseStatus(caseA, 1, "VN-HN", "ACCEPTED");
        first.put("complainantName", "Nguyen Van A"); // must never reach a partner
        String e1 = publish(CASE_STATUS, caseA, first);
        String e2 = publish(CASE_STATUS, caseA, caseStatus(caseA, 2, "VN-HN", "RESOLVED"));
        String otherProvince = publish(CASE_STATUS, caseB, caseStatus(caseB, 1, "VN-NB", "ACCEPTED"));
        String otherType = publish(EventTypes.PUBLIC_INSPECTION_CONCLUDED, caseB, inspectionConcluded(caseB));

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> received(path).size() >= 6 && received(path).get(5).path("answered").asInt() == 200);
        // the events this subscription must not get have been consumed (and not queued for it)
        await().atMost(Duration.ofSeconds(30)).until(() -> processed(otherProvince) && processed(otherType));
        List<JsonNode> calls = received(path);
        List<String> ids = calls.stream().map(c -> body(c).path("id").asText()).toList();
        // each event refused twice, then accepted; the second is not sent before the first succeeded
        assertThat(ids).containsExactly(e1, e1, e1, e2, e2, e2);
        assertThat(ids).doesNotContain(otherProvince, otherType);
        assertThat(calls.stream().map(c -> c.path("answered").asInt()).toList()).containsExactly(500, 500, 200, 500, 500, 200);
        for (JsonNode call : calls) {
            String expected = "sha256=" + hmac(secret, call.path("timestamp").asText() + "." + call.path("body").asText());
            assertThat(call.path("signature").asText()).isEqualTo(expected);
            assertThat(call.path("contentType").asText()).startsWith("application/cloudevents+json");
            JsonNode event = body(call);
            assertThat(event.path("specversion").asText()).isEqualTo("1.0");
            assertThat(event.path("type").asText()).isEqualTo(CASE_STATUS);
            assertThat(event.path("data").has("complainantName")).isFalse();
            assertThat(event.path("data").path("provinceCode").asText()).isEqualTo("VN-HN");
            assertThat(event.path("data").path("caseId").asText()).isEqualTo(caseA.toString());
        }
        // a signature made with another secret does not verify
        assertThat(calls.get(0).path("signature").asText())
                .isNotEqualTo("sha256=" + hmac("whsec_other", calls.get(0).path("timestamp").asText() + "." + calls.get(0).path("body").asText()));

        JsonPath log = given().auth().oauth2(partner).get("/api/v1/subscriptions/" + id + "/deliveries").then()
                .statusCode(200).extract().jsonPath();
        assertThat(log.getList("items.eventId")).containsExactly(e2, e1);
        assertThat(log.getList("items.status")).containsExactly("DELIVERED", "DELIVERED");
        assertThat(log.getList("items.attempts", Integer.class)).containsExactly(3, 3);
        assertThat(log.getList("items.attemptLog[1].statusCode", Integer.class)).containsExactly(500, 500, 200);
        // a page at a time, newest first, following the Link header
        io.restassured.response.Response newest = given().auth().oauth2(partner)
                .get("/api/v1/subscriptions/" + id + "/deliveries?size=1");
        assertThat(newest.jsonPath().getList("items.eventId")).containsExactly(e2);
        java.util.regex.Matcher next = java.util.regex.Pattern.compile("<([^>]*)>; rel=\"next\"")
                .matcher(newest.header("Link"));
        assertThat(next.find()).isTrue();
        JsonPath older = given().auth().oauth2(partner).get(next.group(1)).then().statusCode(200).extract()
                .jsonPath();
        assertThat(older.getList("items.eventId")).containsExactly(e1);
        assertThat(older.getString("next")).isNull();
        given().auth().oauth2(partner).get("/api/v1/subscriptions/" + id).then().body("status", equalTo("ACTIVE"));
    }

    /**
     * Events that reach the gateway together (one producer flush, so one or a few consumer batches) are queued in one
     * statement per batch: each subscription gets exactly the events of its types and provinces, an aggregate's in
     * the order they were published, and an event nobody wants queues nothing.
     */
    @Test
    void eventsArrivingTogetherAreQueuedForEachSubscriptionThatWantsThem() throws Exception {
        String partner = Tokens.clientCredentials("partner-demo");
        String hanoiPath = "/hooks/ok-" + UUID.randomUUID();
        String everywherePath = "/hooks/ok-" + UUID.randomUUID();
        String hanoi = given().auth().oauth2(partner).contentType("application/json")
                .body(Map.of("callbackUrl", receiver() + hanoiPath, "eventTypes", List.of(CASE_STATUS), "provinces",
                        List.of("VN-HN")))
                .post("/api/v1/subscriptions").then().statusCode(201).extract().path("id");
        String everywhere = given().auth().oauth2(partner).contentType("application/json")
                .body(Map.of("callbackUrl", receiver() + everywherePath, "eventTypes", List.of(CASE_STATUS)))
                .post("/api/v1/subscriptions").then().statusCode(201).extract().path("id");

        UUID caseA = UUID.randomUUID();
        UUID caseB = UUID.randomUUID();
        UUID inspection = UUID.randomUUID();
        List<String> ids = publishTogether(List.of(
                new Published(CASE_STATUS, caseA, caseStatus(caseA, 1, "VN-HN", "ACCEPTED")),
                new Published(CASE_STATUS, caseB, caseStatus(caseB, 1, "VN-NB", "ACCEPTED")),
                new Published(EventTypes.PUBLIC_INSPECTION_CONCLUDED, inspection, inspectionConcluded(inspection)),
                new Published(CASE_STATUS, caseA, caseStatus(caseA, 2, "VN-HN", "RESOLVED")),
                new Published(CASE_STATUS, caseB, caseStatus(caseB, 2, "VN-NB", "RESOLVED"))));
        String a1 = ids.get(0);
        String b1 = ids.get(1);
        String a2 = ids.get(3);
        String b2 = ids.get(4);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> received(hanoiPath).size() >= 2 && received(everywherePath).size() >= 4
                        && processed(ids.get(2)));
        assertThat(received(hanoiPath).stream().map(c -> body(c).path("id").asText()).toList())
                .containsExactly(a1, a2);
        List<String> everywhereIds = received(everywherePath).stream().map(c -> body(c).path("id").asText()).toList();
        assertThat(everywhereIds).containsExactlyInAnyOrder(a1, b1, a2, b2);
        assertThat(everywhereIds.indexOf(a1)).isLessThan(everywhereIds.indexOf(a2));
        assertThat(everywhereIds.indexOf(b1)).isLessThan(everywhereIds.indexOf(b2));
        // the delivery log holds what was queued, newest first, and nothing else
        assertThat(given().auth().oauth2(partner).get("/api/v1/subscriptions/" + hanoi + "/deliveries").then()
                .statusCode(200).extract().jsonPath().getList("items.eventId")).containsExactly(a2, a1);
        assertThat(given().auth().oauth2(partner).get("/api/v1/subscriptions/" + everywhere + "/deliveries").then()
                .statusCode(200).extract().jsonPath().getList("items.eventId", String.class))
                .containsExactlyInAnyOrder(a1, b1, a2, b2);
    }

    /**
     * An event with CloudEvents extension attributes and a payload field the gateway does not know is delivered, not
     * dead-lettered: the envelope keeps its {@code traceparent}, the unknown payload field is dropped.
     */
    @Test
    void anEventWithExtensionAttributesAndAnAddedFieldIsDeliveredWithItsTraceparent() throws Exception {
        String partner = Tokens.clientCredentials("partner-demo");
        String path = "/hooks/ok-" + UUID.randomUUID();
        given().auth().oauth2(partner).contentType("application/json")
                .body(Map.of("callbackUrl", receiver() + path, "eventTypes", List.of(CASE_STATUS), "provinces", List.of("VN-HN")))
                .post("/api/v1/subscriptions").then().statusCode(201);
        UUID caseId = UUID.randomUUID();
        ObjectNode data = caseStatus(caseId, 1, "VN-HN", "RECEIVED");
        data.put("fieldAddedLater", "x");
        String traceparent = "00-" + UUID.randomUUID().toString().replace("-", "") + "-b7ad6b7169203331-01";
        String eventId = publish(CASE_STATUS, caseId, data, Map.of("traceparent", traceparent,
                "partitionkey", caseId.toString(), "comexampleextension", "7"));

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> !received(path).isEmpty());
        JsonNode event = body(received(path).get(0));
        assertThat(event.path("id").asText()).isEqualTo(eventId);
        assertThat(event.path("traceparent").asText()).isEqualTo(traceparent);
        assertThat(event.path("data").has("fieldAddedLater")).isFalse();
        assertThat(event.path("data").path("status").asText()).isEqualTo("RECEIVED");
    }

    /** History loaded as it happened is counted by reports but not sent to partners as news. */
    @Test
    void anEventOfABackfilledRecordIsDeliveredToNobody() throws Exception {
        String partner = Tokens.clientCredentials("partner-demo");
        String path = "/hooks/ok-" + UUID.randomUUID();
        given().auth().oauth2(partner).contentType("application/json")
                .body(Map.of("callbackUrl", receiver() + path, "eventTypes",
                        List.of(EventTypes.PUBLIC_INSPECTION_CONCLUDED), "provinces", List.of("VN-HN")))
                .post("/api/v1/subscriptions").then().statusCode(201);
        UUID history = UUID.randomUUID();
        UUID live = UUID.randomUUID();
        String backfilled = publish(EventTypes.PUBLIC_INSPECTION_CONCLUDED, history, inspectionConcluded(history),
                Map.of("backfilled", true));
        String current = publish(EventTypes.PUBLIC_INSPECTION_CONCLUDED, live, inspectionConcluded(live));

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> !received(path).isEmpty() && processed(backfilled));
        assertThat(received(path).stream().map(c -> body(c).path("id").asText()).toList()).containsExactly(current);
    }

    @Test
    void aSubscriptionThatKeepsFailingIsPaused() throws Exception {
        String partner = Tokens.clientCredentials("partner-demo");
        String path = "/hooks/down-" + UUID.randomUUID();
        String id = given().auth().oauth2(partner).contentType("application/json")
                .body(Map.of("callbackUrl", receiver() + path, "eventTypes", List.of(EventTypes.PUBLIC_INSPECTION_CONCLUDED)))
                .post("/api/v1/subscriptions").then().statusCode(201).extract().path("id");
        UUID inspection = UUID.randomUUID();
        publish(EventTypes.PUBLIC_INSPECTION_CONCLUDED, inspection, inspectionConcluded(inspection));

        // the test profile pauses after 4 consecutive failures
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> "PAUSED".equals(
                given().auth().oauth2(partner).get("/api/v1/subscriptions/" + id).then().extract().path("status")));
        given().auth().oauth2(partner).get("/api/v1/subscriptions/" + id).then()
                .body("pausedReason", org.hamcrest.Matchers.containsString("consecutive failed deliveries"));
        assertThat(received(path)).hasSize(4);
        JsonPath log = given().auth().oauth2(partner).get("/api/v1/subscriptions/" + id + "/deliveries").then()
                .statusCode(200).extract().jsonPath();
        assertThat(log.getString("items[0].status")).isEqualTo("PENDING");
        assertThat(log.getInt("items[0].attempts")).isEqualTo(4);
        assertThat(log.getString("items[0].nextAttemptAt")).isNotBlank();
    }

    @Test
    void aDeliveryFailingPastTheRetryWindowFailsAndPausesItsSubscription() throws Exception {
        assertThat(webhooks.retryWindow()).isGreaterThanOrEqualTo(Duration.ofHours(24));
        String partner = Tokens.clientCredentials("partner-demo");
        String path = "/hooks/down-" + UUID.randomUUID();
        String id = given().auth().oauth2(partner).contentType("application/json")
                .body(Map.of("callbackUrl", receiver() + path, "eventTypes", List.of(CASE_STATUS)))
                .post("/api/v1/subscriptions").then().statusCode(201).extract().path("id");
        // a delivery first tried longer ago than the retry window, due now
        try (var c = dataSource.getConnection(); var ps = c.prepareStatement("""
                insert into webhook_delivery (subscription_id, event_id, event_type, aggregate_id, body, status,
                    attempts, first_attempt_at, next_attempt_at, created_at)
                values (?, ?, ?, ?, '{}', 'PENDING', 20, now() - interval '27 hours', now(), now() - interval '27 hours')""")) {
            ps.setObject(1, UUID.fromString(id));
            ps.setString(2, UUID.randomUUID().toString());
            ps.setString(3, CASE_STATUS);
            ps.setString(4, UUID.randomUUID().toString());
            ps.executeUpdate();
        }
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> "PAUSED".equals(
                given().auth().oauth2(partner).get("/api/v1/subscriptions/" + id).then().extract().path("status")));
        given().auth().oauth2(partner).get("/api/v1/subscriptions/" + id).then()
                .body("pausedReason", org.hamcrest.Matchers.containsString("failed for 26 h"));
        given().auth().oauth2(partner).get("/api/v1/subscriptions/" + id + "/deliveries").then().statusCode(200)
                .body("items[0].status", equalTo("FAILED")).body("items[0].attempts", equalTo(21))
                .body("items[0].nextAttemptAt", nullValue())
                .body("items[0].attemptLog[0].statusCode", equalTo(500));
        assertThat(received(path)).hasSize(1);
    }

    @Test
    void aSubscriptionIsDeletedWhileOneOfItsDeliveriesIsBeingSent() throws Exception {
        String partner = Tokens.clientCredentials("partner-demo");
        String id = given().auth().oauth2(partner).contentType("application/json")
                .body(Map.of("callbackUrl", receiver() + "/hooks/ok-" + UUID.randomUUID(), "eventTypes",
                        List.of(CASE_STATUS)))
                .post("/api/v1/subscriptions").then().statusCode(201).extract().path("id");
        long delivery;
        // due in an hour, so the running dispatcher leaves it to this test, which sends it the dispatcher's way
        try (var c = dataSource.getConnection(); var ps = c.prepareStatement("""
                insert into webhook_delivery (subscription_id, event_id, event_type, aggregate_id, body, status,
                    next_attempt_at, created_at)
                values (?, ?, ?, ?, '{}', 'PENDING', now() + interval '1 hour', now()) returning id""")) {
            ps.setObject(1, UUID.fromString(id));
            ps.setString(2, UUID.randomUUID().toString());
            ps.setString(3, CASE_STATUS);
            ps.setString(4, UUID.randomUUID().toString());
            try (var rs = ps.executeQuery()) {
                rs.next();
                delivery = rs.getLong(1);
            }
        }
        CompletableFuture<Integer> deleted;
        try (var sender = dataSource.getConnection()) {
            sender.setAutoCommit(false);
            // the delivery is locked while it is sent; then its outcome is recorded on it and on its subscription
            execute(sender, "select id from webhook_delivery where id = ? for update", delivery);
            deleted = CompletableFuture.supplyAsync(() -> given().auth().oauth2(partner)
                    .delete("/api/v1/subscriptions/" + id).statusCode());
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(this::aRequestWaitsOnALock);
            execute(sender, "update webhook_delivery set attempts = attempts + 1, status = 'DELIVERED' where id = ?",
                    delivery);
            execute(sender, "update webhook_subscription set consecutive_failures = 0, updated_at = now() where id = ?",
                    UUID.fromString(id));
            sender.commit();
        }

        assertThat(deleted.get(30, TimeUnit.SECONDS)).isEqualTo(204);
        given().auth().oauth2(partner).get("/api/v1/subscriptions/" + id).then().statusCode(404);
        try (var c = dataSource.getConnection(); var ps = c.prepareStatement(
                "select count(*) from webhook_delivery where id = ?")) {
            ps.setLong(1, delivery);
            try (var rs = ps.executeQuery()) {
                rs.next();
                assertThat(rs.getLong(1)).isZero();
            }
        }
    }

    private boolean aRequestWaitsOnALock() throws Exception {
        try (var c = dataSource.getConnection(); var ps = c.prepareStatement("""
                select count(*) from pg_stat_activity where wait_event_type = 'Lock' and query like '%webhook_%'
                  and datname = current_database() and pid <> pg_backend_pid()""");
                var rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1) > 0;
        }
    }

    private static void execute(Connection c, String sql, Object parameter) throws Exception {
        try (var ps = c.prepareStatement(sql)) {
            ps.setObject(1, parameter);
            ps.execute();
        }
    }

    @Test
    void retriesBackOffExponentiallyUpToTheCap() {
        // test profile: first retry 0.2 s, capped at 1 s
        assertThat(dispatcher.backoff(1)).isEqualTo(Duration.ofMillis(200));
        assertThat(dispatcher.backoff(2)).isEqualTo(Duration.ofMillis(400));
        assertThat(dispatcher.backoff(3)).isEqualTo(Duration.ofMillis(800));
        assertThat(dispatcher.backoff(4)).isEqualTo(Duration.ofSeconds(1));
        assertThat(dispatcher.backoff(40)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void anInternalEventOnThePublicTopicGoesToTheDeadLetterTopic() throws Exception {
        UUID aggregate = UUID.randomUUID();
        ObjectNode data = mapper.createObjectNode().put("caseId", aggregate.toString()).put("version", 1);
        String eventId = publish(EventTypes.CASE_RECEIVED, aggregate, data);
        Properties props = new Properties();
        props.put("bootstrap.servers", ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        props.put("group.id", "gateway-test-dlq-" + UUID.randomUUID());
        props.put("auto.offset.reset", "earliest");
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.deadLetter("gateway")));
            await().atMost(Duration.ofSeconds(60)).pollInSameThread().until(() -> {
                for (var record : consumer.poll(Duration.ofMillis(300))) {
                    if (record.value().contains(eventId)) {
                        return true;
                    }
                }
                return false;
            });
        }
    }

    // ---- helpers ----

    private void refused(String token, Map<String, Object> body, int status, String field) {
        given().auth().oauth2(token).contentType("application/json").body(body).post("/api/v1/subscriptions")
                .then().statusCode(status).contentType("application/problem+json").body("errors.field", hasItem(field));
    }

    private ObjectNode caseStatus(UUID caseId, long version, String province, String status) {
        ObjectNode data = mapper.createObjectNode();
        data.put("caseId", caseId.toString()).put("version", version)
                .put("occurredAt", OffsetDateTime.now(ZoneOffset.UTC).toString()).put("provinceCode", province)
                .put("kind", "COMPLAINT").put("status", status).put("handlingBodyCode", "TTCP");
        return data;
    }

    private ObjectNode inspectionConcluded(UUID inspectionId) {
        ObjectNode data = mapper.createObjectNode();
        data.put("inspectionId", inspectionId.toString()).put("version", 3)
                .put("occurredAt", OffsetDateTime.now(ZoneOffset.UTC).toString()).put("provinceCode", "VN-HN")
                .put("inspectingBodyCode", "TT-HN").put("inspectionType", "ADMINISTRATIVE").put("sector", "LAND")
                .put("concludedOn", "2026-11-20").put("violationsVnd", 1_500_000_000L).put("violationsLandM2", 1200)
                .put("recoveryRecommendedVnd", 900_000_000L).put("recoveryRecommendedLandM2", 300)
                .put("responsibleOrganisationsCount", 2).put("responsibleIndividualsCount", 5)
                .put("transfersToInvestigationCount", 1).put("unitsCovered", 4);
        return data;
    }

    private String publish(String type, UUID aggregate, ObjectNode data) throws Exception {
        return publish(type, aggregate, data, Map.of());
    }

    private String publish(String type, UUID aggregate, ObjectNode data, Map<String, ?> extensions)
            throws Exception {
        try (var producer = producer(Map.of())) {
            Sent sent = send(producer, type, aggregate, data, extensions);
            sent.ack().get();
            return sent.id();
        }
    }

    private KafkaProducer<String, String> producer(Map<String, String> settings) {
        Properties props = new Properties();
        props.put("bootstrap.servers", ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        props.putAll(settings);
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    private record Sent(String id, Future<RecordMetadata> ack) {
    }

    /** Sends a structured CloudEvent on the public topic. */
    private Sent send(KafkaProducer<String, String> producer, String type, UUID aggregate, ObjectNode data,
            Map<String, ?> extensions) throws Exception {
        String eventId = UUID.randomUUID().toString();
        ObjectNode event = mapper.createObjectNode();
        event.put("specversion", "1.0").put("id", eventId).put("source", "/inspectorate/complaints-service")
                .put("type", type).put("subject", aggregate.toString())
                .put("time", OffsetDateTime.now(ZoneOffset.UTC).toString()).put("datacontenttype", "application/json")
                .set("data", data);
        extensions.forEach((name, value) -> event.set(name, mapper.valueToTree(value)));
        return new Sent(eventId, producer.send(new ProducerRecord<>(Topics.PUBLIC, aggregate.toString(),
                mapper.writeValueAsString(event))));
    }

    private record Published(String type, UUID aggregate, ObjectNode data) {
    }

    /** Publishes the events with one producer and one flush, so the gateway can take several in one batch. */
    private List<String> publishTogether(List<Published> events) throws Exception {
        List<Sent> sent = new java.util.ArrayList<>();
        try (var producer = producer(Map.of("linger.ms", "50"))) {
            for (Published p : events) {
                sent.add(send(producer, p.type(), p.aggregate(), p.data(), Map.of()));
            }
            producer.flush();
            for (Sent s : sent) {
                s.ack().get();
            }
        }
        return sent.stream().map(Sent::id).toList();
    }

    private boolean processed(String eventId) throws Exception {
        try (var c = dataSource.getConnection(); var ps = c.prepareStatement(
                "select 1 from platform_processed_event where consumer = 'gateway-webhooks' and event_id = ?")) {
            ps.setString(1, eventId);
            try (var rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private List<JsonNode> received(String path) throws Exception {
        String json = given().get(receiver() + "/received?path=" + path).then().statusCode(200).extract().asString();
        JsonNode calls = mapper.readTree(json);
        return java.util.stream.StreamSupport.stream(calls.spliterator(), false).toList();
    }

    private JsonNode body(JsonNode call) {
        try {
            return mapper.readTree(call.path("body").asText());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hmac(String secret, String signed) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    }

    private static String receiver() {
        return ConfigProvider.getConfig().getValue("gateway-test.receiver-url", String.class);
    }
}
