package vn.inspectorate.complaints.cases;

import jakarta.enterprise.context.ApplicationScoped;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import vn.inspectorate.complaints.rules.Rule;
import vn.inspectorate.complaints.rules.RuleSet;
import vn.inspectorate.platform.sql.Sql;

/**
 * Finds likely duplicates of a new case in every province: the same person (identity hash) or the same respondent,
 * with a similar subject, received close together. Likely duplicates are linked both ways, never dropped: the
 * matter is then counted once nationally.
 */
@ApplicationScoped
public class DuplicateDetector {

    private static final int MAX_CANDIDATES = 50;
    private static final Comparator<Candidate> NEWEST_FIRST = Comparator.comparing(Candidate::receivedOn).reversed();

    private final CaseStore store;
    private final CaseClocks clocks;

    DuplicateDetector(CaseStore store, CaseClocks clocks) {
        this.store = store;
        this.clocks = clocks;
    }

    /**
     * Starts the search for likely duplicates of {@code filings} (a chunk about to be filed, in filing order, with
     * their people's hashes): one query for all their people and respondents, sent with {@code lookups} before the
     * chunk's cases are written. Cases of the chunk itself are compared in memory (see {@link Search#link}).
     */
    Search search(List<CitizenCase> filings, Map<UUID, String> identityHashes, Sql.Pipeline lookups) {
        Set<String> hashes = new LinkedHashSet<>();
        Set<String> respondents = new LinkedHashSet<>();
        LocalDate from = null;
        LocalDate to = null;
        for (CitizenCase c : filings) {
            String hash = identityHashes.get(c.id);
            if (hash != null) {
                hashes.add(hash);
            }
            if (c.respondentCode != null) {
                respondents.add(c.respondentCode);
            }
            if (c.respondentCode != null || hash != null) {
                int window = window(clocks.rulesOf(c));
                LocalDate first = c.receivedOn.minusDays(window);
                LocalDate last = c.receivedOn.plusDays(window);
                from = from == null || first.isBefore(from) ? first : from;
                to = to == null || last.isAfter(to) ? last : to;
            }
        }
        return new Search(from == null ? null : store.duplicateCandidates(hashes, respondents, from, to, lookups));
    }

    /** The likely duplicates of a chunk being searched for: the earlier cases stored, once the lookups were sent. */
    final class Search {

        private final Sql.Rows<Candidate> stored;

        private Search(Sql.Rows<Candidate> stored) {
            this.stored = stored;
        }

        /**
         * Links each of {@code cases} (the new cases of the searched chunk, in filing order) to its likely duplicates,
         * the links written when {@code writes} is sent and added to {@code made} (for their events); answers them by
         * case. A case is compared with earlier cases and with the cases of the list filed before it, never with later
         * ones: what filing them one after another would have found.
         */
        Map<UUID, List<UUID>> link(List<CitizenCase> cases, Map<UUID, String> identityHashes, List<Link> made,
                Sql.Pipeline writes) {
            if (stored == null) {
                return Map.of();
            }
            List<Candidate> found = new ArrayList<>(stored.get());
            for (CitizenCase c : cases) {
                String hash = identityHashes.get(c.id);
                if (hash != null || c.respondentCode != null) {
                    found.add(new Candidate(c.id, c.subject, c.respondentCode, hash, c.receivedOn, c.provinceCode,
                            c.mass));
                }
            }
            return linkAmong(cases, identityHashes, found, made, writes);
        }
    }

    private Map<UUID, List<UUID>> linkAmong(List<CitizenCase> cases, Map<UUID, String> identityHashes,
            List<Candidate> found, List<Link> made, Sql.Pipeline writes) {
        Map<UUID, Integer> positionInList = new HashMap<>();
        for (int i = 0; i < cases.size(); i++) {
            positionInList.put(cases.get(i).id, i);
        }
        Map<String, List<Candidate>> byPerson = new HashMap<>();
        Map<String, List<Candidate>> byRespondent = new HashMap<>();
        for (Candidate o : found) {
            if (o.identityHash() != null) {
                byPerson.computeIfAbsent(o.identityHash(), k -> new ArrayList<>()).add(o);
            }
            if (o.respondentCode() != null) {
                byRespondent.computeIfAbsent(o.respondentCode(), k -> new ArrayList<>()).add(o);
            }
        }
        List<Link> links = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            CitizenCase c = cases.get(i);
            String hash = identityHashes.get(c.id);
            if (hash == null && c.respondentCode == null) {
                continue;
            }
            RuleSet rules = clocks.rulesOf(c);
            int window = window(rules);
            LocalDate first = c.receivedOn.minusDays(window);
            LocalDate last = c.receivedOn.plusDays(window);
            int position = i;
            Set<Candidate> same = new LinkedHashSet<>();
            if (hash != null) {
                same.addAll(byPerson.getOrDefault(hash, List.of()));
            }
            if (c.respondentCode != null) {
                same.addAll(byRespondent.getOrDefault(c.respondentCode, List.of()));
            }
            List<Candidate> mine = same.stream()
                    .filter(o -> !o.id().equals(c.id) && positionInList.getOrDefault(o.id(), -1) < position)
                    .filter(o -> !o.receivedOn().isBefore(first) && !o.receivedOn().isAfter(last))
                    .sorted(NEWEST_FIRST).toList();
            links.addAll(likelyDuplicates(c, hash, rules, mine));
        }
        store.linkDuplicates(links, writes);
        made.addAll(links);
        Map<UUID, List<UUID>> byCase = new HashMap<>();
        for (Link link : links) {
            byCase.computeIfAbsent(link.caseId(), k -> new ArrayList<>()).add(link.duplicateOf());
        }
        return byCase;
    }

    private static int window(RuleSet rules) {
        return rules.get(Rule.DUPLICATE_WINDOW).value();
    }

    /**
     * Which of {@code candidates} (cases of the same person or respondent, newest first, at most
     * {@value #MAX_CANDIDATES} looked at) a new case is a likely duplicate of.
     */
    private static List<Link> likelyDuplicates(CitizenCase c, String identityHash, RuleSet rules, List<Candidate> candidates) {
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
                links.add(new Link(c.id, other.id(), String.join(",", reasons), other.provinceCode(),
                        c.mass || other.mass() ? CaseLinks.MASS_CASE : CaseLinks.LIKELY_DUPLICATE));
            }
        }
        return links;
    }

    /** An earlier case that may be the same matter. */
    record Candidate(UUID id, String subject, String respondentCode, String identityHash, LocalDate receivedOn,
            String provinceCode, boolean mass) {
    }

    /**
     * {@code caseId} is likely a duplicate of {@code duplicateOf} (of {@code otherProvince}), for {@code reasons};
     * {@code kind} is one of {@link CaseLinks}' link kinds.
     */
    record Link(UUID caseId, UUID duplicateOf, String reasons, String otherProvince, String kind) {
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
