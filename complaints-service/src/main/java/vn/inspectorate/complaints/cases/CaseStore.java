package vn.inspectorate.complaints.cases;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import vn.inspectorate.platform.sql.Sql;

/**
 * The SQL of cases beyond loading and saving the entity: the source keys that make intake idempotent, likely-duplicate
 * links and the candidates they are found among, the links a case view shows and the deadlines that passed (the
 * filtered list is {@link CaseSearch}). Set-based where intake writes many, so that a batch costs a constant number of
 * statements per chunk; every value is bound.
 */
@ApplicationScoped
public class CaseStore implements PanacheRepositoryBase<CitizenCase, UUID> {

    private static final String CLAIM_SOURCE_KEYS = """
            insert into case_source_key (province_code, source_system, source_reference, case_id)
            select ?, k.source_system, k.source_reference, k.case_id
            from unnest(?::text[], ?::text[], ?::uuid[]) with ordinality
                 as k(source_system, source_reference, case_id, position)
            order by k.position
            on conflict do nothing
            returning case_id""";

    private static final String SOURCE_KEY_OWNERS = """
            select k.source_system, k.source_reference, k.case_id from case_source_key k
            join unnest(?::text[], ?::text[]) as wanted(source_system, source_reference)
              on wanted.source_system = k.source_system and wanted.source_reference = k.source_reference
            where k.province_code = ?""";

    /*
     * Index lookups (people by hash then each case by id; respondents by code and date), never a walk through every
     * case of the date window. The subquery's offset 0 keeps the date out of it, so even a table without statistics
     * cannot get the walk as its plan. Being safe without statistics, the statement runs on the one plan a connection
     * makes for it (GENERIC_PLAN): planning it afresh for each filing cost about ten times its execution.
     */
    static final String DUPLICATE_CANDIDATES = """
            select c.id, c.subject, c.respondent_code, i.identity_hash, c.received_on, c.province_code, c.mass
            from case_identity i
            cross join lateral (select c.id, c.subject, c.respondent_code, c.received_on, c.province_code, c.mass
                                from citizen_case c where c.id = i.case_id offset 0) c
            where i.identity_hash = any(?::text[]) and c.received_on between ? and ?
            union
            select c.id, c.subject, c.respondent_code, i.identity_hash, c.received_on, c.province_code, c.mass
            from citizen_case c left join case_identity i on i.case_id = c.id
            where c.respondent_code = any(?::text[]) and c.received_on between ? and ?""";
    private static final String GENERIC_PLAN = "set local plan_cache_mode = force_generic_plan";
    private static final String PLAN_AS_CONFIGURED = "set local plan_cache_mode to default";

    private static final String LINK_DUPLICATES = """
            insert into case_duplicate_link (case_id, likely_duplicate_of, reasons)
            select l.case_id, l.likely_duplicate_of, l.reasons
            from unnest(?::uuid[], ?::uuid[], ?::text[]) as l(case_id, likely_duplicate_of, reasons)
            on conflict do nothing""";

    /** A case's natural key within its province, and the id the case gets if the key is new. */
    public record SourceKey(String sourceSystem, String sourceReference, UUID caseId) {
    }

    private final Sql sql;
    CaseStore(Sql sql) {
        this.sql = sql;
    }

    /**
     * Claims the source keys of {@code province} in one statement, in the order given, sent with {@code lookups}. Once
     * they were sent, {@link Claim#originals()} answers for each key that was already claimed (by an earlier request or
     * by an earlier key of the same list) the case that holds it, by the id the key asked for.
     */
    Claim claimSourceKeys(String province, List<SourceKey> keys, Sql.Pipeline lookups) {
        return new Claim(province, keys, lookups.query(CLAIM_SOURCE_KEYS, List.of(province,
                new Sql.ArrayOf("text", keys.stream().map(SourceKey::sourceSystem).toList()),
                new Sql.ArrayOf("text", keys.stream().map(SourceKey::sourceReference).toList()),
                new Sql.ArrayOf("uuid", keys.stream().map(SourceKey::caseId).toList())),
                rs -> rs.getObject(1, UUID.class)));
    }

    /** Source keys being claimed: which were new is known once the statement was sent. */
    final class Claim {

        private final String province;
        private final List<SourceKey> keys;
        private final Sql.Rows<UUID> claimed;

        private Claim(String province, List<SourceKey> keys, Sql.Rows<UUID> claimed) {
            this.province = province;
            this.keys = keys;
            this.claimed = claimed;
        }

        /** The case holding each key that was claimed already, by the id the key asked for; one more statement if any. */
        Map<UUID, UUID> originals() {
            Set<UUID> mine = new HashSet<>(claimed.get());
            Map<UUID, UUID> originals = new HashMap<>();
            if (mine.size() == keys.size()) {
                return originals;
            }
            List<SourceKey> others = keys.stream().filter(k -> !mine.contains(k.caseId())).toList();
            Map<String, UUID> owners = new HashMap<>();
            for (SourceKey owner : sql.query(SOURCE_KEY_OWNERS, List.of(
                    new Sql.ArrayOf("text", others.stream().map(SourceKey::sourceSystem).toList()),
                    new Sql.ArrayOf("text", others.stream().map(SourceKey::sourceReference).toList()), province),
                    rs -> new SourceKey(rs.getString(1), rs.getString(2), rs.getObject(3, UUID.class)))) {
                owners.put(key(owner.sourceSystem(), owner.sourceReference()), owner.caseId());
            }
            for (SourceKey k : others) {
                originals.put(k.caseId(), owners.get(key(k.sourceSystem(), k.sourceReference())));
            }
            return originals;
        }
    }

    private static String key(String system, String reference) {
        return system + '\u0000' + reference;
    }

