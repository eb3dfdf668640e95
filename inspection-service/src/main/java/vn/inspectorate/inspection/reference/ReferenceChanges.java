package vn.inspectorate.inspection.reference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import vn.inspectorate.contracts.TimeOrderedIds;
import vn.inspectorate.inspection.reference.ReferenceAdminApi.ChangeView;
import vn.inspectorate.platform.security.CallerScope;

/** The record of every reference data change: who made it, when, why, and what it changed (as JSON). */
@ApplicationScoped
public class ReferenceChanges {

    private final ReferenceChangeStore store;
    private final CallerScope caller;
    private final ReferenceRegisters registers;

    ReferenceChanges(ReferenceChangeStore store, CallerScope caller, ReferenceRegisters registers) {
        this.store = store;
        this.caller = caller;
        this.registers = registers;
    }

    /**
     * Records a change made by the caller, in the caller's transaction; returns its id. The dated registers are read
     * again once it commits, so the next check answers by the change.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID record(String kind, String subject, String reason, Object details) {
        UUID id = TimeOrderedIds.next();
        store.insert(id, kind, subject, caller.subject(), OffsetDateTime.now(ZoneOffset.UTC), reason.strip(), details);
        registers.reloadAfterCommit();
        return id;
    }

    /** The latest changes first, optionally of one subject. */
    public List<ChangeView> latest(String subject, int limit) {
        return store.latest(subject, limit);
    }
}
