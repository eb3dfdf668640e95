package vn.inspectorate.complaints.inspections;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.inspectorate.complaints.Cases.command;
import static vn.inspectorate.complaints.Cases.complaint;
import static vn.inspectorate.complaints.Cases.create;
import static vn.inspectorate.complaints.Cases.map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.inspectorate.complaints.KafkaEvents;
import vn.inspectorate.contracts.EventTypes;
import vn.inspectorate.contracts.Topics;
import vn.inspectorate.testsupport.KafkaResource;
import vn.inspectorate.testsupport.PostgresResource;

@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
@TestSecurity(user = "hn-officer", roles = {"provincial-system", "inspector"})
@OidcSecurity(claims = @Claim(key = "province", value = "VN-HN"))
class InspectionConclusionConsumerTest {

    @Inject
    EntityManager em;

    @Test
    void aConclusionResolvesTheCasesItWasOpenedFromOnceAndPoisonGoesToTheDeadLetterTopic() {
        String underResolution = create(complaint(LocalDate.of(2026, 2, 2)));
        command(underResolution, "classify", map("kind", "COMPLAINT")).statusCode(200);
        command(underResolution, "accept", map("acceptedOn", "2026-02-03")).statusCode(200);
        command(underResolution, "assign", map("handlingBodyCode", "HN-INSPECTION-TEAM")).statusCode(200);
        String onlyReceived = create(complaint(LocalDate.of(2026, 2, 2)));
        UUID inspection = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        String concluded = conclusion(eventId, inspection, List.of(underResolution, onlyReceived,
                UUID.randomUUID().toString()));
        String key = inspection.toString();

        KafkaEvents.send(Topics.INSPECTIONS, key, concluded);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/v1/cases/" + underResolution)
                .then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo("RESOLVED"))
                .body("inspections", org.hamcrest.Matchers.contains(key))
                .body("outcome", org.hamcrest.Matchers.equalTo("CONCLUDED_BY_INSPECTION")));
        given().get("/api/v1/cases/" + onlyReceived).then()
                .body("status", org.hamcrest.Matchers.equalTo("RECEIVED"))
                .body("inspections", org.hamcrest.Matchers.contains(key));

        // redelivery, poison and a marker on the same partition: once the marker is handled, the rest was too
        KafkaEvents.send(Topics.INSPECTIONS, key, concluded);
        KafkaEvents.send(Topics.INSPECTIONS, key, "{not a cloud event");
        KafkaEvents.send(Topics.INSPECTIONS, key, "{\"specversion\":\"1.0\",\"id\":\"" + UUID.randomUUID()
                + "\",\"source\":\"/x\",\"type\":\"" + EventTypes.INSPECTION_CONCLUDED
                + "\",\"data\":{\"inspectionId\":\"not-a-uuid\"}}");
        String marker = create(complaint(LocalDate.of(2026, 2, 2)));
        KafkaEvents.send(Topics.INSPECTIONS, key, conclusion(UUID.randomUUID().toString(), UUID.randomUUID(),
                List.of(marker)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/v1/cases/" + marker)
                .then().body("inspections", org.hamcrest.Matchers.hasSize(1)));

        long links = ((Number) em.createNativeQuery(
                "select count(*) from case_inspection_link where case_id = cast(?1 as uuid)")
                .setParameter(1, underResolution).getSingleResult()).longValue();
        assertThat(links).isEqualTo(1);
        var events = KafkaEvents.await(Topics.CASES, underResolution, e -> e.size() >= 5);
        assertThat(KafkaEvents.types(events).stream().filter(EventTypes.CASE_RESOLVED::equals)).hasSize(1);
        assertThat(events.get(4).path("data").path("inspectionId").asText()).isEqualTo(key);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                KafkaEvents.all(Topics.deadLetter("complaints-service")).stream().map(r -> r.value()).toList())
                .contains("{not a cloud event").anyMatch(v -> v.contains("not-a-uuid")));
    }

    /**
     * A reader tolerates what a compatible producer may add: a payload field it does not know and CloudEvents
     * extension attributes. The event is applied, not dead-lettered, and what it causes continues its trace.
     */
    @Test
    void aConclusionWithAnAddedFieldAndExtensionAttributesIsAppliedInItsTrace() {
        String c = create(complaint(LocalDate.of(2026, 2, 2)));
        command(c, "classify", map("kind", "COMPLAINT")).statusCode(200);
        command(c, "accept", map("acceptedOn", "2026-02-03")).statusCode(200);
        UUID inspection = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        String traceparent = "00-" + UUID.randomUUID().toString().replace("-", "") + "-00f067aa0ba902b7-01";
        ObjectNode event = (ObjectNode) KafkaEvents.json(conclusion(eventId, inspection, List.of(c)));
        event.put("traceparent", traceparent);
        event.put("partitionkey", inspection.toString());
        event.put("comexampleextension", 7);
        ((ObjectNode) event.get("data")).put("fieldAddedLater", "ignored").putObject("nestedAddition").put("x", 1);

        KafkaEvents.send(Topics.INSPECTIONS, inspection.toString(), event.toString());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/v1/cases/" + c)
                .then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo("RESOLVED")));
        var resolved = KafkaEvents.await(Topics.CASES, c, e -> KafkaEvents.types(e).contains(EventTypes.CASE_RESOLVED))
                .stream().filter(e -> EventTypes.CASE_RESOLVED.equals(e.path("type").asText())).findFirst()
                .orElseThrow();
        assertThat(resolved.path("traceparent").asText()).isEqualTo(traceparent);
        assertThat(KafkaEvents.all(Topics.deadLetter("complaints-service")).stream().map(r -> r.value()))
                .noneMatch(v -> v.contains(eventId));
    }

    private static String conclusion(String eventId, UUID inspection, List<String> cases) {
        String ids = String.join("\",\"", cases);
        return """
                {"specversion":"1.0","id":"%s","source":"/inspectorate/inspection-service",
                 "type":"%s","subject":"%s","time":"2026-06-01T08:00:00Z","datacontenttype":"application/json",
                 "data":{"inspectionId":"%s","version":5,"occurredAt":"2026-06-01T08:00:00Z","provinceCode":"VN-HN",
                   "inspectingBodyCode":"HN-INSPECTORATE","inspectedEntityCode":"HN-LAND-OFFICE",
                   "inspectionType":"AD_HOC","sector":"LAND","concludedOn":"2026-05-30","violationsVnd":1200000000,
                   "violationsLandM2":5000,"recoveryRecommendedVnd":800000000,"recoveryRecommendedLandM2":2000,
                   "responsibleOrganisationsCount":2,"responsibleIndividualsCount":3,"transfersToInvestigationCount":0,
                   "unitsCovered":4,"resolvedCaseIds":["%s"]}}
                """.formatted(eventId, EventTypes.INSPECTION_CONCLUDED, inspection, inspection, ids);
    }
}
