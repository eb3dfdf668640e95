package vn.inspectorate.inspection.plans;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.inspectorate.contracts.TimeOrderedIds;
import vn.inspectorate.inspection.access.InspectorateAccess;
import vn.inspectorate.inspection.inspections.InspectionType;
import vn.inspectorate.inspection.overlaps.ConflictView;
import vn.inspectorate.inspection.overlaps.OverlapChecker;
import vn.inspectorate.inspection.overlaps.OverlapConflict;
import vn.inspectorate.inspection.plans.PlanApi.AddPlannedInspection;
import vn.inspectorate.inspection.plans.PlanApi.AmendmentView;
import vn.inspectorate.inspection.plans.PlanApi.PlanView;
import vn.inspectorate.inspection.plans.PlanApi.PlannedInspectionView;
import vn.inspectorate.inspection.reference.InspectionBody;
import vn.inspectorate.inspection.reference.ReferenceData;
import vn.inspectorate.inspection.reference.ReferenceRegisters;
import vn.inspectorate.platform.naturalkey.NaturalKeyMatch;
import vn.inspectorate.platform.naturalkey.Written;
import vn.inspectorate.platform.outbox.Outbox;
import vn.inspectorate.platform.paging.Page;
import vn.inspectorate.platform.paging.PageRequest;
import vn.inspectorate.platform.problem.Problem;
import vn.inspectorate.platform.problem.ProblemException;
import vn.inspectorate.platform.security.CallerScope;
import vn.inspectorate.platform.time.VietnamTime;