    /**
     * The cases received between {@code from} and {@code to} of any of these people (hashes) or respondents, as the
     * database holds them when {@code lookups} is sent.
     */
    Sql.Rows<DuplicateDetector.Candidate> duplicateCandidates(Collection<String> hashes,
            Collection<String> respondents, LocalDate from, LocalDate to, Sql.Pipeline lookups) {
        lookups.update(GENERIC_PLAN, List.of());
        Sql.Rows<DuplicateDetector.Candidate> candidates = lookups.query(DUPLICATE_CANDIDATES,
                List.of(new Sql.ArrayOf("text", hashes), from, to, new Sql.ArrayOf("text", respondents), from, to),
                rs -> new DuplicateDetector.Candidate(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getObject(5, LocalDate.class), rs.getString(6), rs.getBoolean(7)));
        lookups.update(PLAN_AS_CONFIGURED, List.of());
        return candidates;
    }

    /** Writes {@code links} when {@code writes} is sent, in one statement however many. */
    void linkDuplicates(List<DuplicateDetector.Link> links, Sql.Pipeline writes) {
        if (links.isEmpty()) {
            return;
        }
        writes.update(LINK_DUPLICATES, List.of(
                new Sql.ArrayOf("uuid", links.stream().map(DuplicateDetector.Link::caseId).toList()),
                new Sql.ArrayOf("uuid", links.stream().map(DuplicateDetector.Link::duplicateOf).toList()),
                new Sql.ArrayOf("text", links.stream().map(DuplicateDetector.Link::reasons).toList())));
    }

    /**
     * The cases linked to {@code id} as one matter, either way, oldest filing first: what the staff who see case
     * {@code id} may know of each, whatever its province (no subject, no respondent, no party).
     */
    List<CaseView.LinkedCase> linksOf(UUID id) {
        return sql.query("""
                select o.id, o.source_system, o.source_reference, o.province_code, o.status, o.handling_body_code,
                       o.receiving_body_code, o.received_on, l.reasons
                from (select distinct on (other) other, reasons from (
                        select likely_duplicate_of as other, reasons, linked_at from case_duplicate_link
                        where case_id = ?
                        union all
                        select case_id, reasons, linked_at from case_duplicate_link where likely_duplicate_of = ?) a
                      order by other, linked_at) l
                join citizen_case o on o.id = l.other
                order by o.received_on, o.id""", List.of(id, id),
                rs -> new CaseView.LinkedCase(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), CaseStatus.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7),
                        rs.getObject(8, LocalDate.class), List.of(rs.getString(9).split(","))));
    }

    /** The inspections opened from case {@code id}, in the order they were linked. */
    List<UUID> inspectionsOf(UUID id) {
        return sql.query("select inspection_id from case_inspection_link where case_id = ? order by linked_at",
                List.of(id), rs -> rs.getObject(1, UUID.class));
    }

    boolean onWatchlist(UUID id) {
        return sql.queryFirst("select 1 from watchlist_entry where case_id = ? and active", List.of(id),
                rs -> true).isPresent();
    }

    /** Links case {@code caseId} to a concluded inspection; false when it was linked already. */
    public boolean linkInspection(UUID caseId, UUID inspectionId, String inspectingBodyCode, LocalDate concludedOn) {
        return sql.update("""
                insert into case_inspection_link (case_id, inspection_id, inspecting_body_code, concluded_on)
                values (?, ?, ?, ?) on conflict do nothing""",
                Arrays.asList(caseId, inspectionId, inspectingBodyCode, concludedOn)) == 1;
    }

    /** A deadline of a case that passed: the step it is for and its last day. */
    public record Due(UUID caseId, String step, LocalDate dueOn) {
    }

    /**
     * Up to {@code limit} deadlines that passed before {@code today} without a notice yet, of cases that are not
     * history: acceptance, resolution (while its clock runs) and the notice to a denouncer.
     */
    public List<Due> overdue(LocalDate today, int limit) {
        return sql.query("""
                select c.id, 'ACCEPTANCE', c.acceptance_due_on from citizen_case c
                where not c.backfilled and c.status in ('RECEIVED', 'CLASSIFIED') and c.acceptance_due_on < ?
                  and not exists (select 1 from case_overdue_notice n
                                  where n.case_id = c.id and n.step = 'ACCEPTANCE' and n.due_on = c.acceptance_due_on)
                union all
                select c.id, 'RESOLUTION', c.resolution_due_on from citizen_case c
                join rule_set r on r.version = c.rule_set_version
                where not c.backfilled
                  and (c.status in ('ACCEPTED', 'ASSIGNED') or (c.status = 'PAUSED' and r.paused_time_counts))
                  and c.resolution_due_on < ?
                  and not exists (select 1 from case_overdue_notice n
                                  where n.case_id = c.id and n.step = 'RESOLUTION' and n.due_on = c.resolution_due_on)
                union all
                select c.id, 'DENOUNCER_NOTICE', c.notify_due_on from citizen_case c
                where not c.backfilled and c.status in ('ACCEPTED', 'ASSIGNED') and c.notify_due_on < ?
                  and c.denouncer_notified_on is null
                  and not exists (select 1 from case_overdue_notice n
                                  where n.case_id = c.id and n.step = 'DENOUNCER_NOTICE' and n.due_on = c.notify_due_on)
                limit ?""", List.of(today, today, today, limit),
                rs -> new Due(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, LocalDate.class)));
    }

    /** Records the notice of {@code due}; false when it was noticed already (by another scan or instance). */
    public boolean noticeOverdue(Due due) {
        return sql.update("""
                insert into case_overdue_notice (case_id, step, due_on) values (?, ?, ?) on conflict do nothing""",
                List.of(due.caseId(), due.step(), due.dueOn())) == 1;
    }
}
