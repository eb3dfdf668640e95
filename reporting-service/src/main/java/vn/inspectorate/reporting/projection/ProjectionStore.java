package vn.inspectorate.reporting.projection;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import vn.inspectorate.platform.sql.Sql;
import vn.inspectorate.reporting.figures.Figure;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The projection tables: events per aggregate, contributions per record, the daily figures, positions. */
@ApplicationScoped
public class ProjectionStore {

    /** Advisory lock guarding resets and publications against in-flight event transactions. */
    static final long PROJECTION_LOCK = 0x7265706f7274L;

    private final Sql sql;
    private final ObjectMapper mapper;

    ProjectionStore(Sql sql, ObjectMapper mapper) {
        this.sql = sql;
        this.mapper = mapper;
    }

    /** Live event transactions share the lock; a reset or a publication takes it alone. */
    void lockShared() {
        sql.query("select pg_advisory_xact_lock_shared(?)", List.of(PROJECTION_LOCK), rs -> 1);
    }

    public void lockExclusive() {
        sql.query("select pg_advisory_xact_lock(?)", List.of(PROJECTION_LOCK), rs -> 1);
    }

    /** Serialises the transactions that touch one aggregate (live consumer and rebuild may meet there). */
    void lockAggregate(UUID aggregateId) {
        sql.query("select pg_advisory_xact_lock(hashtext(?), 7)", List.of(aggregateId.toString()), rs -> 1);
    }

    /** Keeps the event; false when it was already kept (same aggregate, version and type). */
    boolean keepEvent(UUID aggregateId, long version, String type, String eventId, String topic, String payload) {
        return sql.update("""
                insert into aggregate_event (aggregate_id, version, event_type, event_id, topic, payload)
                values (?, ?, ?, ?, ?, ?) on conflict do nothing""",
                List.of(aggregateId, version, type, eventId, topic, new Sql.Json(payload))) == 1;
    }

