package vn.inspectorate.reporting.projection;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
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
    private final ProjectionStore store;

    Matters(Sql sql, ProjectionStore store) {
        this.sql = sql;
        this.store = store;
    }

    /** The record id a matter whose first filing is {@code firstCaseId} is counted under. */
    static UUID recordIdOf(UUID firstCaseId) {
        return UUID.nameUUIDFromBytes(("matter:" + firstCaseId).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Case {@code caseId} as its events now say; where its filing changed, it is added to {@code touched}, its
     * matter to be counted again by {@link #recount}.
     */
    void filed(UUID caseId, CaseFold f, Set<UUID> touched) {
        int changed = sql.update("""
                insert into matter_filing (case_id, province_code, body_code, kind, received_on, group_id)
                values (?, ?, ?, ?, ?, ?)
                on conflict (case_id) do update set province_code = excluded.province_code,
                    body_code = excluded.body_code, kind = excluded.kind, received_on = excluded.received_on
                where (matter_filing.province_code, matter_filing.body_code, matter_filing.kind,
                       matter_filing.received_on)
                      is distinct from (excluded.province_code, excluded.body_code, excluded.kind,
                       excluded.received_on)""",
                Arrays.asList(caseId, f.provinceOrEmpty(), RecordFacts.orEmpty(f.receivingBody),
                        RecordFacts.orEmpty(f.kind), f.receivedOn, caseId));
        if (changed > 0) {
            touched.add(caseId);
        }
    }

    /** Cases {@code a} and {@code b} are one matter; linking them again changes nothing. */
    void linked(UUID a, UUID b, Set<UUID> touched) {
        if (a.equals(b)) {
            return;
        }
        int added = sql.update("""
                insert into case_link (case_id, other_case_id) values (?, ?), (?, ?) on conflict do nothing""",
                List.of(a, b, b, a));
        if (added == 0) {
            return;
        }
        lock();
        // a case linked before its own events are projected joins with an empty filing, filled in when they are
        sql.update("""
                insert into matter_filing (case_id, province_code, body_code, kind, received_on, group_id)
                values (?, '', '', '', null, ?), (?, '', '', '', null, ?) on conflict (case_id) do nothing""",
                List.of(a, a, b, b));
        UUID groupA = group(a);
        UUID groupB = group(b);
        if (!groupA.equals(groupB)) {
            long sizeA = size(groupA);
            long sizeB = size(groupB);
            UUID kept = sizeA >= sizeB ? groupA : groupB;
            UUID relabelled = kept.equals(groupA) ? groupB : groupA;
            sql.update("update matter_filing set group_id = ? where group_id = ?", List.of(kept, relabelled));
            touched.add(a);
        }
    }

    /**
     * Counts again the matters of the {@code touched} cases, each matter once however many of its cases or links a
     * batch of events brought.
     */
    void recount(Set<UUID> touched) {
        if (touched.isEmpty()) {
            return;
        }
        lock();
        Set<UUID> counted = new HashSet<>();
        for (UUID caseId : touched) {
            UUID group = group(caseId);
            if (group != null && counted.add(group)) {
                recountGroup(group);
            }
        }
    }

    private void lock() {
        sql.query("select pg_advisory_xact_lock(0, ?)", List.of(MATTERS_LOCK), rs -> 1);
    }

    private UUID group(UUID caseId) {
        return sql.query("select group_id from matter_filing where case_id = ?", List.of(caseId),
                rs -> rs.getObject(1, UUID.class)).stream().findFirst().orElse(null);
    }

    private long size(UUID group) {
        return sql.query("select count(*) from matter_filing where group_id = ?", List.of(group),
                rs -> rs.getLong(1)).get(0);
    }

    /** Counts the matter of {@code group} again, and takes back the counts of the matters it joined. */
    private void recountGroup(UUID group) {
        List<Filing> filings = sql.query("""
                select case_id, province_code, body_code, kind, received_on, matter_id from matter_filing
                where group_id = ?""", List.of(group), rs -> new Filing(rs.getObject(1, UUID.class),
                rs.getString(2), rs.getString(3), rs.getString(4), rs.getObject(5, LocalDate.class),
                rs.getObject(6, UUID.class)));
        List<Filing> received = filings.stream().filter(x -> x.receivedOn() != null)
                .sorted(Comparator.comparing(Filing::receivedOn).thenComparing(Filing::caseId)).toList();
        UUID matter = received.isEmpty() ? null : recordIdOf(received.get(0).caseId());
        filings.stream().map(Filing::matterId).filter(Objects::nonNull).distinct()
                .filter(old -> !old.equals(matter)).sorted()
                .forEach(old -> store.replaceContributions(old, List.of()));
        if (matter != null) {
            store.replaceContributions(matter, contributions(received));
        }
        sql.update("update matter_filing set matter_id = ? where group_id = ? and matter_id is distinct from ?",
                Arrays.asList(matter, group, matter));
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
