package vn.inspectorate.complaints.cases;

import static org.hamcrest.Matchers.equalTo;
import static vn.inspectorate.complaints.Cases.complaint;
import static vn.inspectorate.complaints.Cases.create;
import static vn.inspectorate.complaints.Cases.get;
import static vn.inspectorate.complaints.Cases.post;
import static vn.inspectorate.complaints.Cases.postIn;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.inspectorate.platform.time.VietnamTime;
import vn.inspectorate.testsupport.KafkaResource;
import vn.inspectorate.testsupport.PostgresResource;

/** "Today" is Vietnam's: 00:30 on 13 March in Vietnam is still 12 March in UTC. */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
@TestSecurity(user = "hn-officer", roles = {"provincial-system", "inspector"})
@OidcSecurity(claims = @Claim(key = "province", value = "VN-HN"))
class VietnamTodayTest {

    private static final Instant BEFORE_MIDNIGHT = Instant.parse("2026-03-12T16:30:00Z"); // 23:30 on 12 March
    private static final Instant AFTER_MIDNIGHT = Instant.parse("2026-03-12T17:30:00Z"); // 00:30 on 13 March

    @AfterEach
    void systemClock() {
        VietnamTime.reset();
    }

    @Test
    void aCaseReceivedOn13MarchIsNotInTheFutureFromMidnightInVietnam() {
        VietnamTime.placeAt(BEFORE_MIDNIGHT);
        post(complaint(LocalDate.of(2026, 3, 13))).statusCode(422).body("errors[0].field", equalTo("receivedOn"))
                .body("errors[0].message", equalTo("không được là ngày trong tương lai"));
        postIn("en", complaint(LocalDate.of(2026, 3, 13))).statusCode(422)
                .body("errors[0].message", equalTo("must not be in the future"));

        VietnamTime.placeAt(AFTER_MIDNIGHT);
        post(complaint(LocalDate.of(2026, 3, 13))).statusCode(201);
    }

    @Test
    void anAcceptanceDueOn12MarchIsOverdueFromMidnightInVietnam() {
        // received on 2 March: its acceptance is due on 12 March
        String id = create(complaint(LocalDate.of(2026, 3, 2)));

        VietnamTime.placeAt(BEFORE_MIDNIGHT);
        get(id).statusCode(200).body("deadlines.currentDueOn", equalTo("2026-03-12")).body("overdue", equalTo(false));

        VietnamTime.placeAt(AFTER_MIDNIGHT);
        get(id).statusCode(200).body("overdue", equalTo(true));
    }
}
