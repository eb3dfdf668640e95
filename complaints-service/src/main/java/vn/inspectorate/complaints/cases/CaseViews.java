package vn.inspectorate.complaints.cases;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Maps a case to its API view, with its links (duplicates, inspections, watchlist). */
@ApplicationScoped
public class CaseViews {

    private final CaseStore store;

    CaseViews(CaseStore store) {
        this.store = store;
    }

    public CaseView of(CitizenCase c) {
        return view(c, store.onWatchlist(c.id), store.linksOf(c.id), store.inspectionsOf(c.id));
    }

    /**
     * A case just filed: on no watchlist, in no inspection, linked only to the {@code likelyDuplicates} found while
     * filing it (no other case can link to it before it is committed), so a case without them needs no query.
     */
    public CaseView ofNew(CitizenCase c, List<UUID> likelyDuplicates) {
        return view(c, false, likelyDuplicates.isEmpty() ? List.of() : store.linksOf(c.id), List.of());
    }

    private static CaseView view(CitizenCase c, boolean onWatchlist, List<CaseView.LinkedCase> links,
            List<UUID> inspections) {
        List<UUID> likelyDuplicates = links.stream().map(CaseView.LinkedCase::id).toList();
        return new CaseView(c.id, c.version, c.provinceCode, c.filedUnitCode, c.sourceSystem, c.sourceReference,
                c.receivingBodyCode, c.handlingBodyCode, c.channel, c.declaredKind,
                KindProposal.View.of(c.kindProposalReason), c.kind, c.instance, c.complex,
                c.remoteArea, c.remoteAreaDerived, c.remoteAreaSource, c.remoteAreaReason, c.informationOnly,
                c.informationToExamine, c.informationAssessment == null ? null
                        : new InformationAssessment.View(c.informationAssessment, c.informationGaps()),
                c.status, c.subject, c.summary, c.respondentCode,
                c.respondentDeclarantId, c.receivedOn, c.anonymous, c.complainantCount, c.representativeCount, c.mass,
                c.ruleSetVersion, c.findings(),
                new CaseView.Deadlines(c.acceptanceDueOn, c.resolutionDueOn, c.notifyDueOn,
                        c.secondComplaintWindowEndsOn, c.currentDueOn),
                c.extensionCount, c.denouncerNotifiedOn, c.acceptedOn, c.pausedOn, c.resolvedOn, c.outcome, c.decisionReference, c.closedOn,
                c.closureReason, c.parentCaseId, c.escalatedCaseId,
                !c.backfilled && c.currentDueOn != null && c.currentDueOn.isBefore(BusinessDate.today()),
                onWatchlist, likelyDuplicates, links, inspections, CaseCommand.allowedFor(c), c.backfilled,
                link(c.transferredFromCaseId), link(c.transferredToCaseId));
    }

    /** The other case of a transfer; it may be of another province, so only its number, place and status. */
    private static CaseView.TransferLink link(UUID other) {
        if (other == null) {
            return null;
        }
        CitizenCase o = CitizenCase.findById(other);
        return o == null ? null : new CaseView.TransferLink(o.id, o.provinceCode, o.currentBody(), o.status);
    }
}
