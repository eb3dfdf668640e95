package vn.inspectorate.complaints.cases;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;

/** Maps a case to its API view, with its links (duplicates, inspections, watchlist). */
@ApplicationScoped
public class CaseViews {

    private final EntityManager em;

    CaseViews(EntityManager em) {
        this.em = em;
    }

    public CaseView of(CitizenCase c) {
        return view(c, onWatchlist(c.id), likelyDuplicates(c.id), inspections(c.id));
    }

    /** A case just filed: on no watchlist, in no inspection, linked only to the duplicates found while filing it. */
    public CaseView ofNew(CitizenCase c, List<UUID> likelyDuplicates) {
        return view(c, false, likelyDuplicates, List.of());
    }

    private static CaseView view(CitizenCase c, boolean onWatchlist, List<UUID> likelyDuplicates,
            List<UUID> inspections) {
        return new CaseView(c.id, c.version, c.provinceCode, c.filedUnitCode, c.sourceSystem, c.sourceReference,
                c.receivingBodyCode, c.handlingBodyCode, c.channel, c.declaredKind, c.kind, c.instance, c.complex,
                c.remoteArea, c.informationOnly, c.status, c.subject, c.summary, c.respondentCode,
                c.respondentDeclarantId, c.receivedOn, c.anonymous, c.complainantCount, c.representativeCount, c.mass,
                c.ruleSetVersion, c.findings(),
                new CaseView.Deadlines(c.acceptanceDueOn, c.resolutionDueOn, c.notifyDueOn,
                        c.secondComplaintWindowEndsOn, c.currentDueOn),
                c.extensionCount, c.denouncerNotifiedOn, c.acceptedOn, c.pausedOn, c.resolvedOn, c.outcome, c.decisionReference, c.closedOn,
                c.closureReason, c.parentCaseId, c.escalatedCaseId,
                !c.backfilled && c.currentDueOn != null && c.currentDueOn.isBefore(BusinessDate.today()),
                onWatchlist, likelyDuplicates, inspections, CaseCommand.allowedFor(c), c.backfilled);
    }

    @SuppressWarnings("unchecked")
    private List<UUID> likelyDuplicates(UUID id) {
        return em.createNativeQuery("""
                select likely_duplicate_of from case_duplicate_link where case_id = ?1
                union select case_id from case_duplicate_link where likely_duplicate_of = ?1""")
                .setParameter(1, id).getResultList();
    }

    @SuppressWarnings("unchecked")
    private List<UUID> inspections(UUID id) {
        return em.createNativeQuery("select inspection_id from case_inspection_link where case_id = ?1 order by linked_at")
                .setParameter(1, id).getResultList();
    }

    private boolean onWatchlist(UUID id) {
        return !em.createNativeQuery("select 1 from watchlist_entry where case_id = ?1 and active")
                .setParameter(1, id).getResultList().isEmpty();
    }
}
