package vn.inspectorate.complaints.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static vn.inspectorate.complaints.Cases.command;
import static vn.inspectorate.complaints.Cases.create;
import static vn.inspectorate.complaints.Cases.denunciation;
import static vn.inspectorate.complaints.Cases.map;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.inspectorate.complaints.KafkaEvents;
import vn.inspectorate.contracts.EventTypes;
import vn.inspectorate.contracts.Topics;
import vn.inspectorate.testsupport.KafkaResource;
import vn.inspectorate.testsupport.PostgresResource;

/**
 * Every step of a case is an event through the outbox: pause, resume, the notice to the denouncer, a withdrawal in
 * part and a whole one; the steps that change the status also publish the public status. Free text (the reason for a
 * pause, what was withdrawn) stays in the case history, out of the events.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
@TestSecurity(user = "hn-officer", roles = {"provincial-system", "inspector"})
@OidcSecurity(claims = @Claim(key = "province", value = "VN-HN"))
class StepEventsTest {

    @Test
    void pauseResumeNoticeAndWithdrawalsAreEvents() {
        String id = create(denunciation(LocalDate.of(2026, 4, 1)));
        command(id, "classify", map("kind", "DENUNCIATION")).statusCode(200);
        command(id, "accept", map("acceptedOn", "2026-04-24")).statusCode(200);
        command(id, "notify-denouncer", map("notifiedOn", "2026-05-05")).statusCode(200);
        command(id, "pause", map("reason", "awaiting the expert opinion of Mr Pham", "pausedOn", "2026-05-08"))
                .statusCode(200).body("status", equalTo("PAUSED"));
        command(id, "resume", map("resumedOn", "2026-05-18")).statusCode(200).body("status", equalTo("ACCEPTED"));
        command(id, "withdraw-part", map("withdrawnPart", "the claim against Mrs Hoa", "withdrawnOn", "2026-05-20"))
                .statusCode(200);
        command(id, "close", map("closureReason", "WITHDRAWN", "closedOn", "2026-05-25")).statusCode(200);

        List<JsonNode> events = KafkaEvents.await(Topics.CASES, id, e -> e.size() >= 9);
        assertThat(KafkaEvents.types(events)).containsExactly(EventTypes.CASE_RECEIVED, EventTypes.CASE_CLASSIFIED,
                EventTypes.CASE_ACCEPTED, EventTypes.CASE_DENOUNCER_NOTIFIED, EventTypes.CASE_PAUSED,
                EventTypes.CASE_RESUMED, EventTypes.CASE_WITHDRAWN, EventTypes.CASE_CLOSED,
                EventTypes.CASE_WITHDRAWN);
        JsonNode notified = events.get(3).path("data");
        assertThat(notified.path("notifiedOn").asText()).isEqualTo("2026-05-05");
        assertThat(notified.path("notifyDueOn").asText()).isEqualTo("2026-05-06");
        assertThat(notified.path("onTime").asBoolean()).isTrue();
        JsonNode paused = events.get(4).path("data");
        assertThat(paused.path("pausedOn").asText()).isEqualTo("2026-05-08");
        assertThat(paused.path("provinceCode").asText()).isEqualTo("VN-HN");
        JsonNode resumed = events.get(5).path("data");
        assertThat(resumed.path("resumedOn").asText()).isEqualTo("2026-05-18");
        assertThat(resumed.path("resolutionDueOn").isTextual()).isTrue();
        assertThat(events.get(6).path("data").path("scope").asText()).isEqualTo("PART");
        assertThat(events.get(6).path("data").path("withdrawnOn").asText()).isEqualTo("2026-05-20");
        assertThat(events.get(7).path("data").path("closureReason").asText()).isEqualTo("WITHDRAWN");
        assertThat(events.get(8).path("data").path("scope").asText()).isEqualTo("WHOLE");
        assertThat(events.get(8).path("data").path("version").asLong())
                .isEqualTo(events.get(7).path("data").path("version").asLong());
        assertThat(events.stream().map(e -> e.path("data").path("version").asLong()).toList()).isSorted();
        assertThat(events.toString()).doesNotContain("Pham", "Hoa", "expert opinion");

        // the steps that change the status reach partners; the others have no public counterpart
        assertThat(KafkaEvents.await(Topics.PUBLIC, id, e -> e.size() >= 6).stream()
                .map(e -> e.path("data").path("status").asText()).toList())
                .containsExactly("RECEIVED", "CLASSIFIED", "ACCEPTED", "PAUSED", "ACCEPTED", "CLOSED");
    }
}
