package vn.inspectorate.declarations.ruleversions;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import vn.inspectorate.contracts.EventTypes;
import vn.inspectorate.contracts.TimeOrderedIds;
import vn.inspectorate.contracts.reference.DeclarationRuleChanged;
import vn.inspectorate.declarations.redflags.RedFlagEngine;
import vn.inspectorate.declarations.ruleversions.RuleVersionsApi.ChangeView;
import vn.inspectorate.declarations.rules.RuleData;
import vn.inspectorate.platform.outbox.Outbox;
import vn.inspectorate.platform.reference.ReferenceChange;
import vn.inspectorate.platform.reference.ReferenceChangeHandler;
import vn.inspectorate.platform.security.CallerScope;
import vn.inspectorate.platform.time.VietnamTime;
import vn.inspectorate.platform.transaction.TransactionEnd;

/**
 * The record of every rule change: who made it, when, why, and what it changed (as JSON). Append-only. Each change is
 * announced on the reference topic, and a change announced by any instance has this one read its rules again.
 */
@ApplicationScoped
public class RuleChanges implements ReferenceChangeHandler {

    private final RuleVersionStore store;
    private final CallerScope caller;
    private final TransactionEnd transactionEnd;
    private final RuleData ruleData;
    private final RedFlagEngine redFlags;
    private final Outbox outbox;

    RuleChanges(RuleVersionStore store, CallerScope caller,
            TransactionEnd transactionEnd, RuleData ruleData, RedFlagEngine redFlags, Outbox outbox) {
        this.store = store;
        this.caller = caller;
        this.transactionEnd = transactionEnd;
        this.ruleData = ruleData;
        this.redFlags = redFlags;
        this.outbox = outbox;
    }

    /**
     * Records a change made by the caller, in the caller's transaction. The rules are read again once it completes,
     * so the next declaration judged here is judged by what was committed; the change's event (in the same
     * transaction, so only once it committed) has every other instance read them again too.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID record(String kind, String subject, String reason, Object details) {
        UUID id = TimeOrderedIds.next();
        OffsetDateTime now = VietnamTime.now();
        store.insertChange(id, kind, subject, caller.subject(), now, reason.strip(), details);
        UUID ruleId = DeclarationRuleChanged.declarationRuleIdOf(subject);
        outbox.publish(ruleId.toString(),
                new DeclarationRuleChanged(ruleId, store.changesOf(subject), now, id, kind, subject));
        // also after a rollback: a read inside the transaction may have cached what was never committed
        transactionEnd.afterCompletion(() -> {
            ruleData.invalidate();
            redFlags.invalidate();
        });
        return id;
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of(EventTypes.REFERENCE_DECLARATION_RULE_CHANGED);
    }

    /** A change committed through any instance: the rules are read again at the next use. */
    @Override
    public void changed(ReferenceChange change) {
        ruleData.invalidate();
        redFlags.invalidate();
    }

    /** The latest changes first, optionally of one subject. */
    public List<ChangeView> latest(String subject, int limit) {
        return store.changes(subject, limit);
    }
}
