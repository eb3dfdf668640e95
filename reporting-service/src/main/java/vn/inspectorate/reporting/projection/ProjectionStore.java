package vn.inspectorate.reporting.projection;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import vn.inspectorate.platform.sql.Sql;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The projection tables: events per aggregate, contributions per record, the daily figures, positions. */
@ApplicationScoped
public class ProjectionStore {

    /** Advisory lock guarding resets and publications against in-flight event transactions. */
    static final long PROJECTION_LOCK = 0x7265706f7274L;

    /** Every table derived from events: what a rebuild empties and fills again. */
    private static final String DERIVED_TABLES = "aggregate_event, figure_contribution, daily_figure, monthly_figure, "
            + "yearly_figure, national_daily_figure, case_state, open_case_count, consumer_position, case_link, "
            + "matter_filing";

    private static final Comparator<TopicPartition> PARTITION_ORDER = Comparator.comparing(TopicPartition::topic)
            .thenComparingInt(TopicPartition::partition);

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

    /** Statements sent together, in one round trip: a batch's reads, then its writes. */
    Sql.Pipeline pipeline() {
        return sql.pipeline();
    }

    /**
     * Serialises the transactions that touch these aggregates (live consumers and a rebuild may meet there): their
     * locks are taken in the order of their ids, so two transactions never wait on each other in opposite orders.
     * Taken when {@code reads} is sent, before the statements added after it.
     */
    void lockAggregates(Collection<UUID> aggregateIds, Sql.Pipeline reads) {
        List<String> ids = aggregateIds.stream().map(UUID::toString).distinct().sorted().toList();
        if (!ids.isEmpty()) {
            reads.query("select pg_advisory_xact_lock(hashtext(id), 7) from unnest(?) as a(id)",
                    List.of(new Sql.ArrayOf("text", ids)), rs -> 1);
        }
    }

    /** Keeps events not kept before (the same aggregate, version and type are kept once), when {@code writes} is sent. */
    void keepEvents(List<KeptEvent> events, Sql.Pipeline writes) {
        if (events.isEmpty()) {
            return;
        }
        writes.update("""
                insert into aggregate_event (aggregate_id, version, event_type, event_id, topic, payload)
                select e.aggregate_id, e.version, e.event_type, e.event_id, e.topic, e.payload::jsonb
                from unnest(?::uuid[], ?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[]) with ordinality
                     as e(aggregate_id, version, event_type, event_id, topic, payload, position)
                order by e.position
                on conflict do nothing""", List.of(
                new Sql.ArrayOf("uuid", events.stream().map(KeptEvent::aggregateId).toList()),
                new Sql.ArrayOf("bigint", events.stream().map(KeptEvent::version).toList()),
                new Sql.ArrayOf("text", events.stream().map(KeptEvent::type).toList()),
                new Sql.ArrayOf("text", events.stream().map(KeptEvent::eventId).toList()),
                new Sql.ArrayOf("text", events.stream().map(KeptEvent::topic).toList()),
                new Sql.ArrayOf("text", events.stream().map(KeptEvent::payload).toList())));
    }

