package vn.inspectorate.reporting.projection;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import vn.inspectorate.platform.sql.Sql;
import vn.inspectorate.reporting.figures.Figure;

/**
 * The figures a transaction moves, gathered in memory and written once: each record's contributions are replaced as
 * often as its events ask, and {@link #flush} then writes the summed differences to the daily, monthly, yearly and
 * national tables and each replaced record's final contributions, one statement a table. The sums are those the
 * replacements one by one would have left, row for row: a key a step wrote keeps its row even where the steps cancel
 * out, as the roll-ups' rule asks (a roll-up row exists exactly when a daily row of its month or year does).
 */
final class FigureChanges {

    private final ProjectionStore store;
    /** Each record's contributions as of now in this transaction, read once from the table. */
    private final Map<UUID, Map<Contribution.Key, Long>> current = new HashMap<>();
    private final Set<UUID> replaced = new LinkedHashSet<>();
    private final TreeMap<Contribution.Key, Long> daily = new TreeMap<>();
    private final TreeMap<Contribution.Key, Long> monthly = new TreeMap<>();
    private final TreeMap<Contribution.Key, Long> yearly = new TreeMap<>();
    private final TreeMap<Contribution.Key, Long> national = new TreeMap<>();

    FigureChanges(ProjectionStore store) {
        this.store = store;
    }

    /** Reads in one statement the contributions of the records not read yet, before they are replaced. */
    void read(Collection<UUID> recordIds) {
        Sql.Pipeline reads = store.pipeline();
        read(recordIds, reads);
        reads.send();
    }

    /** What {@link #read(Collection)} does, the contributions read when {@code reads} is sent. */
    void read(Collection<UUID> recordIds, Sql.Pipeline reads) {
        List<UUID> missing = recordIds.stream().filter(id -> !current.containsKey(id)).distinct().toList();
        if (missing.isEmpty()) {
            return;
        }
        // a record without a stored contribution has none: known as soon as the rows are read
        missing.forEach(id -> current.put(id, new HashMap<>()));
        store.contributionsOf(missing, reads, (id, c) -> current.get(id).merge(c.key(), c.value(), Long::sum));
    }

    /** Replaces a record's contributions with {@code next}: the figures move by the difference when flushed. */
    void replace(UUID recordId, List<Contribution> next) {
        read(List.of(recordId));
        Map<Contribution.Key, Long> before = current.get(recordId);
        Map<Contribution.Key, Long> after = new HashMap<>();
        next.forEach(c -> after.merge(c.key(), c.value(), Long::sum));
        if (before.equals(after)) {
            return;
        }
        Map<Contribution.Key, Long> delta = new HashMap<>();
        before.forEach((k, v) -> delta.merge(k, -v, Long::sum));
        after.forEach((k, v) -> delta.merge(k, v, Long::sum));
        delta.forEach((k, v) -> {
            if (v != 0) {
                daily.merge(k, v, Long::sum);
                monthly.merge(k.withDay(k.day().withDayOfMonth(1)), v, Long::sum);
                yearly.merge(k.withDay(k.day().withDayOfYear(1)), v, Long::sum);
            }
        });
        nationalDelta(before, after, delta).forEach((k, v) -> national.merge(k, v, Long::sum));
        current.put(recordId, after);
        replaced.add(recordId);
    }

    /** Writes what the replacements moved, and forgets it: the object can gather the next changes. */
    void flush() {
        Sql.Pipeline writes = store.pipeline();
        flush(writes);
        writes.send();
    }

    /** What {@link #flush()} does, the rows written when {@code writes} is sent. */
    void flush(Sql.Pipeline writes) {
        if (replaced.isEmpty()) {
            return;
        }
        // the maps are cleared below: the statements take copies of their values now
        store.moveFigures(daily, monthly, yearly, national, writes);
        Map<UUID, Map<Contribution.Key, Long>> rows = new TreeMap<>();
        replaced.forEach(id -> rows.put(id, current.get(id)));
        store.writeContributions(rows, writes);
        replaced.clear();
        daily.clear();
        monthly.clear();
        yearly.clear();
        national.clear();
    }

    /**
     * How a record's change moves the national daily totals: the sum of its rows per figure and day, or their largest
     * for a figure that counts a record once nationally ({@link Figure#countsOnceNationally()}). Every day whose daily
     * rows are written gets its national row written too (as the roll-ups do).
     */
    private static Map<Contribution.Key, Long> nationalDelta(Map<Contribution.Key, Long> before,
            Map<Contribution.Key, Long> after, Map<Contribution.Key, Long> delta) {
        Map<Contribution.Key, Long> nation = new HashMap<>();
        delta.forEach((k, v) -> {
            if (v != 0) {
                nation.put(nationalKey(k), 0L);
            }
        });
        national(after).forEach((k, v) -> nation.computeIfPresent(k, (key, n) -> n + v));
        national(before).forEach((k, v) -> nation.computeIfPresent(k, (key, n) -> n - v));
        return nation;
    }

    private static Map<Contribution.Key, Long> national(Map<Contribution.Key, Long> rows) {
        Map<Contribution.Key, Long> nation = new HashMap<>();
        rows.forEach((k, v) -> {
            boolean once = Figure.byCode(k.figure()).map(Figure::countsOnceNationally).orElse(false);
            nation.merge(nationalKey(k), v, once ? Math::max : Long::sum);
        });
        return nation;
    }

    private static Contribution.Key nationalKey(Contribution.Key k) {
        return new Contribution.Key(k.figure(), "", "", "", "", k.day());
    }
}
