package vn.inspectorate.complaints.cases;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;
import vn.inspectorate.complaints.identity.CaseIdentity;
import vn.inspectorate.complaints.identity.IdentityVault;
import vn.inspectorate.complaints.rules.Rule;
import vn.inspectorate.complaints.rules.RuleSet;
import vn.inspectorate.platform.outbox.Outbox;
import vn.inspectorate.platform.problem.Problem;

/**
 * Files a batch of cases with a constant number of statements per chunk instead of a dozen per case: source keys are
 * claimed in one statement, cases, history, identities, duplicate links and events are written in batched statements,
 * and likely duplicates are looked up once for the whole chunk. Each item ends exactly as it would have, filed alone
 * in the batch's order: created, rejected with its fields, a duplicate naming the original when its source reference
 * was filed with the same values, or a conflict naming the original and the differing fields when it was filed with
 * other values (also when the same source reference comes twice in one batch); a case is linked to earlier items of
 * its batch like to any earlier case.
 */
@ApplicationScoped
public class CaseBatchIntake {

    /** Items written per round of statements: bounds the memory a very large batch holds at once. */
    static final int CHUNK = 500;

    private final EntityManager em;
    private final CaseIntakeService intake;
    private final CaseClocks clocks;
    private final IdentityVault vault;
    private final DuplicateDetector duplicates;
    private final CaseHistoryLog history;
    private final CaseEvents events;

