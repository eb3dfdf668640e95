package vn.inspectorate.complaints.rules;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import vn.inspectorate.complaints.reference.ReferenceDataConfig;
import vn.inspectorate.contracts.EventTypes;
import vn.inspectorate.platform.reference.ReferenceChange;
import vn.inspectorate.platform.reference.ReferenceChangeHandler;
import vn.inspectorate.platform.reference.ReferenceSnapshot;
import vn.inspectorate.platform.transaction.TransactionEnd;

/**
 * Reads the dated rule sets of {@code rule_set}/{@code rule_value}; a case is judged by the set in force on its date.
 * The versions by date are kept: a set added through this instance is read after its commit, one added through
 * another instance when its {@code reference.complaint-rule-set-added} event arrives, and the reference data's
 * maximum age is the backstop (a set loaded by a migration, an event missed).
 */
@ApplicationScoped
public class RuleBook implements ReferenceChangeHandler {

    private final RuleSetStore store;
    private final TransactionEnd transactionEnd;
    /** Sets by version: a set never changes once added, so an entry is never stale. */
    private final Map<String, RuleSet> byVersion = new ConcurrentHashMap<>();
    /** Versions by effective date. */
    private final ReferenceSnapshot<NavigableMap<LocalDate, String>> versions;

    RuleBook(RuleSetStore store, TransactionEnd transactionEnd, ReferenceDataConfig config) {
        this.store = store;
        this.transactionEnd = transactionEnd;
        this.versions = new ReferenceSnapshot<>(config.maxAge(), this::loadVersions);
    }

    /** The rule set in force on {@code date}: the latest whose effective date is not after it. */
    public RuleSet inForceOn(LocalDate date) {
        Map.Entry<LocalDate, String> inForce = versions.get().floorEntry(date);
        if (inForce == null) {
            throw new IllegalStateException("no rule set in force on " + date);
        }
        return version(inForce.getValue());
    }

    /** The versions by effective date, oldest first, as this instance currently sees them. */
    public NavigableMap<LocalDate, String> versions() {
        return versions.get();
    }

    /**
     * Reads the versions again once the caller's transaction commits (a set added here): the next case filed in this
     * instance is judged by it at once, never by a set that was rolled back. Other instances read them again when
     * the set's event arrives ({@link #changed}).
     */
    public void reloadAfterCommit() {
        transactionEnd.afterCommit(() -> versions.invalidate());
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of(EventTypes.REFERENCE_COMPLAINT_RULE_SET_ADDED);
    }

    /** A set added through any instance: the versions are read again at the next use. */
    @Override
    public void changed(ReferenceChange change) {
        versions.invalidate();
    }

    private NavigableMap<LocalDate, String> loadVersions() {
        return Collections.unmodifiableNavigableMap(store.versionsByDate());
    }

    public RuleSet version(String version) {
        return byVersion.computeIfAbsent(version, store::ruleSet);
    }
}
