package vn.inspectorate.reporting.projection;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import vn.inspectorate.platform.sql.Sql;

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
    private final TreeMap<UUID, ProjectionStore.CaseState> rows = new TreeMap<>();

    CaseStates(ProjectionStore store) {
        this.store = store;
    }

    /** Where the cases not read yet are counted now, read when {@code reads} is sent. */
    void read(Collection<UUID> caseIds, Sql.Pipeline reads) {
        List<UUID> missing = caseIds.stream().filter(id -> !countedUnder.containsKey(id)).distinct().toList();
        if (missing.isEmpty()) {
            return;
        }
        // a case without a row open with a deadline is counted nowhere: known as soon as the rows are read
        missing.forEach(id -> countedUnder.put(id, Optional.empty()));
        store.openCaseUnits(missing, reads, (id, units) -> countedUnder.put(id, Optional.of(units)));
    }

    /** The case as its events now say: it leaves its old count and joins its new one. */
    void save(UUID caseId, CaseFold f) {
        Sql.Pipeline reads = store.pipeline();
        read(List.of(caseId), reads);
        reads.send();  // sends nothing when the case was read already
        Optional<List<String>> before = countedUnder.get(caseId);
        Optional<List<String>> after = f.open() && f.runningDueOn() != null
                ? Optional.of(List.of(f.provinceOrEmpty(), RecordFacts.orEmpty(f.body()), RecordFacts.orEmpty(f.kind)))
                : Optional.empty();
        if (!before.equals(after)) {
            before.ifPresent(k -> counts.merge(k, -1L, Long::sum));
            after.ifPresent(k -> counts.merge(k, 1L, Long::sum));
        }
        countedUnder.put(caseId, after);
        rows.put(caseId, new ProjectionStore.CaseState(caseId, f.provinceOrEmpty(), RecordFacts.orEmpty(f.body()),
                RecordFacts.orEmpty(f.kind), f.runningDueOn(), f.open(), f.overdueOn != null, f.onWatchlist));
    }

    /** Writes the saved states and the moved counts, and forgets them. */
    void flush() {
        Sql.Pipeline writes = store.pipeline();
        flush(writes);
        writes.send();
    }

    /** What {@link #flush()} does, the rows written when {@code writes} is sent. */
    void flush(Sql.Pipeline writes) {
        store.moveOpenCaseCounts(counts, writes);
        store.writeCaseStates(rows.values(), writes);
        counts.clear();
        rows.clear();
    }
}
