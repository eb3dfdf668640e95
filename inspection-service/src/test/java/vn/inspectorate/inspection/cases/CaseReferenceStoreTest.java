package vn.inspectorate.inspection.cases;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.inspectorate.inspection.cases.CaseReferenceStore.Fact;
import vn.inspectorate.testsupport.KafkaResource;
import vn.inspectorate.testsupport.PostgresResource;

/**
 * Facts recorded in one call come out as if each had been recorded alone, in its order: several of one case, stale
 * ones among them, and facts that leave the kind or the status as recorded.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
class CaseReferenceStoreTest {

    @Inject
    CaseReferenceStore store;

    @Inject
    EntityManager em;

    @Test
    void factsOfOneCallAreAppliedInTheirOrderAndStaleOnesChangeNothing() {
        UUID transferred = UUID.randomUUID();
        UUID statusless = UUID.randomUUID();
        UUID recorded = UUID.randomUUID();
        record(List.of(new Fact(recorded, 3, "VN-HN", "COMPLAINT", "ACCEPTED")));

        record(List.of(
                new Fact(transferred, 1, "VN-HN", null, "RECEIVED"),
                new Fact(statusless, 5, "VN-DN", "PETITION", null),
                new Fact(transferred, 2, "VN-HN", "DENUNCIATION", "CLASSIFIED"),
                new Fact(recorded, 2, "VN-SG", "PETITION", "CLOSED"),
                new Fact(transferred, 1, "VN-HN", null, "RECEIVED"),
                new Fact(transferred, 3, "VN-SG", null, null),
                new Fact(recorded, 4, "VN-HN", null, "RESOLVED"),
                new Fact(recorded, 4, "VN-SG", "PETITION", "CLOSED")));

        assertThat(row(transferred)).containsExactly("VN-SG", "DENUNCIATION", "CLASSIFIED", 3L);
        assertThat(row(statusless)).containsExactly("VN-DN", "PETITION", "KNOWN", 5L);
        assertThat(row(recorded)).containsExactly("VN-HN", "COMPLAINT", "RESOLVED", 4L);

        record(List.of(new Fact(statusless, 4, "VN-HN", "COMPLAINT", "CLOSED"),
                new Fact(statusless, 6, "VN-DN", null, "ACCEPTED")));
        assertThat(row(statusless)).containsExactly("VN-DN", "PETITION", "ACCEPTED", 6L);
    }

    private void record(List<Fact> facts) {
        QuarkusTransaction.requiringNew().run(() -> store.recordAll(facts));
    }

    private Object[] row(UUID caseId) {
        return QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                "select province_code, kind, status, last_version from case_reference where case_id = ?1")
                .setParameter(1, caseId).getSingleResult());
    }
}