/** Annual plans: creation, items with the overlap check, submission, approval and amendments. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class PlanService {

    private final InspectionPlanStore store;
    private final PlanItems items;
    private final PlanHistory history;
    private final ReferenceData reference;
    private final OverlapChecker overlaps;
    private final Outbox outbox;
    private final InspectorateAccess access;
    private final CallerScope caller;
    private final ReferenceRegisters registers;

    PlanService(InspectionPlanStore store, PlanItems items, PlanHistory history, ReferenceData reference,
            OverlapChecker overlaps, Outbox outbox, InspectorateAccess access, CallerScope caller,
            ReferenceRegisters registers) {
        this.store = store;
        this.items = items;
        this.history = history;
        this.registers = registers;
        this.reference = reference;
        this.overlaps = overlaps;
        this.outbox = outbox;
        this.access = access;
        this.caller = caller;
    }

    /**
     * Creates the plan of (body, year), or answers the existing one: the pair is the plan's natural key and the whole
     * request, so a repeat always means the same plan. With {@code backfilled} the request is a past year's approved
     * plan loaded as history (see {@link PlanHistory#create}).
     */
    public Written<PlanView> create(PlanApi.CreatePlan request) {
        if (request.history()) {
            return history.create(request).map(this::view);
        }
        List<Problem.FieldError> historyOnly = new ArrayList<>();
        if (request.approvedOn() != null) {
            historyOnly.add(Problem.FieldError.of("approvedOn", "plan.history-only.error"));
        }
        if (request.inspections() != null) {
            historyOnly.add(Problem.FieldError.of("inspections", "plan.history-only.error"));
        }
        if (!historyOnly.isEmpty()) {
            // a live plan starts as an empty draft: its items are added, submitted and approved one step at a time
            throw ProblemException.invalid(historyOnly, "plan.history-only");
        }
        InspectionBody body = reference.body(request.bodyCode(), "bodyCode");
        access.requireActFor(body);
        int thisYear = VietnamTime.today().getYear();
        if (request.year() < thisYear) {
            throw ProblemException.unprocessable("past-plan-year", List.of(Problem.FieldError.of("year",
                    "plan.past-year.error", String.valueOf(thisYear))), "plan.past-year",
                    String.valueOf(request.year()));
        }
        registers.requireBodyInForceIn(body, request.year(), "year", "bodyCode");
        boolean inserted = store.insertDraft(body.code, body.provinceCode, request.year(), caller.subject());
        InspectionPlan plan = store.byBodyAndYear(body.code, request.year());
        if (!inserted) {
            NaturalKeyMatch.compare().field("backfilled", false, plan.backfilled)
                    .requireSameKeyed("plan.natural-key", plan.id);
        }
        return new Written<>(inserted, view(plan));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PlanView get(UUID id) {
        return view(visiblePlan(id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<PlanView> list(Integer year, String bodyCode, PageRequest page) {
        Page<InspectionPlan> found = store.list(year, bodyCode, access.provinceFilter(), page);
        return new Page<>(found.items().stream().map(this::view).toList(), found.size(), found.next(), found.total());
    }

    /** Adds an item to a draft plan; its conflicts are recorded and returned with it. */
    public Written<PlannedInspectionView> addItem(UUID planId, AddPlannedInspection request) {
        InspectionPlan plan = lockedPlan(planId);
        InspectionBody body = reference.body(plan.bodyCode, "bodyCode");
        access.requireActFor(body);
        plan.requireDraft();
        Written<PlannedInspection> item = items.insert(plan, request, null, "");
        List<ConflictView> conflicts = item.created()
                ? items.check(plan, item.value()).stream().map(ConflictView::of).toList()
                : overlaps.involving(item.value().id).stream().map(ConflictView::of).toList();
        if (item.created()) {
            plan.itemAdded();
        }
        return new Written<>(item.created(), itemView(item.value(), conflicts));
    }

    public PlanView submit(UUID planId) {
        InspectionPlan plan = lockedPlan(planId);
        access.requireActFor(reference.body(plan.bodyCode, "bodyCode"));
        plan.submit(!store.items(plan.id).isEmpty());
        return view(plan);
    }

    /** Approval by the head of the body; unsettled overlap conflicts of any item block it (409 listing them). */
    public PlanView approve(UUID planId) {
        InspectionPlan plan = lockedPlan(planId);
        access.requireApproverFor(reference.body(plan.bodyCode, "bodyCode"));
        if (plan.state().inForce()) {
            return view(plan);
        }
        List<PlannedInspection> active = store.activeItems(plan.id);
        List<OverlapConflict> open = overlaps.unsettled(active.stream().map(i -> i.id).toList());
        if (plan.state() == PlanStatus.SUBMITTED && !open.isEmpty()) {
            throw ProblemException.conflict("overlap-unsettled",
                    Map.of("conflicts", open.stream().map(ConflictView::of).toList()), "plan.overlap-unsettled",
                    open.size());
        }
        plan.approve(caller.subject(), VietnamTime.today());
        outbox.publish(plan.id.toString(), PlanEvents.approved(plan, active.size()));
        return view(plan);
    }

    /**
     * Amends a plan in force: items added (checked for overlaps like any other; their conflicts must be settled before
     * they are opened) and items withdrawn, recorded as a numbered amendment.
     */
    public PlanView amend(UUID planId, PlanApi.Amend request) {
        InspectionPlan plan = lockedPlan(planId);
        access.requireApproverFor(reference.body(plan.bodyCode, "bodyCode"));
        plan.requireInForce();
        List<AddPlannedInspection> add = request.add() == null ? List.of() : request.add();
        List<UUID> withdraw = request.withdraw() == null ? List.of() : request.withdraw();
        if (add.isEmpty() && withdraw.isEmpty()) {
            throw ProblemException.unprocessable("empty-amendment", List.of(Problem.FieldError.of("add",
                    "plan.empty-amendment.error")), "plan.empty-amendment");
        }
        int number = store.nextAmendmentNumber(plan.id);
        List<String> changes = new ArrayList<>();
        for (int i = 0; i < withdraw.size(); i++) {
            PlannedInspection item = PlannedInspection.findById(withdraw.get(i));
            if (item == null || !item.planId.equals(plan.id)) {
                throw ProblemException.unprocessable("unknown-planned-inspection", List.of(Problem.FieldError.of(
                        "withdraw[" + i + "]", "plan.unknown-item.error")), "plan.unknown-item",
                        String.valueOf(withdraw.get(i)));
            }
            if (PlannedInspection.WITHDRAWN.equals(item.status)) {
                continue;
            }
            if (!PlannedInspection.PLANNED.equals(item.status)) {
                throw ProblemException.unprocessable("not-withdrawable", List.of(Problem.FieldError.of(
                        "withdraw[" + i + "]", "plan.not-withdrawable.error")), "plan.not-withdrawable",
                        String.valueOf(item.id), new Problem.Text("plan.item-status." + item.status));
            }
            item.status = PlannedInspection.WITHDRAWN;
            changes.add("withdrawn " + item.id + " (" + item.entityCode + ", " + item.subject + ")");
        }
        for (int i = 0; i < add.size(); i++) {
            Written<PlannedInspection> item = items.insert(plan, add.get(i), number, "add[" + i + "].");
            if (item.created()) {
                items.check(plan, item.value());
                changes.add("added " + item.value().id + " (" + item.value().entityCode + ", " + item.value().subject
                        + ")");
            }
        }
        if (changes.isEmpty()) {
            // a retried amendment: everything it asks for is already in force
            return view(plan);
        }
        PlanAmendment amendment = new PlanAmendment();
        amendment.id = TimeOrderedIds.next();
        amendment.planId = plan.id;
        amendment.number = number;
        amendment.reason = request.reason();
        amendment.change = String.join("; ", changes);
        amendment.decidedBy = caller.subject();
        amendment.decidedAt = ReferenceData.now();
        amendment.persist();
        plan.amended();
        return view(plan);
    }

    private InspectionPlan lockedPlan(UUID id) {
        InspectionPlan plan = store.locked(id);
        if (plan == null || !access.maySee(plan.provinceCode)) {
            throw ProblemException.keyed(404, "not-found", "plan.not-found", String.valueOf(id));
        }
        return plan;
    }

    private InspectionPlan visiblePlan(UUID id) {
        InspectionPlan plan = store.findById(id);
        if (plan == null || !access.maySee(plan.provinceCode)) {
            throw ProblemException.keyed(404, "not-found", "plan.not-found", String.valueOf(id));
        }
        return plan;
    }

    private PlanView view(InspectionPlan plan) {
        List<PlannedInspectionView> planned = store.items(plan.id).stream()
                .map(i -> itemView(i, overlaps.involving(i.id).stream().map(ConflictView::of).toList())).toList();
        List<AmendmentView> amendments = store.amendments(plan.id).stream()
                .map(a -> new AmendmentView(a.number, a.reason, a.change, a.decidedBy, a.decidedAt)).toList();
        return new PlanView(plan.id, plan.bodyCode, plan.provinceCode, plan.planYear, plan.state(),
                plan.version, plan.createdBy, plan.submittedAt, plan.approvedBy, plan.approvedOn, planned, amendments,
                plan.backfilled);
    }

    static PlannedInspectionView itemView(PlannedInspection i, List<ConflictView> conflicts) {
        return new PlannedInspectionView(i.id, i.planId, i.bodyCode, i.responsibleBodyCode, i.planYear, i.entityCode,
                i.subject, InspectionType.valueOf(i.inspectionType), i.plannedStart,
                i.plannedStart.plusDays(i.durationDays), i.durationDays, i.status, i.addedByAmendment, conflicts);
    }
}
