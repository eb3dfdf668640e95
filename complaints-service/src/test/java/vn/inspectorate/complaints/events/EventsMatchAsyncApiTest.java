package vn.inspectorate.complaints.events;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.inspectorate.complaints.Cases.command;
import static vn.inspectorate.complaints.Cases.complaint;
import static vn.inspectorate.complaints.Cases.create;
import static vn.inspectorate.complaints.Cases.denunciation;
import static vn.inspectorate.complaints.Cases.map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.ValidationMessage;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import vn.inspectorate.complaints.KafkaEvents;
import vn.inspectorate.complaints.deadlines.OverdueScanner;
import vn.inspectorate.contracts.CloudEvent;
import vn.inspectorate.contracts.EventCatalog;
import vn.inspectorate.contracts.EventTypes;
import vn.inspectorate.contracts.Topics;
import vn.inspectorate.testsupport.AsyncApiSchemas;
import vn.inspectorate.testsupport.KafkaResource;
import vn.inspectorate.testsupport.PostgresResource;

/** Every event this service puts on its topics, read back from the real broker, matches its AsyncAPI schema. */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
class EventsMatchAsyncApiTest {


    @Inject
    OverdueScanner overdue;

    @Test
    @TestSecurity(user = "hn-officer", roles = {"provincial-system", "inspector", "central-analyst"})
    @OidcSecurity(claims = @Claim(key = "province", value = "VN-HN"))
    void everyEmittedEventMatchesItsSchema() {
        // a scenario that emits every event type of the cases topic
        String complaint = create(complaint(LocalDate.of(2026, 3, 2)));
        command(complaint, "classify", map("kind", "COMPLAINT")).statusCode(200);
        command(complaint, "accept", map("acceptedOn", "2026-03-03")).statusCode(200);
        command(complaint, "assign", map("handlingBodyCode", "HN-LAND")).statusCode(200);
        command(complaint, "resolve", map("outcome", "UPHELD", "decisionReference", "QD-1",
                "resolvedOn", "2026-03-20")).statusCode(200);
        String second = command(complaint, "escalate", map("toBodyCode", "HN-PC", "filedOn", "2026-03-25"))
                .statusCode(200).extract().path("escalatedCaseId");
        command(second, "transfer", map("toBodyCode", "TTT-NB", "reasonCode", "NOT_COMPETENT")).statusCode(200);
        command(second, "close", map("closureReason", "TRANSFERRED", "closedOn", "2026-03-26")).statusCode(200);

        String denunciation = create(denunciation(LocalDate.of(2026, 3, 2)));
        command(denunciation, "classify", map("kind", "DENUNCIATION", "respondentDeclarantId",
                java.util.UUID.randomUUID().toString())).statusCode(200);
        command(denunciation, "accept", map("acceptedOn", "2026-03-03")).statusCode(200);
        command(denunciation, "extend", map("reasonCode", "COMPLEX", "decisionReference", "GH-1",
                "decidedOn", "2026-03-30")).statusCode(200);
        given().contentType(ContentType.JSON).body(map("decisionReference", "CV-7", "decidedOn", "2026-04-01"))
                .post("/api/v1/cases/" + denunciation + "/watchlist").then().statusCode(200);
        given().contentType(ContentType.JSON).body(map("reportMonth", "2026-04", "stage", "VERIFYING"))
                .post("/api/v1/cases/" + denunciation + "/watchlist/progress").then().statusCode(200);
        while (overdue.scan(LocalDate.of(2026, 5, 10)) > 0) {
            // until every deadline passed by that day is noticed
        }

        var petitionBody = complaint(LocalDate.of(2026, 3, 2));
        petitionBody.put("kind", "PETITION");
        String petition = create(petitionBody);
        command(petition, "classify", map("kind", "PETITION")).statusCode(200);
        command(petition, "accept", map("acceptedOn", "2026-03-03")).statusCode(200)
                .body("deadlines.resolutionDueOn", org.hamcrest.Matchers.nullValue());
        command(petition, "assign", map("handlingBodyCode", "HN-DOC")).statusCode(200);

        String rejected = create(complaint(LocalDate.of(2026, 3, 2)));
        command(rejected, "not-accept", map("reasonCode", "NOT_COMPETENT", "decisionReference", "TB-1",
                "decidedOn", "2026-03-04")).statusCode(200);

        KafkaEvents.await(Topics.CASES, denunciation, e -> KafkaEvents.types(e).contains(EventTypes.CASE_OVERDUE));
        KafkaEvents.await(Topics.CASES, rejected, e -> e.size() >= 2);
        KafkaEvents.await(Topics.CASES, petition, e -> e.size() >= 4);
        KafkaEvents.await(Topics.PUBLIC, rejected, e -> e.size() >= 2);

        Set<String> seen = new HashSet<>();
        List<String> failures = new ArrayList<>();
        for (String topic : List.of(Topics.CASES, Topics.PUBLIC)) {
            for (ConsumerRecord<String, String> record : KafkaEvents.all(topic)) {
                JsonNode event = KafkaEvents.json(record.value());
                String type = event.path("type").asText();
                seen.add(type);
                if (!topic.equals(EventCatalog.topicOf(type))) {
                    failures.add(type + " published on " + topic + " instead of " + EventCatalog.topicOf(type));
                }
                if (!record.key().equals(event.path("subject").asText())
                        || !record.key().equals(event.path("data").path("caseId").asText())) {
                    failures.add(type + " " + event.path("id").asText() + ": key, subject and caseId differ");
                }
                var contentType = record.headers().lastHeader("content-type");
                if (contentType == null || !CloudEvent.CONTENT_TYPE.equals(
                        new String(contentType.value(), StandardCharsets.UTF_8))) {
                    failures.add(type + " " + event.path("id").asText() + ": content-type header missing or wrong");
                }
                JsonSchema schema = AsyncApiSchemas.forType(type).orElse(null);
                if (schema == null) {
                    failures.add(type + " has no message in the AsyncAPI document");
                    continue;
                }
                Set<ValidationMessage> errors = schema.validate(event);
                if (!errors.isEmpty()) {
                    failures.add(type + " " + event.path("id").asText() + ": " + errors);
                }
            }
        }
        assertThat(failures).isEmpty();
        assertThat(seen).contains(EventTypes.CASE_RECEIVED, EventTypes.CASE_CLASSIFIED, EventTypes.CASE_ACCEPTED,
                EventTypes.CASE_REJECTED, EventTypes.CASE_ASSIGNED, EventTypes.CASE_EXTENDED,
                EventTypes.CASE_TRANSFERRED, EventTypes.CASE_RESOLVED, EventTypes.CASE_ESCALATED,
                EventTypes.CASE_CLOSED, EventTypes.CASE_OVERDUE, EventTypes.CASE_WATCHLISTED,
                EventTypes.CASE_PROGRESS_REPORTED, EventTypes.PUBLIC_CASE_STATUS_CHANGED);
    }

