package vn.inspectorate.reporting.projection;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import vn.inspectorate.platform.sql.Sql;
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

    /**
     * Serialises the transactions that touch these aggregates (live consumers and a rebuild may meet there): their
     * locks are taken in the order of their ids, so two transactions never wait on each other in opposite orders.
     */
    void lockAggregates(Collection<UUID> aggregateIds) {
        List<String> ids = aggregateIds.stream().map(UUID::toString).distinct().sorted().toList();
        if (!ids.isEmpty()) {
            sql.query("select pg_advisory_xact_lock(hashtext(id), 7) from unnest(?) as a(id)",
                    List.of(new Sql.ArrayOf("text", ids)), rs -> 1);
        }
    }

    /** Keeps events not kept before (the same aggregate, version and type are kept once). */
    void keepEvents(List<KeptEvent> events) {
        sql.batch("""
                insert into aggregate_event (aggregate_id, version, event_type, event_id, topic, payload)
                values (?, ?, ?, ?, ?, ?) on conflict do nothing""",
                events.stream().map(e -> List.of(e.aggregateId(), e.version(), e.type(), e.eventId(), e.topic(),
                        new Sql.Json(e.payload()))).toList());
    }

    /**
     * The kept events of these aggregates, each aggregate's in version order, then by type in byte order (the same
     * order whatever the database's collation, and the order {@link Projector} keeps new events in).
     */
    Map<UUID, List<StoredEvent>> eventsOf(Collection<UUID> aggregateIds) {
        Map<UUID, List<StoredEvent>> events = new HashMap<>();
        sql.query("""
                select aggregate_id, version, event_type, payload::text from aggregate_event
                where aggregate_id = any(?) order by aggregate_id, version, event_type collate "C\"""",
                List.of(new Sql.ArrayOf("uuid", aggregateIds)), rs -> {
                    try {
                        return events.computeIfAbsent(rs.getObject(1, UUID.class), id -> new ArrayList<>())
                                .add(new StoredEvent(rs.getLong(2), rs.getString(3), mapper.readTree(rs.getString(4))));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
        return events;
    }

    /** The contributions of these records as stored, per record (a record without any is absent). */
    Map<UUID, Map<Contribution.Key, Long>> contributionsOf(Collection<UUID> recordIds) {
        Map<UUID, Map<Contribution.Key, Long>> rows = new HashMap<>();
        sql.query("""
                select record_id, figure, province_code, body_code, sector, kind, day, value from figure_contribution
                where record_id = any(?)""", List.of(new Sql.ArrayOf("uuid", recordIds)),
                rs -> rows.computeIfAbsent(rs.getObject(1, UUID.class), id -> new HashMap<>()).merge(
                        new Contribution.Key(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                                rs.getString(6), rs.getDate(7).toLocalDate()), rs.getLong(8), Long::sum));
        return rows;
    }

    /**
     * Moves the daily figures, their monthly and yearly roll-ups and the national daily totals by these differences
     * (keys of the roll-ups on the first day of their month or year; national keys without dimensions), in the
     * keys' order, so two transactions never wait on each other's rows in opposite orders.
     */
    void moveFigures(Map<Contribution.Key, Long> daily, Map<Contribution.Key, Long> monthly,
            Map<Contribution.Key, Long> yearly, Map<Contribution.Key, Long> national) {
        sql.batch("""
                insert into daily_figure (figure, day, province_code, body_code, sector, kind, value)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (figure, day, province_code, body_code, sector, kind)
                do update set value = daily_figure.value + excluded.value""", rows(daily, k -> k.day()));
        sql.batch("""
                insert into monthly_figure (figure, month, province_code, body_code, sector, kind, value)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (figure, month, province_code, body_code, sector, kind)
                do update set value = monthly_figure.value + excluded.value""", rows(monthly, k -> k.day()));
        sql.batch("""
                insert into yearly_figure (figure, year, province_code, body_code, sector, kind, value)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (figure, year, province_code, body_code, sector, kind)
                do update set value = yearly_figure.value + excluded.value""", rows(yearly, k -> k.day().getYear()));
        List<List<?>> nationRows = new ArrayList<>();
        national.forEach((k, v) -> nationRows.add(List.of(k.day(), k.figure(), v)));
        sql.batch("""
                insert into national_daily_figure (day, figure, value) values (?, ?, ?)
                on conflict (day, figure) do update set value = national_daily_figure.value + excluded.value""",
                nationRows);
    }

    private static List<List<?>> rows(Map<Contribution.Key, Long> figures, Function<Contribution.Key, ?> period) {
        List<List<?>> rows = new ArrayList<>(figures.size());
        figures.forEach((k, v) -> rows.add(List.of(k.figure(), period.apply(k), k.provinceCode(), k.bodyCode(),
                k.sector(), k.kind(), v)));
        return rows;
    }

    /** Replaces the stored contributions of these records with the given ones. */
    void writeContributions(Map<UUID, Map<Contribution.Key, Long>> byRecord) {
        sql.update("delete from figure_contribution where record_id = any(?)",
                List.of(new Sql.ArrayOf("uuid", byRecord.keySet())));
        List<List<?>> rows = new ArrayList<>();
        byRecord.forEach((id, contributions) -> contributions.forEach((k, v) -> rows.add(List.of(id, k.figure(),
                k.provinceCode(), k.bodyCode(), k.sector(), k.kind(), k.day(), v))));
        sql.batch("""
                insert into figure_contribution (record_id, figure, province_code, body_code, sector, kind, day, value)
                values (?, ?, ?, ?, ?, ?, ?, ?)""", rows);
    }

    /** Of these cases, those open with a deadline, and the unit and kind they are counted under. */
    Map<UUID, List<String>> openCaseUnits(Collection<UUID> caseIds) {
        Map<UUID, List<String>> units = new HashMap<>();
        sql.query("""
                select case_id, province_code, body_code, kind from case_state
                where case_id = any(?) and open and due_on is not null""",
                List.of(new Sql.ArrayOf("uuid", caseIds)), rs -> units.put(rs.getObject(1, UUID.class),
                        List.of(rs.getString(2), rs.getString(3), rs.getString(4))));
        return units;
    }

    /** Moves the open cases with a deadline per unit and kind (province, body, kind → difference). */
    void moveOpenCaseCounts(Map<List<String>, Long> counts) {
        List<List<?>> rows = new ArrayList<>();
        counts.forEach((k, v) -> rows.add(List.of(k.get(0), k.get(1), k.get(2), v)));
        sql.batch("""
                insert into open_case_count (province_code, body_code, kind, cases) values (?, ?, ?, ?)
                on conflict (province_code, body_code, kind)
                do update set cases = open_case_count.cases + excluded.cases""", rows);
    }

    /** Writes cases' states: id, province, body, kind, due on, open, overdue, on the watchlist. */
    void writeCaseStates(Collection<List<?>> rows) {
        sql.batch("""
                insert into case_state (case_id, province_code, body_code, kind, due_on, open, overdue, on_watchlist)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (case_id) do update set province_code = excluded.province_code,
                    body_code = excluded.body_code, kind = excluded.kind, due_on = excluded.due_on,
                    open = excluded.open, overdue = excluded.overdue, on_watchlist = excluded.on_watchlist""",
                List.copyOf(rows));
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

    /** An event to keep with its aggregate: its data as it came, as JSON. */
    record KeptEvent(UUID aggregateId, long version, String type, String eventId, String topic, String payload) {
    }

    /** A topic partition and the next offset to read on it. */
    @Schema(name = "ProjectionPosition")
    public record Position(String topic, int partition, long nextOffset) {
    }
}
