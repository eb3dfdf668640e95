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
 */
@ApplicationScoped
class Matters {

    /**
     * Serialises the recounts: two cases of one matter may be folded at the same time. Taken after the transaction's
     * own change is written, so whichever recounts last sees both.
     */
    private static final int MATTERS_LOCK = 8;

    private static final String COMPONENT = """
            with recursive m(id) as (select ?::uuid union select l.other_case_id from case_link l join m on l.case_id = m.id)
            select id from m""";

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
     * Case {@code caseId} as its events now say; where its filing changed, its matter is added to {@code touched},
     * to be counted again by {@link #recount}.
     */
    void filed(UUID caseId, CaseFold f, Set<UUID> touched) {
        int changed = sql.update("""
                insert into matter_filing (case_id, province_code, body_code, kind, received_on) values (?, ?, ?, ?, ?)
                on conflict (case_id) do update set province_code = excluded.province_code,
                    body_code = excluded.body_code, kind = excluded.kind, received_on = excluded.received_on
                where (matter_filing.province_code, matter_filing.body_code, matter_filing.kind,
                       matter_filing.received_on)
                      is distinct from (excluded.province_code, excluded.body_code, excluded.kind,
                       excluded.received_on)""",
                Arrays.asList(caseId, f.provinceOrEmpty(), RecordFacts.orEmpty(f.receivingBody),
                        RecordFacts.orEmpty(f.kind), f.receivedOn));
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
        if (added > 0) {
            touched.add(a);
        }
    }

    /**
     * Counts again the matters of the {@code touched} cases, each matter once however many of its cases or links a
     * batch of events brought (a mass case of a hundred filings brings thousands of links).
     */
    void recount(Set<UUID> touched) {
        if (touched.isEmpty()) {
            return;
        }
        lock();
        Set<UUID> counted = new HashSet<>();
        for (UUID caseId : touched) {
            if (!counted.contains(caseId)) {
                counted.addAll(recount(caseId));
            }
        }
    }

    private void lock() {
        sql.query("select pg_advisory_xact_lock(0, ?)", List.of(MATTERS_LOCK), rs -> 1);
    }

    /**
     * Counts the matter of case {@code caseId} again, and takes back the counts of the matters it joined; answers
     * its cases.
     */
    private List<UUID> recount(UUID caseId) {
        List<UUID> cases = sql.query(COMPONENT, List.of(caseId), rs -> rs.getObject(1, UUID.class));
        Object ids = new Sql.ArrayOf("uuid", cases);
        List<Filing> filings = sql.query("""
                select case_id, province_code, body_code, kind, received_on, matter_id from matter_filing
                where case_id = any(?)""", List.of(ids), rs -> new Filing(rs.getObject(1, UUID.class),
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
        sql.update("update matter_filing set matter_id = ? where case_id = any(?)", Arrays.asList(matter, ids));
        return cases;
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