    CaseBatchIntake(EntityManager em, CaseIntakeService intake, CaseClocks clocks, IdentityVault vault,
            DuplicateDetector duplicates, CaseHistoryLog history, CaseEvents events) {
        this.em = em;
        this.intake = intake;
        this.clocks = clocks;
        this.vault = vault;
        this.duplicates = duplicates;
        this.history = history;
        this.events = events;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public BatchResult file(List<CaseSubmission> submissions, String province, String actor) {
        return file(submissions, province, actor, false);
    }

    /** {@link #file(List, String, String)}; {@code backfill} loads cases received before today as history. */
    @Transactional(Transactional.TxType.MANDATORY)
    public BatchResult file(List<CaseSubmission> submissions, String province, String actor, boolean backfill) {
        BatchResult.Item[] items = new BatchResult.Item[submissions.size()];
        List<Accepted> accepted = new ArrayList<>();
        for (int i = 0; i < submissions.size(); i++) {
            CaseSubmission s = submissions.get(i);
            String prefix = "cases[" + i + "]";
            String reference = s == null ? null : s.sourceReference();
            List<Problem.FieldError> errors = intake.checkFields(s, prefix);
            if (errors.isEmpty() && backfill && !s.receivedOn().isBefore(BusinessDate.today())) {
                errors = List.of(new Problem.FieldError(prefix + ".receivedOn",
                        "must be before today to be loaded as history"));
            }
            if (errors.isEmpty()) {
                errors = intake.refusal(s, province).map(r -> r.errors().stream()
                        .map(e -> new Problem.FieldError(prefix + "." + e.field(), e.message())).toList())
                        .orElse(List.of());
            }
            if (!errors.isEmpty()) {
                items[i] = BatchResult.Item.of(i, reference, BatchResult.Outcome.REJECTED, null, null, errors);
                continue;
            }
            accepted.add(new Accepted(i, s, UUID.randomUUID()));
            if (accepted.size() == CHUNK) {
                fileChunk(accepted, province, actor, items, backfill);
                accepted.clear();
            }
        }
        fileChunk(accepted, province, actor, items, backfill);
        int created = 0;
        int duplicated = 0;
        int conflicts = 0;
        int rejected = 0;
        for (BatchResult.Item item : items) {
            switch (item.outcome()) {
                case CREATED -> created++;
                case DUPLICATE -> duplicated++;
                case CONFLICT -> conflicts++;
                case REJECTED -> rejected++;
            }
        }
        return new BatchResult(created, duplicated, conflicts, rejected, List.of(items));
    }

    private void fileChunk(List<Accepted> chunk, String province, String actor, BatchResult.Item[] items,
            boolean backfill) {
        if (chunk.isEmpty()) {
            return;
        }
        Session session = em.unwrap(Session.class);
        Map<UUID, UUID> existing = session.doReturningWork(c -> claimSourceKeys(c, province, chunk));
        List<CitizenCase> cases = new ArrayList<>();
        List<IdentityVault.Sealed> identities = new ArrayList<>();
        Map<UUID, String> identityHashes = new HashMap<>();
        Map<UUID, CaseFiling> filedInChunk = new HashMap<>();
        for (Accepted a : chunk) {
            UUID original = existing.get(a.id());
            if (original != null) {
                items[a.index()] = repeated(a, original, filedInChunk.get(original));
                continue;
            }
            filedInChunk.put(a.id(), CaseFiling.of(a.submission()));
            CitizenCase c = intake.newCase(a.id(), a.submission(), province);
            c.backfilled = backfill;
            cases.add(c);
            em.persist(c);
            vault.seal(c.id, CaseIdentity.of(a.submission().complainant(),
                    a.submission().representatives())).ifPresent(sealed -> {
                        identities.add(sealed);
                        identityHashes.put(c.id, sealed.hash());
                    });
            items[a.index()] = BatchResult.Item.of(a.index(), a.submission().sourceReference(),
                    BatchResult.Outcome.CREATED, c.id, null, null);
        }
        em.flush();
        history.receivedAll(cases, actor);
        vault.storeAll(identities);
        List<DuplicateDetector.Link> links = likelyDuplicates(cases, identityHashes);
        session.doWork(c -> insertLinks(c, links));
        List<Outbox.PendingEvent> pending = new ArrayList<>(cases.size() * 2);
        for (CitizenCase c : cases) {
            pending.addAll(events.received(c));
        }
        events.publishAll(pending);
        // the chunk is written; what stays managed would only slow the next chunk's flush
        em.clear();
    }

    /**
     * An item repeating the source reference of case {@code original}: a duplicate when it says the same as that case
     * was filed with (by an earlier request, or by {@code earlierItem} of this chunk), else a conflict.
     */
    private BatchResult.Item repeated(Accepted a, UUID original, CaseFiling earlierItem) {
        CaseFiling filing = CaseFiling.of(a.submission());
        IntakeOutcome outcome = earlierItem == null ? intake.repeated(original, filing)
                : filing.differingFrom(earlierItem).isEmpty() ? new IntakeOutcome.Duplicate(original)
                : new IntakeOutcome.Conflict(original, filing.differingFrom(earlierItem));
        String reference = a.submission().sourceReference();
        return outcome instanceof IntakeOutcome.Conflict conflict
                ? BatchResult.Item.conflict(a.index(), reference, original, conflict.differingFields())
                : BatchResult.Item.of(a.index(), reference, BatchResult.Outcome.DUPLICATE, original, original, null);
    }

    /**
     * Claims the source keys of a chunk in one statement, in the chunk's order. Answers the original case of every
     * key that was already claimed, by an earlier request or by an earlier item of the same chunk.
     */
    private static Map<UUID, UUID> claimSourceKeys(Connection connection, String province, List<Accepted> chunk)
            throws SQLException {
        String[] systems = chunk.stream().map(a -> a.submission().sourceSystem()).toArray(String[]::new);
        String[] references = chunk.stream().map(a -> a.submission().sourceReference()).toArray(String[]::new);
        UUID[] ids = chunk.stream().map(Accepted::id).toArray(UUID[]::new);
        Set<UUID> claimed = new HashSet<>();
        try (PreparedStatement claim = connection.prepareStatement("""
                insert into case_source_key (province_code, source_system, source_reference, case_id)
                select ?, k.source_system, k.source_reference, k.case_id
                from unnest(?::text[], ?::text[], ?::uuid[]) with ordinality
                     as k(source_system, source_reference, case_id, position)
                order by k.position
                on conflict do nothing
                returning case_id""")) {
            claim.setString(1, province);
            claim.setArray(2, connection.createArrayOf("text", systems));
            claim.setArray(3, connection.createArrayOf("text", references));
            claim.setArray(4, connection.createArrayOf("uuid", ids));
            try (ResultSet rows = claim.executeQuery()) {
                while (rows.next()) {
                    claimed.add(rows.getObject(1, UUID.class));
                }
            }
        }
        Map<UUID, UUID> originals = new HashMap<>();
        if (claimed.size() == chunk.size()) {
            return originals;
        }
        List<Accepted> others = chunk.stream().filter(a -> !claimed.contains(a.id())).toList();
        Map<String, UUID> owners = new HashMap<>();
        try (PreparedStatement find = connection.prepareStatement("""
                select k.source_system, k.source_reference, k.case_id from case_source_key k
                join unnest(?::text[], ?::text[]) as wanted(source_system, source_reference)
                  on wanted.source_system = k.source_system and wanted.source_reference = k.source_reference
                where k.province_code = ?""")) {
            Array wantedSystems = connection.createArrayOf("text",
                    others.stream().map(a -> a.submission().sourceSystem()).toArray());
            Array wantedReferences = connection.createArrayOf("text",
                    others.stream().map(a -> a.submission().sourceReference()).toArray());
            find.setArray(1, wantedSystems);
            find.setArray(2, wantedReferences);
            find.setString(3, province);
            try (ResultSet rows = find.executeQuery()) {
                while (rows.next()) {
                    owners.put(key(rows.getString(1), rows.getString(2)), rows.getObject(3, UUID.class));
                }
            }
        }
        for (Accepted a : others) {
            originals.put(a.id(), owners.get(key(a.submission().sourceSystem(), a.submission().sourceReference())));
        }
        return originals;
    }

    private static String key(String system, String reference) {
        return system + '\u0000' + reference;
    }

    /**
     * The likely duplicates of each case of the chunk, from one query for all their people and respondents. A case is
     * compared with earlier cases and with the chunk's cases filed before it, never with later ones: what filing them
     * one after another would have found.
     */
    private List<DuplicateDetector.Link> likelyDuplicates(List<CitizenCase> cases,
            Map<UUID, String> identityHashes) {
        Set<String> hashes = new LinkedHashSet<>(identityHashes.values());
        Set<String> respondents = new LinkedHashSet<>();
        LocalDate from = null;
        LocalDate to = null;
        for (CitizenCase c : cases) {
            if (c.respondentCode != null) {
                respondents.add(c.respondentCode);
            }
            if (c.respondentCode != null || identityHashes.containsKey(c.id)) {
                int window = clocks.rulesOf(c).get(Rule.DUPLICATE_WINDOW).value();
                LocalDate first = c.receivedOn.minusDays(window);
                LocalDate last = c.receivedOn.plusDays(window);
                from = from == null || first.isBefore(from) ? first : from;
                to = to == null || last.isAfter(to) ? last : to;
            }
        }
        if (from == null) {
            return List.of();
        }
        List<DuplicateDetector.Candidate> found = duplicates.candidates(hashes, respondents, from, to);
        Map<UUID, Integer> positionInChunk = new HashMap<>();
        for (int i = 0; i < cases.size(); i++) {
            positionInChunk.put(cases.get(i).id, i);
        }
        Map<String, List<DuplicateDetector.Candidate>> byPerson = new HashMap<>();
        Map<String, List<DuplicateDetector.Candidate>> byRespondent = new HashMap<>();
        for (DuplicateDetector.Candidate o : found) {
            if (o.identityHash() != null) {
                byPerson.computeIfAbsent(o.identityHash(), k -> new ArrayList<>()).add(o);
            }
            if (o.respondentCode() != null) {
                byRespondent.computeIfAbsent(o.respondentCode(), k -> new ArrayList<>()).add(o);
            }
        }
        List<DuplicateDetector.Link> links = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            CitizenCase c = cases.get(i);
            String hash = identityHashes.get(c.id);
            if (hash == null && c.respondentCode == null) {
                continue;
            }
            RuleSet rules = clocks.rulesOf(c);
            int window = rules.get(Rule.DUPLICATE_WINDOW).value();
            LocalDate first = c.receivedOn.minusDays(window);
            LocalDate last = c.receivedOn.plusDays(window);
            int position = i;
            Set<DuplicateDetector.Candidate> same = new LinkedHashSet<>();
            if (hash != null) {
                same.addAll(byPerson.getOrDefault(hash, List.of()));
            }
            if (c.respondentCode != null) {
                same.addAll(byRespondent.getOrDefault(c.respondentCode, List.of()));
            }
            List<DuplicateDetector.Candidate> mine = same.stream()
                    .filter(o -> !o.id().equals(c.id) && positionInChunk.getOrDefault(o.id(), -1) < position)
                    .filter(o -> !o.receivedOn().isBefore(first) && !o.receivedOn().isAfter(last))
                    .sorted(DuplicateDetector.NEWEST_FIRST).toList();
            links.addAll(duplicates.likelyDuplicates(c, hash, rules, mine));
        }
        return links;
    }

    private static void insertLinks(Connection connection, List<DuplicateDetector.Link> links) throws SQLException {
        if (links.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into case_duplicate_link (case_id, likely_duplicate_of, reasons) values (?, ?, ?)
                on conflict do nothing""")) {
            for (DuplicateDetector.Link link : links) {
                insert.setObject(1, link.caseId());
                insert.setObject(2, link.duplicateOf());
                insert.setString(3, link.reasons());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** A batch item that passed every check, with the id its case gets if its source key is new. */
    private record Accepted(int index, CaseSubmission submission, UUID id) {
    }
}
