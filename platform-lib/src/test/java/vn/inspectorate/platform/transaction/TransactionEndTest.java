package vn.inspectorate.platform.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TransactionEndTest {

    @Inject
    TransactionEnd transactionEnd;

    @Test
    void afterCommitRunsOnceCommittedAndNeverAfterARollback() {
        List<String> ran = new ArrayList<>();

        QuarkusTransaction.requiringNew().run(() -> {
            transactionEnd.afterCommit(() -> ran.add("committed"));
            assertThat(ran).as("not before the end").isEmpty();
        });
        rolledBack(() -> transactionEnd.afterCommit(() -> ran.add("rolled back")));

        assertThat(ran).containsExactly("committed");
    }

    @Test
    void afterCompletionRunsOnEitherOutcome() {
        List<String> ran = new ArrayList<>();

        QuarkusTransaction.requiringNew().run(() -> transactionEnd.afterCompletion(() -> ran.add("committed")));
        rolledBack(() -> transactionEnd.afterCompletion(() -> ran.add("rolled back")));

        assertThat(ran).containsExactly("committed", "rolled back");
    }

    @Test
    void afterCommitOnceRunsOncePerTransactionAndKey() {
        List<String> ran = new ArrayList<>();
        Object key = new Object();

        for (int t = 1; t <= 2; t++) {
            String transaction = "transaction " + t;
            QuarkusTransaction.requiringNew().run(() -> {
                transactionEnd.afterCommitOnce(key, () -> ran.add(transaction));
                transactionEnd.afterCommitOnce(key, () -> ran.add(transaction + " again"));
            });
        }

        assertThat(ran).containsExactly("transaction 1", "transaction 2");
    }

    /** Runs {@code work} in a transaction that rolls back. */
    private static void rolledBack(Runnable work) {
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            work.run();
            QuarkusTransaction.setRollbackOnly();
        })).hasMessageContaining("Could not commit");
    }
}
