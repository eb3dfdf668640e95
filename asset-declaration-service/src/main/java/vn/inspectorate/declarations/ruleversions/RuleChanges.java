package vn.inspectorate.declarations.ruleversions;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import vn.inspectorate.declarations.redflags.RedFlagEngine;
import vn.inspectorate.declarations.ruleversions.RuleVersionsApi.ChangeView;
import vn.inspectorate.declarations.rules.RuleData;
import vn.inspectorate.platform.security.CallerScope;
import vn.inspectorate.platform.time.VietnamTime;
import vn.inspectorate.platform.transaction.TransactionEnd;

/** The record of every rule change: who made it, when, why, and what it changed (as JSON). Append-only. */
@ApplicationScoped
public class RuleChanges {

    private final RuleVersionStore store;
    private final CallerScope caller;
    private final TransactionEnd transactionEnd;
    private final RuleData ruleData;
    private final RedFlagEngine redFlags;

    RuleChanges(RuleVersionStore store, CallerScope caller,
            TransactionEnd transactionEnd, RuleData ruleData, RedFlagEngine redFlags) {
        this.store = store;
        this.caller = caller;
        this.transactionEnd = transactionEnd;
        this.ruleData = ruleData;
        this.redFlags = redFlags;
    }

    /**
     * Records a change made by the caller, in the caller's transaction. The rules are read again once it completes,
     * so the next declaration judged here is judged by what was committed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID record(String kind, String subject, String reason, Object details) {
        UUID id = UUID.randomUUID();
        store.insertChange(id, kind, subject, caller.subject(), VietnamTime.now(), reason.strip(), details);
        // also after a rollback: a read inside the transaction may have cached what was never committed
        transactionEnd.afterCompletion(() -> {
            ruleData.invalidate();
            redFlags.invalidate();
        });
        return id;
    }

    /** The latest changes first, optionally of one subject. */
    public List<ChangeView> latest(String subject, int limit) {
        return store.changes(subject, limit);
    }
}