    /**
     * The W3C trace context of a request travels on the events it causes; a request without one starts a new trace
     * that every event of that request shares.
     */
    @Test
    @TestSecurity(user = "hn-officer", roles = {"provincial-system", "inspector"})
    @OidcSecurity(claims = @Claim(key = "province", value = "VN-HN"))
    void theEventsOfARequestCarryItsTraceparent() {
        String traceparent = "00-" + java.util.UUID.randomUUID().toString().replace("-", "") + "-b7ad6b7169203331-01";
        String traced = given().header("traceparent", traceparent).contentType(ContentType.JSON)
                .body(complaint(LocalDate.of(2026, 3, 2))).post("/api/v1/cases").then().statusCode(201)
                .extract().path("id");
        command(traced, "classify", map("kind", "COMPLAINT")).statusCode(200);
        List<JsonNode> events = new ArrayList<>(KafkaEvents.await(Topics.CASES, traced, e -> e.size() >= 2));
        events.addAll(KafkaEvents.await(Topics.PUBLIC, traced, e -> e.size() >= 2));
        JsonNode receivedEvent = events.stream()
                .filter(e -> EventTypes.CASE_RECEIVED.equals(e.path("type").asText())).findFirst().orElseThrow();
        JsonNode classifiedEvent = events.stream()
                .filter(e -> EventTypes.CASE_CLASSIFIED.equals(e.path("type").asText())).findFirst().orElseThrow();
        assertThat(receivedEvent.path("traceparent").asText()).isEqualTo(traceparent);
        assertThat(classifiedEvent.path("traceparent").asText()).as("a request without traceparent starts a trace")
                .matches("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}").isNotEqualTo(traceparent);
        assertThat(events.stream().filter(e -> e.path("data").path("version").asLong() == 1)
                .map(e -> e.path("traceparent").asText()).distinct()).containsExactly(traceparent);
        assertThat(events.stream().filter(e -> e.path("data").path("version").asLong() == 2)
                .map(e -> e.path("traceparent").asText()).distinct())
                .as("one request, one trace").containsExactly(classifiedEvent.path("traceparent").asText());
        var header = KafkaEvents.all(Topics.CASES).stream().filter(r -> traced.equals(r.key())).findFirst()
                .orElseThrow().headers().lastHeader("traceparent");
        assertThat(new String(header.value(), StandardCharsets.UTF_8)).isEqualTo(traceparent);
    }

    @Test
    void theValidatorRefusesAnEventThatBreaksItsSchema() {
        JsonSchema schema = AsyncApiSchemas.forType(EventTypes.CASE_ACCEPTED).orElseThrow();
        ObjectNode event = (ObjectNode) KafkaEvents.json("""
                {"specversion":"1.0","id":"1","source":"/inspectorate/complaints-service",
                 "type":"vn.inspectorate.case.accepted.v1","data":{"caseId":"not-a-uuid","version":0}}""");
        assertThat(schema.validate(event)).isNotEmpty();
    }
}
