package vn.inspectorate.complaints.cases;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.inspectorate.contracts.cases.CaseLinked;
import vn.inspectorate.platform.outbox.Outbox;
import vn.inspectorate.platform.sql.Sql;

/**
 * Links between cases of one matter, and their events: likely duplicates and mass cases found when filing
 * ({@link DuplicateDetector}), a case closed as a duplicate of another. Every link is in a {@code case.linked} event
 * (one per step, with all the links it made), so reports count the matter, the set of cases connected by links, once.
 */
@ApplicationScoped
public class CaseLinks {

    /** Found when filing: the same person, or the same respondent and a similar subject. */
    static final String LIKELY_DUPLICATE = "LIKELY_DUPLICATE";
    /** Found when filing, one of the two a mass case: the same matter brought by many people. */
    static final String MASS_CASE = "MASS_CASE";
    /** A case closed as a duplicate of another. */
    static final String DUPLICATE = "DUPLICATE";
    /** Every link kind the service writes. */
    public static final List<String> KINDS = List.of(LIKELY_DUPLICATE, MASS_CASE, DUPLICATE);

    private final Sql sql;
    private final CaseStore store;
    private final CaseEvents events;

    CaseLinks(Sql sql, CaseStore store, CaseEvents events) {
        this.sql = sql;
        this.store = store;
        this.events = events;
    }

    /** Case {@code c} was closed as a duplicate of {@code original}: linked (if it was not yet) and told. */
    void closedAsDuplicate(CitizenCase c, CitizenCase original) {
        Sql.Pipeline writes = sql.pipeline();
        store.linkDuplicates(List.of(new DuplicateDetector.Link(c.id, original.id, "CLOSED_AS_DUPLICATE",
                original.provinceCode, DUPLICATE)), writes);
        events.publishAll(List.of(CaseEvents.linkedOf(c, CaseLinked.linkIdOf(c.id, original.id),
                List.of(new CaseLinked.Link(original.id, original.provinceCode, DUPLICATE)))), writes);
        writes.send();
    }

    /**
     * The events of links found when filing {@code filed}, by the case that was filed (they follow its own): one per
     * filed case with all its links, however many earlier filings of a mass case it joins.
     */
    static Map<UUID, List<Outbox.PendingEvent>> linkedEvents(List<DuplicateDetector.Link> links,
            List<CitizenCase> filed) {
        Map<UUID, CitizenCase> byId = new HashMap<>();
        filed.forEach(c -> byId.put(c.id, c));
        Map<UUID, List<CaseLinked.Link>> byCase = new LinkedHashMap<>();
        for (DuplicateDetector.Link l : links) {
            byCase.computeIfAbsent(l.caseId(), k -> new ArrayList<>())
                    .add(new CaseLinked.Link(l.duplicateOf(), l.otherProvince(), l.kind()));
        }
        Map<UUID, List<Outbox.PendingEvent>> events = new HashMap<>();
        byCase.forEach((caseId, found) -> events.put(caseId, List.of(CaseEvents.linkedOf(byId.get(caseId),
                CaseLinked.filingLinksOf(caseId), found))));
        return events;
    }
}
