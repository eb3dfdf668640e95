package vn.inspectorate.complaints.rules;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import vn.inspectorate.complaints.reference.ReferenceDataConfig;
import vn.inspectorate.platform.reference.ReferenceSnapshot;

/** Reads the dated rule sets of {@code rule_set}/{@code rule_value}; a case is judged by the set in force on its date. */
@ApplicationScoped
public class RuleBook {

    private final EntityManager em;
    private final TransactionSynchronizationRegistry transactions;
    /** Sets by version: a set never changes once added, so an entry is never stale. */
    private final Map<String, RuleSet> byVersion = new ConcurrentHashMap<>();
    /** Versions by effective date. */
    private final ReferenceSnapshot<NavigableMap<LocalDate, String>> versions;

    RuleBook(EntityManager em, TransactionSynchronizationRegistry transactions, ReferenceDataConfig config) {
        this.em = em;
        this.transactions = transactions;
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
     * instance is judged by it at once, never by a set that was rolled back. Other instances see it within the
     * reference data's maximum age.
     */
    public void reloadAfterCommit() {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    versions.invalidate();
                }
            }
        });
    }

    @SuppressWarnings("unchecked")
    private NavigableMap<LocalDate, String> loadVersions() {
        NavigableMap<LocalDate, String> byDate = new TreeMap<>();
        for (Object[] r : (List<Object[]>) em.createNativeQuery("select effective_from, version from rule_set")
                .getResultList()) {
            byDate.put(toDate(r[0]), (String) r[1]);
        }
        return Collections.unmodifiableNavigableMap(byDate);
    }

    public RuleSet version(String version) {
        return byVersion.computeIfAbsent(version, this::load);
    }

    @SuppressWarnings("unchecked")
    private RuleSet load(String version) {
        Object[] head = (Object[]) em.createNativeQuery(
                "select effective_from, paused_time_counts from rule_set where version = ?1")
                .setParameter(1, version).getSingleResult();
        Map<Rule, RuleValue> values = new EnumMap<>(Rule.class);
        List<Object[]> rows = em.createNativeQuery("""
                select rule, unit, normal_value, complex_value, remote_value, remote_complex_value
                from rule_value where rule_set_version = ?1""").setParameter(1, version).getResultList();
        for (Object[] r : rows) {
            Rule rule = Rule.valueOf((String) r[0]);
            values.put(rule, new RuleValue(rule, DayUnit.valueOf((String) r[1]), ((Number) r[2]).intValue(),
                    integer(r[3]), integer(r[4]), integer(r[5])));
        }
        return new RuleSet(version, toDate(head[0]), (Boolean) head[1], Map.copyOf(values));
    }

    private static Integer integer(Object o) {
        return o == null ? null : ((Number) o).intValue();
    }

    private static LocalDate toDate(Object o) {
        return o instanceof Date d ? d.toLocalDate() : (LocalDate) o;
    }
}
