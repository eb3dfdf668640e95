package vn.inspectorate.complaints.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.inspectorate.complaints.Cases.command;
import static vn.inspectorate.complaints.Cases.complaint;
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
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
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
class OverdueScannerTest {

    @Inject
    OverdueScanner scanner;

    @Inject
    jakarta.persistence.EntityManager em;

    long notices(String id) {
        return ((Number) em.createNativeQuery("select count(*) from case_overdue_notice where case_id = cast(?1 as uuid)")
                .setParameter(1, id).getSingleResult()).longValue();
    }

    @Test
    void eachPassedDeadlineIsNoticedOnceAndAnExtendedOneAgain() {
        // acceptance due 12 March: not overdue on the 12th, overdue from the 13th
        String late = create(complaint(LocalDate.of(2026, 3, 2)));
        scanUntilQuiet(LocalDate.of(2026, 3, 12));
        assertThat(notices(late)).isZero();
        scanUntilQuiet(LocalDate.of(2026, 3, 13));
        scanUntilQuiet(LocalDate.of(2026, 3, 20));
        assertThat(notices(late)).isEqualTo(1);
        List<JsonNode> notices = awaitOverdue(late, 1);
        assertThat(notices.get(0).path("data").path("step").asText()).isEqualTo("ACCEPTANCE");
        assertThat(notices.get(0).path("data").path("dueOn").asText()).isEqualTo("2026-03-12");
        assertThat(notices.get(0).path("data").path("daysOverdue").asInt()).isEqualTo(1);

        String denounced = create(denunciation(LocalDate.of(2026, 4, 1)));
        command(denounced, "classify", map("kind", "DENUNCIATION")).statusCode(200);
        command(denounced, "accept", map("acceptedOn", "2026-04-02")).statusCode(200);
        // the 30th day, Saturday 2 May, is a day off: the time limit ends on Monday 4 May, and 30 days later on 3 June
        scanUntilQuiet(LocalDate.of(2026, 5, 4));
        scanUntilQuiet(LocalDate.of(2026, 5, 5));
        command(denounced, "extend", map("reasonCode", "COMPLEX", "decisionReference", "GH-9",
                "decidedOn", "2026-05-05")).statusCode(200);
        scanUntilQuiet(LocalDate.of(2026, 6, 3));
        scanUntilQuiet(LocalDate.of(2026, 6, 4));
        List<JsonNode> overdue = awaitOverdue(denounced, 3);
        List<JsonNode> resolution = overdue.stream()
                .filter(e -> e.path("data").path("step").asText().equals("RESOLUTION")).toList();
        assertThat(resolution.stream().map(e -> e.path("data").path("dueOn").asText()).toList())
                .containsExactly("2026-05-04", "2026-06-03");
        // the denouncer was never told of the acceptance: five working days from Thursday 2 April end on the 9th
        List<JsonNode> notice = overdue.stream()
                .filter(e -> e.path("data").path("step").asText().equals("DENOUNCER_NOTICE")).toList();
        assertThat(notice).hasSize(1);
        assertThat(notice.get(0).path("data").path("dueOn").asText()).isEqualTo("2026-04-09");
        // a resolved case is not overdue any more
        command(denounced, "resolve", map("outcome", "PARTLY_TRUE", "decisionReference", "KL-1",
                "resolvedOn", "2026-06-05")).statusCode(200);
        scanUntilQuiet(LocalDate.of(2026, 9, 1));
        assertThat(notices(denounced)).isEqualTo(3);
    }

    @Test
    void aPausedCaseRunsLateOnlyWhilePausedTimeCounts() {
        String counting = create(complaint(LocalDate.of(2026, 6, 30)));
        String standing = create(complaint(LocalDate.of(2026, 7, 1)));
        for (String id : List.of(counting, standing)) {
            command(id, "classify", map("kind", "COMPLAINT")).statusCode(200);
            command(id, "accept", map("acceptedOn", "2026-07-01")).statusCode(200);
            command(id, "pause", map("reason", "expert opinion", "pausedOn", "2026-07-10")).statusCode(200);
        }
        scanUntilQuiet(LocalDate.of(2026, 8, 15));
        assertThat(notices(counting)).isEqualTo(1);
        assertThat(notices(standing)).isZero();
    }

    private void scanUntilQuiet(LocalDate today) {
        while (scanner.scan(today) > 0) {
            // cases of other tests may be noticed too; go on until the day is done
        }
    }

    private static List<JsonNode> awaitOverdue(String id, int count) {
        return KafkaEvents.await(Topics.CASES, id, events -> events.stream()
                .filter(e -> e.path("type").asText().equals(EventTypes.CASE_OVERDUE)).count() >= count)
                .stream().filter(e -> e.path("type").asText().equals(EventTypes.CASE_OVERDUE)).toList();
    }
}