    List<StoredEvent> events(UUID aggregateId) {
        return sql.query("""
                select version, event_type, payload::text from aggregate_event where aggregate_id = ?
                order by version, event_type""", List.of(aggregateId), rs -> {
            try {
                return new StoredEvent(rs.getLong(1), rs.getString(2), mapper.readTree(rs.getString(3)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * Replaces a record's contributions with {@code next} and moves the daily figures by the difference, so a record
     * that changes (a correction, a late event, a new dimension) is counted once, where it now belongs.
     */
    void replaceContributions(UUID recordId, List<Contribution> next) {
        Map<Contribution.Key, Long> before = new HashMap<>();
        sql.query("""
                select figure, province_code, body_code, sector, kind, day, value from figure_contribution
                where record_id = ?""", List.of(recordId), rs -> before.merge(new Contribution.Key(rs.getString(1),
                rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getDate(6).toLocalDate()),
                rs.getLong(7), Long::sum));
        Map<Contribution.Key, Long> after = new HashMap<>();
        next.forEach(c -> after.merge(c.key(), c.value(), Long::sum));
        if (before.equals(after)) {
            return;
        }
        TreeMap<Contribution.Key, Long> delta = new TreeMap<>();
        before.forEach((k, v) -> delta.merge(k, -v, Long::sum));
        after.forEach((k, v) -> delta.merge(k, v, Long::sum));
        List<List<?>> upserts = new ArrayList<>();
        delta.forEach((k, v) -> {
            if (v != 0) {
                upserts.add(List.of(k.figure(), k.day(), k.provinceCode(), k.bodyCode(), k.sector(), k.kind(), v));
            }
        });
        // keys in a fixed order, so two transactions never wait on each other's rows in opposite orders
        sql.batch("""
                insert into daily_figure (figure, day, province_code, body_code, sector, kind, value)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (figure, day, province_code, body_code, sector, kind)
                do update set value = daily_figure.value + excluded.value""", upserts);
        moveRollUps(delta, nationalDelta(before, after, delta));
        sql.update("delete from figure_contribution where record_id = ?", List.of(recordId));
        List<List<?>> rows = new ArrayList<>();
        after.forEach((k, v) -> rows.add(List.of(recordId, k.figure(), k.provinceCode(), k.bodyCode(), k.sector(),
                k.kind(), k.day(), v)));
        sql.batch("""
                insert into figure_contribution (record_id, figure, province_code, body_code, sector, kind, day, value)
                values (?, ?, ?, ?, ?, ?, ?, ?)""", rows);
    }

    /**
     * Moves the monthly and yearly roll-ups and the national daily totals by the same difference, in the same
     * transaction. Every key whose daily row
     * is written gets its roll-up rows written too (even when the month's net change is 0), so a roll-up row exists
     * exactly when a daily row of its month or year does.
     */
    private void moveRollUps(TreeMap<Contribution.Key, Long> delta, TreeMap<Contribution.Key, Long> nation) {
        TreeMap<Contribution.Key, Long> months = new TreeMap<>();
        TreeMap<Contribution.Key, Long> years = new TreeMap<>();
        delta.forEach((k, v) -> {
            if (v != 0) {
                months.merge(k.withDay(k.day().withDayOfMonth(1)), v, Long::sum);
                years.merge(k.withDay(k.day().withDayOfYear(1)), v, Long::sum);
            }
        });
        List<List<?>> monthRows = new ArrayList<>();
        months.forEach((k, v) -> monthRows.add(List.of(k.figure(), k.day(), k.provinceCode(), k.bodyCode(),
                k.sector(), k.kind(), v)));
        List<List<?>> yearRows = new ArrayList<>();
        years.forEach((k, v) -> yearRows.add(List.of(k.figure(), k.day().getYear(), k.provinceCode(), k.bodyCode(),
                k.sector(), k.kind(), v)));
        sql.batch("""
                insert into monthly_figure (figure, month, province_code, body_code, sector, kind, value)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (figure, month, province_code, body_code, sector, kind)
                do update set value = monthly_figure.value + excluded.value""", monthRows);
        sql.batch("""
                insert into yearly_figure (figure, year, province_code, body_code, sector, kind, value)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (figure, year, province_code, body_code, sector, kind)
                do update set value = yearly_figure.value + excluded.value""", yearRows);
        List<List<?>> nationRows = new ArrayList<>();
        nation.forEach((k, v) -> nationRows.add(List.of(k.day(), k.figure(), v)));
        sql.batch("""
                insert into national_daily_figure (day, figure, value) values (?, ?, ?)
                on conflict (day, figure) do update set value = national_daily_figure.value + excluded.value""",
                nationRows);
    }

    /**
     * How a record's change moves the national daily totals: the sum of its rows per figure and day, or their largest
     * for a figure that counts a record once nationally ({@link Figure#countsOnceNationally()}).
     */
    private static TreeMap<Contribution.Key, Long> nationalDelta(Map<Contribution.Key, Long> before,
            Map<Contribution.Key, Long> after, Map<Contribution.Key, Long> delta) {
        // every day whose daily rows are written gets its national row written too (as the roll-ups do)
        TreeMap<Contribution.Key, Long> nation = new TreeMap<>();
        delta.forEach((k, v) -> {
            if (v != 0) {
                nation.put(new Contribution.Key(k.figure(), "", "", "", "", k.day()), 0L);
            }
        });
        national(after).forEach((k, v) -> nation.computeIfPresent(k, (key, n) -> n + v));
        national(before).forEach((k, v) -> nation.computeIfPresent(k, (key, n) -> n - v));
        return nation;
    }

    private static Map<Contribution.Key, Long> national(Map<Contribution.Key, Long> rows) {
        Map<Contribution.Key, Long> nation = new HashMap<>();
        rows.forEach((k, v) -> {
            Contribution.Key national = new Contribution.Key(k.figure(), "", "", "", "", k.day());
            boolean once = Figure.byCode(k.figure()).map(Figure::countsOnceNationally).orElse(false);
            nation.merge(national, v, once ? Math::max : Long::sum);
        });
        return nation;
    }

    void saveCaseState(UUID caseId, CaseFold f) {
        // the open cases that have a deadline, per unit and kind: the case leaves its old count and joins its new one
        TreeMap<List<String>, Long> counts = new TreeMap<>(java.util.Comparator.comparing((List<String> k) -> k.get(0))
                .thenComparing(k -> k.get(1)).thenComparing(k -> k.get(2)));
        sql.query("""
                select province_code, body_code, kind from case_state
                where case_id = ? and open and due_on is not null""", List.of(caseId),
                rs -> counts.merge(List.of(rs.getString(1), rs.getString(2), rs.getString(3)), -1L, Long::sum));
        if (f.open() && f.runningDueOn() != null) {
            counts.merge(List.of(f.provinceOrEmpty(), RecordFacts.orEmpty(f.body()), RecordFacts.orEmpty(f.kind)), 1L,
                    Long::sum);
        }
        List<List<?>> countRows = new ArrayList<>();
        counts.forEach((k, v) -> {
            if (v != 0) {
                countRows.add(List.of(k.get(0), k.get(1), k.get(2), v));
            }
        });
        sql.batch("""
                insert into open_case_count (province_code, body_code, kind, cases) values (?, ?, ?, ?)
                on conflict (province_code, body_code, kind)
                do update set cases = open_case_count.cases + excluded.cases""",
                countRows);
        sql.update("""
                insert into case_state (case_id, province_code, body_code, kind, due_on, open, overdue, on_watchlist)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (case_id) do update set province_code = excluded.province_code,
                    body_code = excluded.body_code, kind = excluded.kind, due_on = excluded.due_on,
                    open = excluded.open, overdue = excluded.overdue, on_watchlist = excluded.on_watchlist""",
                java.util.Arrays.asList(caseId, f.provinceOrEmpty(), RecordFacts.orEmpty(f.body()),
                        RecordFacts.orEmpty(f.kind), f.runningDueOn(), f.open(), f.overdueOn != null, f.onWatchlist));
    }

    /** Records that every offset before {@code offset + 1} of a partition is reflected. */
    public void advance(String topic, int partition, long offset) {
        sql.update("""
                insert into consumer_position (topic, partition, next_offset) values (?, ?, ?)
                on conflict (topic, partition) do update
                set next_offset = greatest(consumer_position.next_offset, excluded.next_offset)""",
                List.of(topic, partition, offset + 1));
    }

    public List<Position> positions() {
        return sql.query("select topic, partition, next_offset from consumer_position order by topic, partition",
                List.of(), rs -> new Position(rs.getString(1), rs.getInt(2), rs.getLong(3)));
    }

    /** Empties every table derived from events (not reference data, not published snapshots). */
    public void reset() {
        sql.update("truncate aggregate_event, figure_contribution, daily_figure, monthly_figure, yearly_figure, "
                + "national_daily_figure, "
                + "case_state, open_case_count, consumer_position, case_link, matter_filing",
                List.of());
    }

    /** A topic partition and the next offset to read on it. */
    @Schema(name = "ProjectionPosition")
    public record Position(String topic, int partition, long nextOffset) {
    }
}
