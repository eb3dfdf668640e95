package vn.inspectorate.inspection.inspections;


import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import vn.inspectorate.inspection.access.InspectorateAccess;
import vn.inspectorate.inspection.conclusions.ConclusionReader;
import vn.inspectorate.inspection.inspections.InspectionApi.ExtensionView;
import vn.inspectorate.inspection.inspections.InspectionApi.InspectionView;
import vn.inspectorate.inspection.inspections.InspectionApi.OpenInspection;
import vn.inspectorate.inspection.overlaps.ConflictView;
import vn.inspectorate.inspection.overlaps.OverlapChecker;
import vn.inspectorate.inspection.reference.ReferenceData;
import vn.inspectorate.platform.naturalkey.Written;
import vn.inspectorate.platform.outbox.Outbox;
import vn.inspectorate.platform.paging.Page;
import vn.inspectorate.platform.paging.PageRequest;
import vn.inspectorate.platform.problem.ProblemException;
import vn.inspectorate.platform.time.VietnamTime;

/**
 * Opening inspections and moving them through their statuses, within the dated duration limits. The reads, and the
 * lookups and views they share with the writes, also run without a transaction.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class InspectionService {

    private final InspectionStore store;
    private final InspectionOpening opening;
    private final ReferenceData reference;
    private final OverlapChecker overlaps;
    private final Outbox outbox;
    private final InspectorateAccess access;
    private final ConclusionReader conclusions;

    InspectionService(InspectionStore store, InspectionOpening opening, ReferenceData reference,
            OverlapChecker overlaps, Outbox outbox, InspectorateAccess access, ConclusionReader conclusions) {
        this.store = store;
        this.opening = opening;
        this.reference = reference;
        this.overlaps = overlaps;
        this.outbox = outbox;
        this.access = access;
        this.conclusions = conclusions;
    }

    /**
     * Opens an inspection, or answers the one already opened by the same decision: (body, year of the decision date,
     * decision number) is its natural key, since decision numbers restart every year. The same decision sent again
     * with other values is a 409, never the other inspection. A planned inspection must come from a plan in force
     * with its conflicts settled; an ad-hoc one is checked for overlaps and its conflicts are recorded and reported,
     * not blocking (surprise inspections answer signs of violations that cannot wait for a settlement). See
     * {@link InspectionOpening}.
     */
    public Written<InspectionView> open(OpenInspection request) {
        Written<Inspection> written = opening.openRecord(request, false);
        return new Written<>(written.created(), view(written.value()));
    }

    public InspectionView start(UUID id, InspectionApi.Start request) {
        return view(startRecord(id, request));
    }

    public Inspection startRecord(UUID id, InspectionApi.Start request) {
        return transition(id, inspection -> inspection.start(request.startedOn()));
    }

    /** An extension within the level's limit (number of extensions and days each) from the inspection's rule. */
    public InspectionView extend(UUID id, InspectionApi.Extend request) {
        Inspection inspection = locked(id);
        InspectionExtension extension = inspection.extend(request.extraDays(), request.reasonCode(),
                request.decidedOn());
        extension.persist();
        outbox.publish(inspection.id.toString(), InspectionEvents.extended(inspection, extension),
                inspection.backfilled);
        return view(inspection);
    }

    public InspectionView submitReport(UUID id, InspectionApi.SubmitReport request) {
        return view(submitReportRecord(id, request));
    }

    public Inspection submitReportRecord(UUID id, InspectionApi.SubmitReport request) {
        return transition(id, inspection -> inspection.submitReport(request.submittedOn()));
    }

    public InspectionView startFollowUp(UUID id) {
        return view(startFollowUpRecord(id));
    }

    public Inspection startFollowUpRecord(UUID id) {
        return transition(id, Inspection::startFollowUp);
    }

    /** Locks the inspection and applies a transition without an event of its own. */
    private Inspection transition(UUID id, Consumer<Inspection> transition) {
        Inspection inspection = locked(id);
        transition.accept(inspection);
        return inspection;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public InspectionView get(UUID id) {
        return view(visible(id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<InspectionView> list(String province, InspectionStatus status, Boolean overrunOnly,
            PageRequest page) {
        String listed = access.listedProvince(province, "access.records.inspections");
        Page<Inspection> found = store.list(listed, status,
                Boolean.TRUE.equals(overrunOnly) ? VietnamTime.today() : null, page);
        return new Page<>(found.items().stream().map(this::view).toList(), found.size(), found.next(), found.total());
    }

    /** The inspection, locked for a change; 404 when the caller may not see it, 403 when it may not act for it. */
    public Inspection locked(UUID id) {
        Inspection inspection = seen(store.locked(id), id);
        access.requireActFor(reference.body(inspection.bodyCode, "bodyCode"));
        return inspection;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Inspection visible(UUID id) {
        return seen(store.findById(id), id);
    }

    /** 404 for an inspection there is not, or the caller may not see. */
    private Inspection seen(Inspection inspection, UUID id) {
        if (inspection == null || !access.maySee(inspection.provinceCode)) {
            throw ProblemException.keyed(404, "not-found", "inspection.not-found", String.valueOf(id));
        }
        return inspection;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<UUID> caseIds(UUID inspectionId) {
        return store.caseIds(inspectionId);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public InspectionView view(Inspection i) {
        List<ExtensionView> extensions = store.extensions(i.id).stream().map(e -> new ExtensionView(e.number,
                e.extraDays, e.reasonCode, e.decidedOn, e.newDueOn)).toList();
        List<ConflictView> conflicts = overlaps.involving(i.id).stream().map(ConflictView::of).toList();
        return new InspectionView(i.id, i.bodyCode, i.provinceCode, i.decisionNumber, i.decisionDate, i.legalBasis,
                store.team(i), InspectionType.valueOf(i.inspectionType), i.subject, i.entityCode, i.inspectionYear,
                i.plannedInspectionId != null, i.plannedInspectionId, i.planId, i.reInspectionOf, caseIds(i.id),
                i.state(), i.state().next(), i.openedOn, i.baseDays, i.extensionsUsed, i.maxExtensions,
                i.extensionDaysLimit, i.dueOn, i.reportSubmittedOn, i.overrun(VietnamTime.today()), i.version,
                extensions, conflicts, conclusions.view(i.id), i.backfilled);
    }
}
