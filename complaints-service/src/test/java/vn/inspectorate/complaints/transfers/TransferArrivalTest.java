package vn.inspectorate.complaints.transfers;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static vn.inspectorate.complaints.Cases.command;
import static vn.inspectorate.complaints.Cases.complaint;
import static vn.inspectorate.complaints.Cases.create;
import static vn.inspectorate.complaints.Cases.get;
import static vn.inspectorate.complaints.Cases.map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import vn.inspectorate.complaints.KafkaEvents;
import vn.inspectorate.complaints.cases.BusinessDate;
import vn.inspectorate.contracts.EventTypes;
import vn.inspectorate.contracts.Topics;
import vn.inspectorate.testsupport.KafkaResource;
import vn.inspectorate.testsupport.PostgresResource;

/**
 * A transfer from Ha Noi to the Ninh Binh provincial inspectorate arrives once, as a case of Ninh Binh's own, however
 * often its event is delivered; a transfer that cannot be delivered is refused and changes nothing; the arrived case's
 * identity is for the receiving body.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TransferArrivalTest {

    static final String NOT_DELIVERABLE = "https://inspectorate.gov.vn/problems/transfer-not-deliverable";
    static String sending;
    static String arrived;
    static String complainantName;

    @Inject
    EntityManager em;
    @Inject
    TransferArrivalConsumer consumer;

    @Test
    @Order(1)
    @TestSecurity(user = "hn-officer", roles = {"provincial-system", "inspector"})
    @OidcSecurity(claims = {@Claim(key = "province", value = "VN-HN"), @Claim(key = "agency", value = "TTT-HN")})
    void aTransferToAnotherProvinceArrivesInItsQueueOnce() throws Exception {
        Map<String, Object> filed = complaint(LocalDate.of(2026, 11, 20));
        // filed on the 80th day after the decision: in time, however long the transfer takes to arrive
        filed.put("decisionLearnedOn", "2026-09-01");
        complainantName = (String) ((Map<?, ?>) filed.get("complainant")).get("fullName");
        sending = create(filed);
        command(sending, "classify", map("kind", "COMPLAINT")).statusCode(200);
        command(sending, "transfer", map("toBodyCode", "TTT-NB", "reasonCode", "NOT_COMPETENT")).statusCode(200)
                .body("status", equalTo("TRANSFERRED"));

        arrived = awaitArrival(sending);
        LocalDate today = BusinessDate.today();
        // Ha Noi keeps its case, with the receiving case as a reference: number, province, body and status only
        get(sending).statusCode(200).body("status", equalTo("TRANSFERRED"))
                .body("transferredTo.caseId", equalTo(arrived)).body("transferredTo.provinceCode", equalTo("VN-18"))
                .body("transferredTo.bodyCode", equalTo("TTT-NB")).body("transferredTo.status", equalTo("RECEIVED"));
        given().get("/api/v1/cases/" + sending + "/history").then().statusCode(200)
                .body("command", hasItem("transfer-arrived"));
        // the receiving case is Ninh Binh's: Ha Noi does not find it
        get(arrived).statusCode(404);

        JsonNode event = KafkaEvents.await(Topics.CASES, sending,
                e -> KafkaEvents.types(e).contains(EventTypes.CASE_TRANSFERRED)).stream()
                .filter(e -> EventTypes.CASE_TRANSFERRED.equals(e.path("type").asText())).findFirst().orElseThrow();
        assertThat(event.path("data").path("toProvinceCode").asText()).isEqualTo("VN-18");
        JsonNode received = KafkaEvents.await(Topics.CASES, arrived, e -> !e.isEmpty()).get(0);
        assertThat(received.path("type").asText()).isEqualTo(EventTypes.CASE_RECEIVED);
        assertThat(received.path("data").path("transferredFromCaseId").asText()).isEqualTo(sending);
        assertThat(received.path("data").path("provinceCode").asText()).isEqualTo("VN-18");
        assertThat(received.path("data").path("receivedOn").asText()).isEqualTo(today.toString());
        assertThat(received.toString()).doesNotContain(complainantName);

        // the same event delivered again, and a copy under another id (a replay): nothing new
        deliver(event.toString());
        ((ObjectNode) event).put("id", UUID.randomUUID().toString());
        deliver(event.toString());
        assertThat(count("select count(*) from citizen_case where transferred_from_case_id = '" + sending + "'"))
                .isEqualTo(1);
        assertThat(count("select count(*) from case_history where case_id = '" + sending
                + "' and command = 'transfer-arrived'")).isEqualTo(1);
        assertThat(count("select count(*) from citizen_case where source_system = 'transfer' and source_reference = '"
                + sending + "'")).isEqualTo(1);
    }

    @Test
    @Order(2)
    @TestSecurity(user = "nb-officer", roles = {"provincial-system", "inspector"})
    @OidcSecurity(claims = {@Claim(key = "province", value = "VN-18"), @Claim(key = "agency", value = "TTT-NB")})
    void theReceivingProvinceSeesTheCaseWithItsOwnClockAndIdentity() {
        LocalDate today = BusinessDate.today();
        get(arrived).statusCode(200).body("provinceCode", equalTo("VN-18"))
                .body("receivingBodyCode", equalTo("TTT-NB")).body("channel", equalTo("TRANSFERRED"))
                .body("status", equalTo("RECEIVED")).body("receivedOn", equalTo(today.toString()))
                .body("transferredFrom.caseId", equalTo(sending))
                .body("transferredFrom.provinceCode", equalTo("VN-HN"))
                .body("transferredFrom.status", equalTo("TRANSFERRED"))
                .body("admissibilityFindings", org.hamcrest.Matchers.empty());
        // the acceptance clock of a complaint starts on the day the competent body receives it
        String due = get(arrived).extract().path("deadlines.acceptanceDueOn");
        assertThat(LocalDate.parse(due)).isAfterOrEqualTo(today.plusDays(10));
        given().queryParam("province", "VN-18").queryParam("receivedFrom", today.toString()).queryParam("size", 100)
                .get("/api/v1/cases").then().statusCode(200)
                .body("items.id", hasItem(arrived));
        given().get("/api/v1/cases/" + arrived + "/history").then().statusCode(200)
                .body("command[0]", equalTo("receive")).body("detail[0]", org.hamcrest.Matchers.containsString(sending));
        // the identity was copied within the service: the receiving body reads it, and the reading is logged
        given().queryParam("purpose", "verification").get("/api/v1/cases/" + arrived + "/identity").then()
                .statusCode(200).body("complainant.fullName", equalTo(complainantName));
        assertThat(count("select count(*) from case_identity_read where case_id = '" + arrived
                + "' and reader = 'nb-officer' and reader_agency = 'TTT-NB' and purpose = 'verification'"))
                .isEqualTo(1);
        // Ninh Binh does not find Ha Noi's sending case
        get(sending).statusCode(404);
    }

    @Test
    @Order(3)
    @TestSecurity(user = "hn-officer", roles = {"provincial-system", "inspector"})
    @OidcSecurity(claims = {@Claim(key = "province", value = "VN-HN"), @Claim(key = "agency", value = "TTT-HN")})
    void aTransferThatCannotBeDeliveredIsRefusedAndChangesNothing() {
        String id = create(complaint(LocalDate.of(2026, 11, 20)));
        command(id, "classify", map("kind", "COMPLAINT")).statusCode(200);
        long historyBefore = count("select count(*) from case_history where case_id = '" + id + "'");
        long outboxBefore = count("select count(*) from platform_outbox");
        List<Map<String, Object>> refused = List.of(
                map("toBodyCode", "NO-SUCH-BODY", "reasonCode", "NOT_COMPETENT"),
                // Ha Nam's inspectorate ended on 30 June 2025 (merged into Ninh Binh's)
                map("toBodyCode", "TTT-63", "reasonCode", "NOT_COMPETENT"),
                // the Government Inspectorate keeps no provincial queue
                map("toBodyCode", "TTCP", "reasonCode", "NOT_COMPETENT"),
                // the body the case is with
                map("toBodyCode", "HN-INSPECTORATE", "reasonCode", "NOT_COMPETENT"));
        for (Map<String, Object> body : refused) {
            command(id, "transfer", body).statusCode(422).body("type", equalTo(NOT_DELIVERABLE))
                    .body("errors.field", hasItem("toBodyCode"));
        }
        command(id, "transfer", map("toBodyCode", "TTT-NB", "toProvinceCode", "VN-HN", "reasonCode", "NOT_COMPETENT"))
                .statusCode(422).body("type", equalTo(NOT_DELIVERABLE)).body("errors.field", hasItem("toProvinceCode"));
        get(id).statusCode(200).body("status", equalTo("CLASSIFIED")).body("version", equalTo(2))
                .body("transferredTo", org.hamcrest.Matchers.nullValue());
        assertThat(count("select count(*) from case_history where case_id = '" + id + "'")).isEqualTo(historyBefore);
        assertThat(count("select count(*) from platform_outbox")).isEqualTo(outboxBefore);
    }

    @Test
    @Order(4)
    @TestSecurity(user = "hn-district", roles = {"provincial-system", "inspector"})
    @OidcSecurity(claims = {@Claim(key = "province", value = "VN-HN"), @Claim(key = "agency", value = "TTH-HN-BD")})
    void anotherBodyOfTheProvinceMayNotReadTheIdentity() {
        String id = create(complaint(LocalDate.of(2026, 11, 20)));
        given().get("/api/v1/cases/" + id + "/identity").then().statusCode(403)
                .body("type", equalTo("https://inspectorate.gov.vn/problems/forbidden"));
        assertThat(count("select count(*) from case_identity_read where case_id = '" + id + "'")).isZero();
    }

    @Test
    @Order(5)
    @TestSecurity(user = "hn-desk", roles = {"provincial-system", "inspector"})
    @OidcSecurity(claims = {@Claim(key = "province", value = "VN-HN"), @Claim(key = "agency", value = "HN-INSPECTORATE")})
    void theHandlingBodyReadsTheIdentityAndEachReadingIsLogged() {
        String id = create(complaint(LocalDate.of(2026, 11, 20)));
        given().get("/api/v1/cases/" + id + "/identity").then().statusCode(200);
        given().queryParam("purpose", "notify the complainant").get("/api/v1/cases/" + id + "/identity").then()
                .statusCode(200);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select reader, reader_agency, purpose from case_identity_read "
                + "where case_id = cast(?1 as uuid) order by id").setParameter(1, id).getResultList();
        assertThat(rows).extracting(r -> r[0] + "|" + r[1] + "|" + r[2])
                .containsExactly("hn-desk|HN-INSPECTORATE|handling", "hn-desk|HN-INSPECTORATE|notify the complainant");
    }

    @Test
    @Order(6)
    @TestSecurity(user = "hn-clerk", roles = {"provincial-system", "inspector"})
    @OidcSecurity(claims = @Claim(key = "province", value = "VN-HN"))
    void anInspectorWithoutABodyMayNotReadTheIdentity() {
        String id = create(complaint(LocalDate.of(2026, 11, 20)));
        given().get("/api/v1/cases/" + id + "/identity").then().statusCode(403);
    }

    private String awaitArrival(String id) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            String to = get(id).statusCode(200).extract().path("transferredTo.caseId");
            if (to != null) {
                return to;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the transfer of " + id + " never arrived");
    }

    private void deliver(String value) {
        TopicPartition partition = new TopicPartition(Topics.CASES, 0);
        consumer.consume(new ConsumerRecords<>(Map.of(partition,
                List.of(new ConsumerRecord<>(Topics.CASES, 0, 0L, sending, value)))));
    }

    private long count(String sql) {
        return ((Number) em.createNativeQuery(sql).getSingleResult()).longValue();
    }
}
