package vn.inspectorate.inspection;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import vn.inspectorate.contracts.EventTypes;
import vn.inspectorate.contracts.Topics;
import vn.inspectorate.inspection.support.Requests;
import vn.inspectorate.inspection.support.TopicReader;
import vn.inspectorate.platform.security.Roles;
import vn.inspectorate.testsupport.AsyncApiSchemas;
import vn.inspectorate.testsupport.KafkaResource;
import vn.inspectorate.testsupport.PostgresResource;

/**
 * Cases arrive as {@code case.*} events on the real topic; an inspection opened from a case names it in its opened
 * event and its conclusion lists it as resolved. Unknown cases, other provinces' cases, stale and poison events too.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
class CaseLinkTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EntityManager em;

    @Test
    @TestSecurity(user = "hn-inspector", roles = Roles.INSPECTOR)
    @OidcSecurity(claims = @Claim(key = "province", value = "VN-HN"))
    void anInspectionOpenedFromADenunciationResolvesIt() throws Exception {
        UUID denunciation = UUID.randomUUID();
        UUID otherProvince = UUID.randomUUID();
        String staleId = UUID.randomUUID().toString();
        send(denunciation, EventTypes.CASE_RECEIVED, 1, "VN-HN", Map.of(), UUID.randomUUID().toString());
        send(denunciation, EventTypes.CASE_CLASSIFIED, 2, "VN-HN", Map.of("kind", "DENUNCIATION"),
                UUID.randomUUID().toString());
        send(denunciation, EventTypes.CASE_RECEIVED, 1, "VN-HN", Map.of(), staleId);
        send(otherProvince, EventTypes.CASE_RECEIVED, 1, "VN-SG", Map.of(), UUID.randomUUID().toString());
        TopicReader.send(Topics.CASES, "poison", "this is not a cloud event");

        given().contentType(ContentType.JSON).body(openFrom("CL-QD-0", UUID.randomUUID()))
                .post("/api/v1/inspections").then().statusCode(422).body("errors[0].field", equalTo("caseIds[0]"));
        poll(() -> given().contentType(ContentType.JSON).body(openFrom("CL-QD-9", otherProvince))
                .post("/api/v1/inspections"), r -> r.statusCode() == 422
                && r.jsonPath().getString("type").endsWith("case-other-province"));
        Response opened = poll(() -> given().contentType(ContentType.JSON).body(openFrom("CL-QD-1", denunciation))
                .post("/api/v1/inspections"), r -> r.statusCode() == 201);
        String id = opened.jsonPath().getString("id");
        opened.then().body("caseIds", contains(denunciation.toString()));

        poll(() -> em.createNativeQuery("select count(*) from platform_processed_event where event_id = ?1")
                .setParameter(1, staleId).getSingleResult(), n -> ((Number) n).intValue() == 1);
        Object[] known = (Object[]) em.createNativeQuery(
                "select kind, status, last_version from case_reference where case_id = ?1")
                .setParameter(1, denunciation).getSingleResult();
        assertThat(known).containsExactly("DENUNCIATION", "CLASSIFIED", 2L);

        given().contentType(ContentType.JSON).body(Map.of("startedOn", "2024-04-02"))
                .post("/api/v1/inspections/{id}/start", id).then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("submittedOn", "2024-05-02"))
                .post("/api/v1/inspections/{id}/report", id).then().statusCode(200);
        given().contentType(ContentType.JSON)
                .body(Requests.conclusion("KL-CL-1", "2024-05-10", 1, List.of(0L), List.of(), 0, 0, Map.of("recommendations", List.of())))
                .post("/api/v1/inspections/{id}/conclusion", id).then().statusCode(201);

        List<JsonNode> events = TopicReader.read(Topics.INSPECTIONS, e -> id.equals(e.path("subject").asText()),
                found -> found.size() >= 2, Duration.ofSeconds(30));
        assertThat(events).hasSize(2);
        assertThat(events.get(0).path("data").path("triggeredByCaseId").asText()).isEqualTo(denunciation.toString());
        assertThat(events.get(1).path("data").path("resolvedCaseIds").get(0).asText()).isEqualTo(denunciation.toString());
        assertThat(events).allSatisfy(e -> assertThat(AsyncApiSchemas.validate(e)).isEmpty());

        List<String> dead = TopicReader.readRaw(Topics.deadLetter("inspection-service"), v -> v.contains("not a cloud event"), 1,
                Duration.ofSeconds(30));
        assertThat(dead).hasSize(1);
    }

    /** Additions a compatible producer may make (a payload field, extension attributes) do not make an event poison. */
    @Test
    void caseEventsWithAddedFieldsAndExtensionAttributesAreApplied() throws Exception {
        UUID caseId = UUID.randomUUID();
        String receivedId = UUID.randomUUID().toString();
        String classifiedId = UUID.randomUUID().toString();
        send(caseId, EventTypes.CASE_RECEIVED, 1, "VN-HN", Map.of("fieldAddedLater", Map.of("nested", true)),
                receivedId, Map.of());
        send(caseId, EventTypes.CASE_CLASSIFIED, 2, "VN-HN", Map.of("kind", "COMPLAINT"), classifiedId,
                Map.of("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
                        "partitionkey", caseId.toString(), "comexampleextension", 7));

        poll(() -> em.createNativeQuery("select count(*) from case_reference where case_id = ?1 and last_version = 2")
                .setParameter(1, caseId).getSingleResult(), n -> ((Number) n).intValue() == 1);
        Object[] known = (Object[]) em.createNativeQuery(
                "select kind, status from case_reference where case_id = ?1").setParameter(1, caseId).getSingleResult();
        assertThat(known).containsExactly("COMPLAINT", "CLASSIFIED");
        assertThat(TopicReader.readRawDuring(Topics.deadLetter("inspection-service"),
                v -> v.contains(receivedId) || v.contains(classifiedId), Duration.ofSeconds(5))).isEmpty();
    }

    private static Map<String, Object> openFrom(String decision, UUID caseId) {
        return Requests.open("TTT-HN", decision, "2024-04-01", "ADMINISTRATIVE", "PUBLIC_DUTIES",
                Requests.entity("CL-PB-1", "PUBLIC_BODY", "VN-HN"), Map.of("caseIds", List.of(caseId)));
    }

    private static void send(UUID caseId, String type, long version, String province, Map<String, Object> more,
            String eventId) throws Exception {
        send(caseId, type, version, province, more, eventId, Map.of());
    }

    private static void send(UUID caseId, String type, long version, String province, Map<String, Object> more,
            String eventId, Map<String, Object> extensions) throws Exception {
        Map<String, Object> data = new HashMap<>(Map.of("caseId", caseId.toString(), "version", version,
                "occurredAt", Instant.now().toString(), "provinceCode", province));
        data.putAll(more);
        Map<String, Object> event = new HashMap<>(Map.of("specversion", "1.0", "id", eventId, "source",
                "/inspectorate/complaints-service", "type", type, "subject", caseId.toString(),
                "time", Instant.now().toString(), "datacontenttype", "application/json", "data", data));
        event.putAll(extensions);
        TopicReader.send(Topics.CASES, caseId.toString(), JSON.writeValueAsString(event));
    }

    /** Repeats {@code call} until {@code done} accepts its answer, for at most 30 seconds. */
    private static <T> T poll(Supplier<T> call, java.util.function.Predicate<T> done) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        T last = call.get();
        while (!done.test(last) && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            last = call.get();
        }
        assertThat(done.test(last)).as("condition reached in time, last answer: %s", last).isTrue();
        return last;
    }
}
