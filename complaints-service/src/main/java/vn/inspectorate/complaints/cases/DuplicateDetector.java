package vn.inspectorate.complaints.cases;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
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

    private final EntityManager em;

    DuplicateDetector(EntityManager em) {
        this.em = em;
    }

    @SuppressWarnings("unchecked")
    public List<UUID> link(CitizenCase c, String identityHash, RuleSet rules) {
        int window = rules.get(Rule.DUPLICATE_WINDOW).value();
        int similarityPercent = rules.get(Rule.DUPLICATE_SUBJECT_SIMILARITY_PERCENT).value();
        List<String> matches = new ArrayList<>();
        if (identityHash != null) {
            matches.add("i.identity_hash = :hash");
        }
        if (c.respondentCode != null) {
            matches.add("c.respondent_code = :respondent");
        }
        if (matches.isEmpty()) {
            return List.of();
        }
        var query = em.createNativeQuery("""
                select c.id, c.subject, c.respondent_code, i.identity_hash
                from citizen_case c left join case_identity i on i.case_id = c.id
                where c.id <> :id and c.received_on between :from and :to and (%s)
                order by c.received_on desc limit %d""".formatted(String.join(" or ", matches), MAX_CANDIDATES))
                .setParameter("id", c.id)
                .setParameter("from", c.receivedOn.minusDays(window)).setParameter("to", c.receivedOn.plusDays(window));
        if (identityHash != null) {
            query.setParameter("hash", identityHash);
        }
        if (c.respondentCode != null) {
            query.setParameter("respondent", c.respondentCode);
        }
        List<Object[]> candidates = query.getResultList();
        Set<String> words = words(c.subject);
        List<UUID> linked = new ArrayList<>();
        for (Object[] row : candidates) {
            boolean samePerson = identityHash != null && identityHash.equals(row[3]);
            boolean sameRespondent = c.respondentCode != null && c.respondentCode.equals(row[2]);
            boolean similarSubject = similarity(words, words((String) row[1])) * 100 >= similarityPercent;
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
                UUID other = (UUID) row[0];
                em.createNativeQuery("""
                        insert into case_duplicate_link (case_id, likely_duplicate_of, reasons) values (?1, ?2, ?3)
                        on conflict do nothing""")
                        .setParameter(1, c.id).setParameter(2, other).setParameter(3, String.join(",", reasons))
                        .executeUpdate();
                linked.add(other);
            }
        }
        return linked;
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