    /**
     * The kept events of these aggregates, each aggregate's in version order, then by type in byte order (the same
     * order whatever the database's collation, and the order {@link Projector} keeps new events in): each given to
     * {@code each} while {@code reads} is sent.
     */
    void eventsOf(Collection<UUID> aggregateIds, Sql.Pipeline reads, BiConsumer<UUID, StoredEvent> each) {
        reads.query("""
                select aggregate_id, version, event_type, payload::text from aggregate_event
                where aggregate_id = any(?) order by aggregate_id, version, event_type collate "C\"""",
                List.of(new Sql.ArrayOf("uuid", aggregateIds)), rs -> {
                    try {
                        each.accept(rs.getObject(1, UUID.class),
                                new StoredEvent(rs.getLong(2), rs.getString(3), mapper.readTree(rs.getString(4))));
                        return 1;
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }

    /** The stored contributions of these records, each given to {@code each} while {@code reads} is sent. */
    void contributionsOf(Collection<UUID> recordIds, Sql.Pipeline reads, BiConsumer<UUID, Contribution> each) {
        reads.query("""
                select record_id, figure, province_code, body_code, sector, kind, day, value from figure_contribution
                where record_id = any(?)""", List.of(new Sql.ArrayOf("uuid", recordIds)), rs -> {
                    each.accept(rs.getObject(1, UUID.class), new Contribution(rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getDate(7).toLocalDate(),
                            rs.getLong(8)));
                    return 1;
                });
    }

    /**
     * Moves the daily figures, their monthly and yearly roll-ups and the national daily totals by these differences
     * (keys of the roll-ups on the first day of their month or year; national keys without dimensions), in the
     * keys' order, so two transactions never wait on each other's rows in opposite orders; when {@code writes} is sent.
     */
    void moveFigures(Map<Contribution.Key, Long> daily, Map<Contribution.Key, Long> monthly,
            Map<Contribution.Key, Long> yearly, Map<Contribution.Key, Long> national, Sql.Pipeline writes) {
        moveFigureTable(writes, "daily_figure", "day", "date", daily, k -> k.day().toString());
        moveFigureTable(writes, "monthly_figure", "month", "date", monthly, k -> k.day().toString());
        moveFigureTable(writes, "yearly_figure", "year", "integer", yearly,
                k -> Integer.toString(k.day().getYear()));
        if (!national.isEmpty()) {
            writes.update("""
                    insert into national_daily_figure (day, figure, value)
                    select n.day, n.figure, n.value
                    from unnest(?::date[], ?::text[], ?::bigint[]) with ordinality as n(day, figure, value, position)
                    order by n.position
                    on conflict (day, figure) do update set value = national_daily_figure.value + excluded.value""",
                    List.of(new Sql.ArrayOf("text", national.keySet().stream().map(k -> k.day().toString()).toList()),
                            new Sql.ArrayOf("text", national.keySet().stream().map(Contribution.Key::figure).toList()),
                            new Sql.ArrayOf("bigint", List.copyOf(national.values()))));
        }
    }

    // table and period names are this class's constants, never values
    private static void moveFigureTable(Sql.Pipeline writes, String table, String period, String periodType,
            Map<Contribution.Key, Long> figures, Function<Contribution.Key, String> periodOf) {
        if (figures.isEmpty()) {
            return;
        }
        List<Contribution.Key> keys = List.copyOf(figures.keySet());
        writes.update("insert into " + table + " (figure, " + period + ", province_code, body_code, sector, kind, value)"
                + " select f.figure, f.period, f.province_code, f.body_code, f.sector, f.kind, f.value"
                + " from unnest(?::text[], ?::" + periodType + "[], ?::text[], ?::text[], ?::text[], ?::text[], ?::bigint[])"
                + " with ordinality as f(figure, period, province_code, body_code, sector, kind, value, position)"
                + " order by f.position"
                + " on conflict (figure, " + period + ", province_code, body_code, sector, kind)"
                + " do update set value = " + table + ".value + excluded.value", List.of(
                new Sql.ArrayOf("text", keys.stream().map(Contribution.Key::figure).toList()),
                new Sql.ArrayOf("text", keys.stream().map(periodOf).toList()),
                new Sql.ArrayOf("text", keys.stream().map(Contribution.Key::provinceCode).toList()),
                new Sql.ArrayOf("text", keys.stream().map(Contribution.Key::bodyCode).toList()),
                new Sql.ArrayOf("text", keys.stream().map(Contribution.Key::sector).toList()),
                new Sql.ArrayOf("text", keys.stream().map(Contribution.Key::kind).toList()),
                new Sql.ArrayOf("bigint", keys.stream().map(figures::get).toList())));
    }

    /** Replaces the stored contributions of these records with the given ones, when {@code writes} is sent. */
    void writeContributions(Map<UUID, Map<Contribution.Key, Long>> byRecord, Sql.Pipeline writes) {
        if (byRecord.isEmpty()) {
            return;
        }
        writes.update("delete from figure_contribution where record_id = any(?)",
                List.of(new Sql.ArrayOf("uuid", byRecord.keySet())));
        List<UUID> ids = new ArrayList<>();
        List<Contribution.Key> keys = new ArrayList<>();
        List<Long> values = new ArrayList<>();
        byRecord.forEach((id, contributions) -> contributions.forEach((k, v) -> {
            ids.add(id);
            keys.add(k);
            values.add(v);
        }));
        if (ids.isEmpty()) {
            return;
        }
        writes.update("""
                insert into figure_contribution (record_id, figure, province_code, body_code, sector, kind, day, value)
                select * from unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::date[],
                                     ?::bigint[])""", List.of(new Sql.ArrayOf("uuid", ids),
                new Sql.ArrayOf("text", keys.stream().map(Contribution.Key::figure).toList()),
                new Sql.ArrayOf("text", keys.stream().map(Contribution.Key::provinceCode).toList()),
                new Sql.ArrayOf("text", keys.stream().map(Contribution.Key::bodyCode).toList()),
                new Sql.ArrayOf("text", keys.stream().map(Contribution.Key::sector).toList()),
                new Sql.ArrayOf("text", keys.stream().map(Contribution.Key::kind).toList()),
                new Sql.ArrayOf("text", keys.stream().map(k -> k.day().toString()).toList()),
                new Sql.ArrayOf("bigint", values)));
    }

    /**
     * Of these cases, those open with a deadline, with the unit and kind they are counted under, each given to
     * {@code each} while {@code reads} is sent.
     */
    void openCaseUnits(Collection<UUID> caseIds, Sql.Pipeline reads, BiConsumer<UUID, List<String>> each) {
        reads.query("""
                select case_id, province_code, body_code, kind from case_state
                where case_id = any(?) and open and due_on is not null""",
                List.of(new Sql.ArrayOf("uuid", caseIds)), rs -> {
                    each.accept(rs.getObject(1, UUID.class), List.of(rs.getString(2), rs.getString(3), rs.getString(4)));
                    return 1;
                });
    }

    /**
     * Moves the open cases with a deadline per unit and kind (province, body, kind → difference), in the order given,
     * when {@code writes} is sent.
     */
    void moveOpenCaseCounts(Map<List<String>, Long> counts, Sql.Pipeline writes) {
        if (counts.isEmpty()) {
            return;
        }
        List<List<String>> keys = List.copyOf(counts.keySet());
        writes.update("""
                insert into open_case_count (province_code, body_code, kind, cases)
                select c.province_code, c.body_code, c.kind, c.cases
                from unnest(?::text[], ?::text[], ?::text[], ?::bigint[]) with ordinality
                     as c(province_code, body_code, kind, cases, position)
                order by c.position
                on conflict (province_code, body_code, kind)
                do update set cases = open_case_count.cases + excluded.cases""", List.of(
                new Sql.ArrayOf("text", keys.stream().map(k -> k.get(0)).toList()),
                new Sql.ArrayOf("text", keys.stream().map(k -> k.get(1)).toList()),
                new Sql.ArrayOf("text", keys.stream().map(k -> k.get(2)).toList()),
                new Sql.ArrayOf("bigint", keys.stream().map(counts::get).toList())));
    }

    /** Writes cases' states, in the order given, when {@code writes} is sent. */
    void writeCaseStates(Collection<CaseState> states, Sql.Pipeline writes) {
        if (states.isEmpty()) {
            return;
        }
        List<CaseState> rows = List.copyOf(states);
        writes.update("""
                insert into case_state (case_id, province_code, body_code, kind, due_on, open, overdue, on_watchlist)
                select s.case_id, s.province_code, s.body_code, s.kind, s.due_on, s.open, s.overdue, s.on_watchlist
                from unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::date[], ?::boolean[], ?::boolean[],
                            ?::boolean[]) with ordinality
                     as s(case_id, province_code, body_code, kind, due_on, open, overdue, on_watchlist, position)
                order by s.position
                on conflict (case_id) do update set province_code = excluded.province_code,
                    body_code = excluded.body_code, kind = excluded.kind, due_on = excluded.due_on,
                    open = excluded.open, overdue = excluded.overdue, on_watchlist = excluded.on_watchlist""",
                List.of(new Sql.ArrayOf("uuid", rows.stream().map(CaseState::caseId).toList()),
                        new Sql.ArrayOf("text", rows.stream().map(CaseState::provinceCode).toList()),
                        new Sql.ArrayOf("text", rows.stream().map(CaseState::bodyCode).toList()),
                        new Sql.ArrayOf("text", rows.stream().map(CaseState::kind).toList()),
                        new Sql.ArrayOf("text", rows.stream()
                                .map(r -> r.dueOn() == null ? null : r.dueOn().toString()).toList()),
                        new Sql.ArrayOf("boolean", rows.stream().map(CaseState::open).toList()),
                        new Sql.ArrayOf("boolean", rows.stream().map(CaseState::overdue).toList()),
                        new Sql.ArrayOf("boolean", rows.stream().map(CaseState::onWatchlist).toList())));
    }

    /** A case's state as the projection keeps it. */
    record CaseState(UUID caseId, String provinceCode, String bodyCode, String kind, LocalDate dueOn, boolean open,
            boolean overdue, boolean onWatchlist) {
    }

    /**
     * Records that each partition of the records is reflected up to the last of them (a position only grows). The
     * rows are written in topic and partition order, so that two transactions advancing the same partitions lock
     * them in the same order.
     */
    public void advancePast(List<ConsumerRecord<String, String>> records) {
        Map<TopicPartition, Long> last = new TreeMap<>(PARTITION_ORDER);
        for (ConsumerRecord<String, String> r : records) {
            last.merge(new TopicPartition(r.topic(), r.partition()), r.offset(), Math::max);
        }
        last.forEach((tp, offset) -> advance(tp.topic(), tp.partition(), offset));
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
        sql.update("truncate " + DERIVED_TABLES, List.of());
    }

    /** Gathers the planner's statistics of every table derived from events. */
    public void analyze() {
        sql.update("analyze " + DERIVED_TABLES, List.of());
    }

    /** An event to keep with its aggregate: its data as it came, as JSON. */
    record KeptEvent(UUID aggregateId, long version, String type, String eventId, String topic, String payload) {
    }

    /** A topic partition and the next offset to read on it. */
    @Schema(name = "ProjectionPosition")
    public record Position(String topic, int partition, long nextOffset) {
    }
}
