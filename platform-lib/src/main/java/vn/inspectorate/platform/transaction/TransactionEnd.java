package vn.inspectorate.platform.transaction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Work that waits for the current transaction to end: a cache forgotten, a relay woken. Runs after the outcome is
 * final, so it never acts on a change that was rolled back (or, with {@link #afterCompletion}, on either outcome).
 */
@ApplicationScoped
public class TransactionEnd {

    private final TransactionSynchronizationRegistry transactions;

    TransactionEnd(TransactionSynchronizationRegistry transactions) {
        this.transactions = transactions;
    }

    /** Runs {@code action} once the current transaction commits; not at all when it rolls back. */
    public void afterCommit(Runnable action) {
        register(action, true);
    }

    /** The same, at most once per transaction for {@code key} (later calls with the same key do nothing). */
    public void afterCommitOnce(Object key, Runnable action) {
        if (transactions.getResource(key) != null) {
            return;
        }
        transactions.putResource(key, Boolean.TRUE);
        register(action, true);
    }

    /** Runs {@code action} once the current transaction ends, committed or rolled back. */
    public void afterCompletion(Runnable action) {
        register(action, false);
    }

    private void register(Runnable action, boolean onlyCommitted) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (!onlyCommitted || status == Status.STATUS_COMMITTED) {
                    action.run();
                }
            }
        });
    }
}
