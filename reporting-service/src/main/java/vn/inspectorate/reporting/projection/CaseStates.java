package vn.inspectorate.reporting.projection;

import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The cases' current state ({@code case_state}) and the open cases with a deadline per unit and kind
 * ({@code open_case_count}), changed in memory as a transaction's events fold and written once by {@link #flush}:
 * each case's last state, and the counts moved by where each case left and joined, summed.
 */
final class CaseStates {

    private static final Comparator<List<String>> UNIT_ORDER = Comparator.comparing((List<String> k) -> k.get(0))
            .thenComparing(k -> k.get(1)).thenComparing(k -> k.get(2));

    private final ProjectionStore store;
    /** Per case read or saved: the unit and kind it is counted under while open with a deadline, else empty. */
    private final Map<UUID, Optional<List<String>>> countedUnder = new HashMap<>();
    private final TreeMap<List<String>, Long> counts = new TreeMap<>(UNIT_ORDER);
    private final TreeMap<UUID, List<?>> rows = new TreeMap<>();

    CaseStates(ProjectionStore store) {
        this.store = store;
    }

    /** Reads in one statement where the cases not read yet are counted now. */
    void read(Collection<UUID> caseIds) {
        List<UUID> missing = caseIds.stream().filter(id -> !countedUnder.containsKey(id)).distinct().toList();
        if (missing.isEmpty()) {
            return;
        }
        Map<UUID, List<String>> stored = store.openCaseUnits(missing);
        missing.forEach(id -> countedUnder.put(id, Optional.ofNullable(stored.get(id))));
    }

    /** The case as its events now say: it leaves its old count and joins its new one. */
    void save(UUID caseId, CaseFold f) {
        read(List.of(caseId));
        Optional<List<String>> before = countedUnder.get(caseId);
        Optional<List<String>> after = f.open() && f.runningDueOn() != null
                ? Optional.of(List.of(f.provinceOrEmpty(), RecordFacts.orEmpty(f.body()), RecordFacts.orEmpty(f.kind)))
                : Optional.empty();
        if (!before.equals(after)) {
            before.ifPresent(k -> counts.merge(k, -1L, Long::sum));
            after.ifPresent(k -> counts.merge(k, 1L, Long::sum));
        }
        countedUnder.put(caseId, after);
        rows.put(caseId, Arrays.asList(caseId, f.provinceOrEmpty(), RecordFacts.orEmpty(f.body()),
                RecordFacts.orEmpty(f.kind), f.runningDueOn(), f.open(), f.overdueOn != null, f.onWatchlist));
    }

    /** Writes the saved states and the moved counts, and forgets them. */
    void flush() {
        store.moveOpenCaseCounts(counts);
        store.writeCaseStates(rows.values());
        counts.clear();
        rows.clear();
    }
}
