package vn.inspectorate.reporting.projection;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import vn.inspectorate.platform.sql.Sql;
import vn.inspectorate.reporting.figures.Figure;

/**
 * Matters: the cases connected by links (a {@code case.linked} event, or a case closed as a duplicate) are one
 * matter, counted once in {@code cases.matters_received}. A matter counts on the day of its first filing's reception,
 * nationally once and in each province it was filed in once; its contributions are kept under a record id of its
 * own ({@link #recordIdOf}), named after its first filing, so a late link that joins two matters takes the later
 * one's count back and moves the joined one to the earlier day, like any correction of the projection.
 * <p>
 * Links are never taken back, so matters only merge: each case carries the group of cases it is one matter with
 * ({@code matter_filing.group_id}), and a link between two groups relabels the smaller one. Counting a matter reads
 * its group through an index, never a walk over its links (a mass case of a thousand filings has tens of thousands).
 */
@ApplicationScoped
class Matters {

    /**
     * Serialises the changes of groups and their recounts: two cases of one matter may be folded at the same time.
     * Taken before a group is read, so whichever transaction counts last sees both.
     */
    private static final int MATTERS_LOCK = 8;

    private final Sql sql;

    Matters(Sql sql) {
        this.sql = sql;
    }

    /** The record id a matter whose first filing is {@code firstCaseId} is counted under. */
    static UUID recordIdOf(UUID firstCaseId) {
        return UUID.nameUUIDFromBytes(("matter:" + firstCaseId).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Cases as their events now say; those whose filing changed are added to {@code touched}, their matters to be
     * counted again by {@link #recount}. One statement for all of them, in the order of their ids.
     */
    void filed(Map<UUID, CaseFold> cases, Set<UUID> touched) {
        List<UUID> ids = new ArrayList<>(new TreeMap<>(cases).keySet());
        List<String> provinces = new ArrayList<>(ids.size());
        List<String> bodies = new ArrayList<>(ids.size());
        List<String> kinds = new ArrayList<>(ids.size());
        List<LocalDate> received = new ArrayList<>(ids.size());
        ids.forEach(id -> {
            CaseFold f = cases.get(id);
            provinces.add(f.provinceOrEmpty());
            bodies.add(RecordFacts.orEmpty(f.receivingBody));
            kinds.add(RecordFacts.orEmpty(f.kind));
            received.add(f.receivedOn);
        });
        // a row the filing left as it was is neither inserted nor updated, so it is not returned
        touched.addAll(sql.query("""
                insert into matter_filing (case_id, province_code, body_code, kind, received_on, group_id)
                select f.case_id, f.province_code, f.body_code, f.kind, f.received_on, f.case_id
                from unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::date[]) with ordinality
                    as f(case_id, province_code, body_code, kind, received_on, position)
                order by f.position
                on conflict (case_id) do update set province_code = excluded.province_code,
                    body_code = excluded.body_code, kind = excluded.kind, received_on = excluded.received_on
                where (matter_filing.province_code, matter_filing.body_code, matter_filing.kind,
                       matter_filing.received_on)
                      is distinct from (excluded.province_code, excluded.body_code, excluded.kind,
                       excluded.received_on)
                returning case_id""", List.of(new Sql.ArrayOf("uuid", ids), new Sql.ArrayOf("text", provinces),
                new Sql.ArrayOf("text", bodies), new Sql.ArrayOf("text", kinds), new Sql.ArrayOf("text", received)),
                rs -> rs.getObject(1, UUID.class)));
    }

    /**
     * Case {@code a} is one matter with each of {@code others}; linking them again changes nothing. A step of a mass
     * case links one filing with up to fifty others: the new links, the cases' groups and their sizes are each one
     * statement, and the groups joined are relabelled as the largest of them in one more, however many links.
     */
    void linked(UUID a, Collection<UUID> others, Set<UUID> touched) {
        List<UUID> bs = others.stream().filter(b -> !b.equals(a)).distinct().toList();
        if (bs.isEmpty()) {
            return;
        }
        List<UUID> from = new ArrayList<>();
        List<UUID> to = new ArrayList<>();
        bs.forEach(b -> {
            from.add(a);
            to.add(b);
            from.add(b);
            to.add(a);
        });
        List<UUID> added = sql.query("""
                insert into case_link (case_id, other_case_id)
                select * from unnest(?::uuid[], ?::uuid[]) on conflict do nothing returning case_id""",
                List.of(new Sql.ArrayOf("uuid", from), new Sql.ArrayOf("uuid", to)), rs -> rs.getObject(1, UUID.class));
        if (added.isEmpty()) {
            return;
        }
        lock();
        List<UUID> cases = new ArrayList<>(bs);
        cases.add(a);
        // a case linked before its own events are projected joins with an empty filing, filled in when they are
        sql.update("""
                insert into matter_filing (case_id, province_code, body_code, kind, received_on, group_id)
                select c, '', '', '', null, c from unnest(?::uuid[]) as f(c) on conflict (case_id) do nothing""",
                List.of(new Sql.ArrayOf("uuid", cases)));
        Map<UUID, UUID> groupOf = new HashMap<>();
        sql.query("select case_id, group_id from matter_filing where case_id = any(?)",
                List.of(new Sql.ArrayOf("uuid", cases)),
                rs -> groupOf.put(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)));
        Set<UUID> groups = new LinkedHashSet<>();
        groups.add(groupOf.get(a));
        bs.forEach(b -> groups.add(groupOf.get(b)));
        if (groups.size() == 1) {
            return;
        }
        Map<UUID, Long> sizes = new HashMap<>();
        sql.query("select group_id, count(*) from matter_filing where group_id = any(?) group by group_id",
                List.of(new Sql.ArrayOf("uuid", groups)), rs -> sizes.put(rs.getObject(1, UUID.class), rs.getLong(2)));
        // the largest group keeps its label, the case's own on a tie: the fewest filings are relabelled
        UUID kept = groups.iterator().next();
        for (UUID g : groups) {
            if (sizes.getOrDefault(g, 0L) > sizes.getOrDefault(kept, 0L)) {
                kept = g;
            }
        }
        UUID keptGroup = kept;
        List<UUID> joined = groups.stream().filter(g -> !g.equals(keptGroup)).toList();
        sql.update("update matter_filing set group_id = ? where group_id = any(?)",
                List.of(keptGroup, new Sql.ArrayOf("uuid", joined)));
        touched.add(a);
    }

    /**
     * Counts again the matters of the {@code touched} cases, each matter once however many of its cases or links a
     * batch of events brought; the figures move through {@code figures}. Reads the groups and their filings in one
     * statement each.
     */
    void recount(Set<UUID> touched, FigureChanges figures) {
        if (touched.isEmpty()) {
            return;
        }
        lock();
        Map<UUID, UUID> groupOf = new HashMap<>();
        sql.query("select case_id, group_id from matter_filing where case_id = any(?)",
                List.of(new Sql.ArrayOf("uuid", touched)),
                rs -> groupOf.put(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)));
        Set<UUID> groups = new LinkedHashSet<>();
        touched.forEach(caseId -> {
            if (groupOf.get(caseId) != null) {
                groups.add(groupOf.get(caseId));
            }
        });
        if (groups.isEmpty()) {
            return;
        }
        Map<UUID, List<Filing>> filings = new HashMap<>();
        sql.query("""
                select group_id, case_id, province_code, body_code, kind, received_on, matter_id from matter_filing
                where group_id = any(?)""", List.of(new Sql.ArrayOf("uuid", groups)),
                rs -> filings.computeIfAbsent(rs.getObject(1, UUID.class), g -> new ArrayList<>()).add(new Filing(
                        rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getObject(6, LocalDate.class), rs.getObject(7, UUID.class))));
        Map<UUID, Recount> recounts = new LinkedHashMap<>();
        groups.forEach(g -> recounts.put(g, Recount.of(filings.getOrDefault(g, List.of()))));
        figures.read(recounts.values().stream().flatMap(r -> r.recordIds().stream()).toList());
        List<UUID> matters = new ArrayList<>(recounts.size());
        recounts.forEach((group, r) -> {
            r.taken().forEach(old -> figures.replace(old, List.of()));
            if (r.matter() != null) {
                figures.replace(r.matter(), r.contributions());
            }
            matters.add(r.matter());
        });
        sql.update("""
                update matter_filing m set matter_id = u.matter_id
                from unnest(?::uuid[], ?::uuid[]) as u(group_id, matter_id)
                where m.group_id = u.group_id and m.matter_id is distinct from u.matter_id""",
                List.of(new Sql.ArrayOf("uuid", recounts.keySet()), new Sql.ArrayOf("uuid", matters)));
    }

    private void lock() {
        sql.query("select pg_advisory_xact_lock(0, ?)", List.of(MATTERS_LOCK), rs -> 1);
    }

    /**
     * How a group's matter is counted now: under the record id of its first filing (none while no filing's
     * reception is known), taking back the counts of the matters it joined.
     */
    record Recount(UUID matter, List<Contribution> contributions, List<UUID> taken) {

        static Recount of(List<Filing> filings) {
            List<Filing> received = filings.stream().filter(x -> x.receivedOn() != null)
                    .sorted(Comparator.comparing(Filing::receivedOn).thenComparing(Filing::caseId)).toList();
            UUID matter = received.isEmpty() ? null : recordIdOf(received.get(0).caseId());
            List<UUID> taken = filings.stream().map(Filing::matterId).filter(Objects::nonNull).distinct()
                    .filter(old -> !old.equals(matter)).sorted().toList();
            return new Recount(matter, matter == null ? List.of() : Matters.contributions(received), taken);
        }

        List<UUID> recordIds() {
            List<UUID> ids = new ArrayList<>(taken);
            if (matter != null) {
                ids.add(matter);
            }
            return ids;
        }
    }

    /**
     * One per province the matter was filed in (under the body and kind of its first filing there), all on the day
     * of the matter's first filing; the national total counts the matter once ({@link Figure#countsOnceNationally}).
     */
    static List<Contribution> contributions(List<Filing> receivedInOrder) {
        LocalDate first = receivedInOrder.get(0).receivedOn();
        Map<String, Filing> firstByProvince = new LinkedHashMap<>();
        receivedInOrder.forEach(x -> firstByProvince.putIfAbsent(x.provinceCode(), x));
        List<Contribution> items = new ArrayList<>();
        firstByProvince.values().forEach(x -> items.addAll(new RecordFacts.Collector(x.provinceCode(), x.bodyCode(),
                "", x.kind()).add(Figure.CASES_MATTERS_RECEIVED, first, 1).items()));
        return items;
    }

    /** A case of a matter as projected: {@code receivedOn} null until its reception is known. */
    record Filing(UUID caseId, String provinceCode, String bodyCode, String kind, LocalDate receivedOn,
            UUID matterId) {
    }
}
