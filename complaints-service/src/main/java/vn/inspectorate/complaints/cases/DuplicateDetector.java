package vn.inspectorate.complaints.cases;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;
import vn.inspectorate.complaints.rules.Rule;
import vn.inspectorate.complaints.rules.RuleSet;

/**
 * Finds likely duplicates of a new case in every province: the same person (identity hash) or the same respondent,
 * with a similar subject, received close together. Likely duplicates are linked both ways, never dropped: the
 * matter is then counted once nationally.
 */
@ApplicationScoped
public class DuplicateDetector {

    private static final int MAX_CANDIDATES = 50;
    static final Comparator<Candidate> NEWEST_FIRST = Comparator.comparing(Candidate::receivedOn).reversed();

    private final EntityManager em;

    DuplicateDetector(EntityManager em) {
        this.em = em;
    }

    public List<UUID> link(CitizenCase c, String identityHash, RuleSet rules) {
        if (identityHash == null && c.respondentCode == null) {
            return List.of();
        }
        int window = rules.get(Rule.DUPLICATE_WINDOW).value();
        List<Candidate> candidates = candidates(
                identityHash == null ? Set.of() : Set.of(identityHash),
                c.respondentCode == null ? Set.of() : Set.of(c.respondentCode),
                c.receivedOn.minusDays(window), c.receivedOn.plusDays(window)).stream()
                .filter(other -> !other.id().equals(c.id)).sorted(NEWEST_FIRST).toList();
        List<Link> links = likelyDuplicates(c, identityHash, rules, candidates);
        for (Link link : links) {
            em.createNativeQuery("""
                    insert into case_duplicate_link (case_id, likely_duplicate_of, reasons) values (?1, ?2, ?3)
                    on conflict do nothing""")
                    .setParameter(1, link.caseId()).setParameter(2, link.duplicateOf()).setParameter(3, link.reasons())
                    .executeUpdate();
        }
        return links.stream().map(Link::duplicateOf).toList();
    }

    /** The cases received between {@code from} and {@code to} of any of these people (hashes) or respondents. */
    List<Candidate> candidates(Set<String> hashes, Set<String> respondents, LocalDate from, LocalDate to) {
        em.flush();
        return em.unwrap(Session.class).doReturningWork(connection -> {
            List<Candidate> found = new ArrayList<>();
            // two index lookups (people by hash, respondents by code), not one scan of every case in the date range
            try (PreparedStatement query = connection.prepareStatement("""
                    select c.id, c.subject, c.respondent_code, i.identity_hash, c.received_on
                    from case_identity i join citizen_case c on c.id = i.case_id
                    where i.identity_hash = any(?::text[]) and c.received_on between ? and ?
                    union
                    select c.id, c.subject, c.respondent_code, i.identity_hash, c.received_on
                    from citizen_case c left join case_identity i on i.case_id = c.id
                    where c.respondent_code = any(?::text[]) and c.received_on between ? and ?""")) {
                query.setArray(1, connection.createArrayOf("text", hashes.toArray()));
                query.setObject(2, from);
                query.setObject(3, to);
                query.setArray(4, connection.createArrayOf("text", respondents.toArray()));
                query.setObject(5, from);
                query.setObject(6, to);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        found.add(new Candidate(rows.getObject(1, UUID.class), rows.getString(2),
                                rows.getString(3), rows.getString(4), rows.getObject(5, LocalDate.class)));
                    }
                }
            }
            return found;
        });
    }

    /**
     * Which of {@code candidates} (cases of the same person or respondent, newest first, at most
     * {@value #MAX_CANDIDATES} looked at) a new case is a likely duplicate of.
     */
    List<Link> likelyDuplicates(CitizenCase c, String identityHash, RuleSet rules, List<Candidate> candidates) {
        if (candidates.isEmpty()) {
            return List.of();
        }
        int similarityPercent = rules.get(Rule.DUPLICATE_SUBJECT_SIMILARITY_PERCENT).value();
        Set<String> words = words(c.subject);
        List<Link> links = new ArrayList<>();
        for (Candidate other : candidates.subList(0, Math.min(candidates.size(), MAX_CANDIDATES))) {
            boolean samePerson = identityHash != null && identityHash.equals(other.identityHash());
            boolean sameRespondent = c.respondentCode != null && c.respondentCode.equals(other.respondentCode());
            boolean similarSubject = similarity(words, words(other.subject())) * 100 >= similarityPercent;
            if ((samePerson && (sameRespondent || similarSubject)) || (sameRespondent && similarSubject)) {
                List<String> reasons = new ArrayList<>();
                if (samePerson) {
                    reasons.add("SAME_COMPLAINANT");
                }
                if (sameRespondent) {
                    reasons.add("SAME_RESPONDENT");
                }
                if (similarSubject) {
                    reasons.add("SIMILAR_SUBJECT");
                }
                reasons.add("CLOSE_DATES");
                links.add(new Link(c.id, other.id(), String.join(",", reasons)));
            }
        }
        return links;
    }

    /** An earlier case that may be the same matter. */
    record Candidate(UUID id, String subject, String respondentCode, String identityHash, LocalDate receivedOn) {
    }

    /** {@code caseId} is likely a duplicate of {@code duplicateOf}, for {@code reasons}. */
    record Link(UUID caseId, UUID duplicateOf, String reasons) {
    }

    static Set<String> words(String text) {
        if (text == null) {
            return Set.of();
        }
        String folded = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replace('đ', 'd').replace('Đ', 'D').toLowerCase(Locale.ROOT);
        Set<String> words = new HashSet<>(Arrays.asList(folded.split("[^\\p{L}\\p{N}]+")));
        words.removeIf(w -> w.length() < 2);
        return words;
    }

    /** Jaccard similarity of two word sets. */
    static double similarity(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        Set<String> common = new HashSet<>(a);
        common.retainAll(b);
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return (double) common.size() / all.size();
    }
}
