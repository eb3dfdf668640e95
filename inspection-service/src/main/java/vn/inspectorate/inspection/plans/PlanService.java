package vn.inspectorate.inspection.plans;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.inspectorate.contracts.inspections.InspectionPlanApproved;
import vn.inspectorate.inspection.access.InspectorateAccess;
import vn.inspectorate.inspection.bulk.HistoryWindow;
import vn.inspectorate.inspection.inspections.InspectionType;
import vn.inspectorate.inspection.overlaps.ConflictView;
import vn.inspectorate.inspection.overlaps.OverlapChecker;
import vn.inspectorate.inspection.overlaps.OverlapConflict;
import vn.inspectorate.inspection.plans.PlanApi.AddPlannedInspection;
import vn.inspectorate.inspection.plans.PlanApi.AmendmentView;
import vn.inspectorate.inspection.plans.PlanApi.PlanView;
import vn.inspectorate.inspection.plans.PlanApi.PlannedInspectionView;
import vn.inspectorate.inspection.reference.InspectedEntity;
import vn.inspectorate.inspection.reference.InspectionBody;
import vn.inspectorate.inspection.reference.ReferenceData;
import vn.inspectorate.inspection.reference.ReferenceRegisters;
import vn.inspectorate.platform.naturalkey.NaturalKeyMatch;
import vn.inspectorate.platform.naturalkey.Written;
import vn.inspectorate.platform.outbox.Outbox;
import vn.inspectorate.platform.problem.Problem;
import vn.inspectorate.platform.problem.ProblemException;
import vn.inspectorate.platform.security.CallerScope;
import vn.inspectorate.platform.time.VietnamTime;

/** Annual plans: creation, items with the overlap check, submission, approval and amendments. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class PlanService {

    private final EntityManager em;
    private final ReferenceData reference;
    private final OverlapChecker overlaps;
    private final Outbox outbox;
    private final InspectorateAccess access;
    private final CallerScope caller;
    private final ReferenceRegisters registers;

    PlanService(EntityManager em, ReferenceData reference, OverlapChecker overlaps, Outbox outbox,
            InspectorateAccess access, CallerScope caller, ReferenceRegisters registers) {
        this.em = em;
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
     * plan loaded as history (see {@link #createHistory}).
     */
    public Written<PlanView> create(PlanApi.CreatePlan request) {
        if (request.history()) {
            return createHistory(request);
        }
        List<Problem.FieldError> historyOnly = new ArrayList<>();
        if (request.approvedOn() != null) {
            historyOnly.add(new Problem.FieldError("approvedOn", "only with backfilled: true"));
        }
        if (request.inspections() != null) {
            historyOnly.add(new Problem.FieldError("inspections", "only with backfilled: true"));
        }
        if (!historyOnly.isEmpty()) {
            // a live plan starts as an empty draft: its items are added, submitted and approved one step at a time
            throw ProblemException.invalid("A live plan is created as an empty draft; an approval date and planned "
                    + "inspections come with a back-filled plan only.", historyOnly);
        }
        InspectionBody body = reference.body(request.bodyCode(), "bodyCode");
        access.requireActFor(body);
        int thisYear = VietnamTime.today().getYear();
        if (request.year() < thisYear) {
            throw ProblemException.unprocessable("past-plan-year", "A plan cannot be made for " + request.year()
                    + ", a past year.", List.of(new Problem.FieldError("year", "must be " + thisYear + " or later")));
        }
        registers.requireBodyInForceIn(body, request.year(), "year", "bodyCode");
        int inserted = em.createNativeQuery("""
                insert into inspection_plan (id, body_code, province_code, plan_year, status, version, created_by,
                                             created_at)
                values (?1, ?2, ?3, ?4, 'DRAFT', 1, ?5, now())
                on conflict (body_code, plan_year) do nothing""")
                .setParameter(1, UUID.randomUUID()).setParameter(2, body.code).setParameter(3, body.provinceCode)
                .setParameter(4, request.year()).setParameter(5, caller.subject()).executeUpdate();
        InspectionPlan plan = InspectionPlan.<InspectionPlan>find("bodyCode = ?1 and planYear = ?2", body.code,
                request.year()).singleResult();
        if (inserted == 0) {
            NaturalKeyMatch.compare().field("backfilled", false, plan.backfilled)
                    .requireSame("A plan", "body and year", plan.id);
        }
        return new Written<>(inserted == 1, view(plan));
    }

    /**
     * Loads a past year's plan as history: created approved (by the caller, on the given day), marked backfilled, with
     * its items, all in this transaction, so a refused item leaves nothing behind. Items are validated as items added by
     * an amendment but not checked for overlaps, which guide plans still to run. Only its approval event is sent,
     * marked backfilled; nothing public comes of it. A repeat answers the plan when it holds what the request says (its
     * loaded items, not those added later by amendments), else a 409 naming what differs.
     */
    private Written<PlanView> createHistory(PlanApi.CreatePlan request) {
        List<Problem.FieldError> missing = new ArrayList<>();
        if (request.approvedOn() == null) {
            missing.add(new Problem.FieldError("approvedOn", "is required with backfilled: true"));
        }
        if (request.inspections() == null || request.inspections().isEmpty()) {
            missing.add(new Problem.FieldError("inspections", "a back-filled plan holds 1 to "
                    + PlanApi.MAX_BACKFILLED_ITEMS + " planned inspections"));
        }
        if (!missing.isEmpty()) {
            throw ProblemException.invalid("A back-filled plan is loaded as approved: with its approval date and its "
                    + "planned inspections.", missing);
        }
        access.loadHistory();
        InspectionBody body = reference.body(request.bodyCode(), "bodyCode");
        access.requireActFor(body);
        LocalDate today = HistoryWindow.today();
        List<Problem.FieldError> dates = new ArrayList<>();
        if (request.year() >= today.getYear()) {
            dates.add(new Problem.FieldError("year", "must be before " + today.getYear() + " to be loaded as history"));
        }
        LocalDate approvedOn = request.approvedOn();
        if (!approvedOn.isBefore(today)) {
            dates.add(new Problem.FieldError("approvedOn", "must be before " + today + " to be loaded as history"));
        } else if (approvedOn.getYear() != request.year() && approvedOn.getYear() != request.year() - 1) {
            // plans are approved by the end of the year before, at the latest during their own year
            dates.add(new Problem.FieldError("approvedOn", "must be in " + (request.year() - 1) + " or "
                    + request.year()));
        }
        HistoryWindow.require(dates);
        registers.requireBodyInForceIn(body, request.year(), "year", "bodyCode");
        requireDistinctItems(request.inspections());

        int inserted = em.createNativeQuery("""
                insert into inspection_plan (id, body_code, province_code, plan_year, status, version, created_by,
                                             created_at, approved_by, approved_on, backfilled)
                values (?1, ?2, ?3, ?4, 'APPROVED', 1, ?5, now(), ?5, ?6, true)
                on conflict (body_code, plan_year) do nothing""")
                .setParameter(1, UUID.randomUUID()).setParameter(2, body.code).setParameter(3, body.provinceCode)
                .setParameter(4, request.year()).setParameter(5, caller.subject()).setParameter(6, approvedOn)
                .executeUpdate();
        InspectionPlan plan = InspectionPlan.<InspectionPlan>find("bodyCode = ?1 and planYear = ?2", body.code,
                request.year()).singleResult();
        if (inserted == 0) {
            requireSameHistory(plan, request);
            return new Written<>(false, view(plan));
        }
        for (int i = 0; i < request.inspections().size(); i++) {
            insertItem(plan, request.inspections().get(i), null, "inspections[" + i + "].");
        }
        outbox.publish(plan.id.toString(),
                new InspectionPlanApproved(plan.id, plan.version, ReferenceData.now(), plan.provinceCode,
                        plan.bodyCode, plan.planYear, request.inspections().size(), plan.approvedOn), true);
        return new Written<>(true, view(plan));
    }

    /** (entity, subject) is an item's natural key: one request naming it twice would not load as it reads. */
    private static void requireDistinctItems(List<AddPlannedInspection> items) {
        Map<String, Integer> seen = new java.util.HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            Integer first = seen.putIfAbsent(itemKey(items.get(i).entity().code(), items.get(i).subject()), i);
            if (first != null) {
                throw ProblemException.unprocessable("duplicate-planned-inspection", "A plan holds one inspection "
                        + "per entity and subject.", List.of(new Problem.FieldError("inspections[" + i + "]",
                        "repeats the entity and subject of inspections[" + first + "]")));
            }
        }
    }

    private static String itemKey(String entityCode, String subject) {
        return entityCode + "\n" + subject;
    }

    /** A repeated back-fill: the stored plan must be the request's, else 409 naming the fields that differ. */
    private void requireSameHistory(InspectionPlan plan, PlanApi.CreatePlan request) {
        NaturalKeyMatch match = NaturalKeyMatch.compare()
                .field("backfilled", true, plan.backfilled)
                .field("approvedOn", request.approvedOn(), plan.approvedOn);
        Map<String, PlannedInspection> loaded = new java.util.HashMap<>();
        for (PlannedInspection item : PlannedInspection.<PlannedInspection>find(
                "planId = ?1 and addedByAmendment is null", plan.id).list()) {
            loaded.put(itemKey(item.entityCode, item.subject), item);
        }
        match.field("inspections", request.inspections().size(), loaded.size());
        for (int i = 0; i < request.inspections().size(); i++) {
            AddPlannedInspection requested = request.inspections().get(i);
            String prefix = "inspections[" + i + "].";
            PlannedInspection item = loaded.get(itemKey(requested.entity().code(), requested.subject()));
            if (item == null) {
                match.field(prefix + "entity.code", requested.entity().code(), null);
                continue;
            }
            match.field(prefix + "type", requested.type(), item.inspectionType)
                    .field(prefix + "plannedStart", requested.plannedStart(), item.plannedStart)
                    .field(prefix + "durationDays", requested.durationDays(), item.durationDays)
                    .field(prefix + "responsibleBodyCode", requested.responsibleBodyCode() == null ? plan.bodyCode
                            : requested.responsibleBodyCode(), item.responsibleBodyCode);
        }
        match.requireSame("A plan", "body and year", plan.id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PlanView get(UUID id) {
        return view(visiblePlan(id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PlanView> list(Integer year, String bodyCode) {
        StringBuilder query = new StringBuilder("1 = 1");
        Map<String, Object> params = new java.util.HashMap<>();
        if (year != null) {
            query.append(" and planYear = :year");
            params.put("year", year);
        }
        if (bodyCode != null) {
            query.append(" and bodyCode = :body");
            params.put("body", bodyCode);
        }
        String province = access.provinceFilter();
        if (province != null) {
            query.append(" and provinceCode = :province");
            params.put("province", province);
        }
        return InspectionPlan.<InspectionPlan>find(query + " order by planYear, bodyCode", params).list().stream()
                .map(this::view).toList();
    }

    /** Adds an item to a draft plan; its conflicts are recorded and returned with it. */
    public Written<PlannedInspectionView> addItem(UUID planId, AddPlannedInspection request) {
        InspectionPlan plan = lockedPlan(planId);
        InspectionBody body = reference.body(plan.bodyCode, "bodyCode");
        access.requireActFor(body);
        if (!PlanStatus.DRAFT.name().equals(plan.status)) {
            throw transitionConflict(plan, "add inspections to",
                    "An approved plan takes new inspections only through an amendment.");
        }
        Written<PlannedInspection> item = insertItem(plan, request, null, "");
        List<ConflictView> conflicts = item.created()
                ? checkItem(plan, item.value()).stream().map(ConflictView::of).toList()
                : overlaps.involving(item.value().id).stream().map(ConflictView::of).toList();
        if (item.created()) {
            plan.version++;
        }
        return new Written<>(item.created(), itemView(item.value(), conflicts));
    }

    public PlanView submit(UUID planId) {
        InspectionPlan plan = lockedPlan(planId);
        access.requireActFor(reference.body(plan.bodyCode, "bodyCode"));
        if (PlanStatus.SUBMITTED.name().equals(plan.status)) {
            return view(plan);
        }
        if (!PlanStatus.DRAFT.name().equals(plan.status)) {
            throw transitionConflict(plan, "submit", "Only a draft plan can be submitted.");
        }
        if (items(plan.id).isEmpty()) {
            throw ProblemException.unprocessable("empty-plan", "A plan without inspections cannot be submitted.",
                    List.of(new Problem.FieldError("inspections", "at least one planned inspection is needed")));
        }
        plan.status = PlanStatus.SUBMITTED.name();
        plan.submittedAt = ReferenceData.now();
        plan.version++;
        return view(plan);
    }

    /** Approval by the head of the body; unsettled overlap conflicts of any item block it (409 listing them). */
    public PlanView approve(UUID planId) {
        InspectionPlan plan = lockedPlan(planId);
        access.requireApproverFor(reference.body(plan.bodyCode, "bodyCode"));
        if (PlanStatus.valueOf(plan.status).inForce()) {
            return view(plan);
        }
        if (!PlanStatus.SUBMITTED.name().equals(plan.status)) {
            throw transitionConflict(plan, "approve", "Only a submitted plan can be approved.");
        }
        List<PlannedInspection> items = activeItems(plan.id);
        List<OverlapConflict> open = overlaps.unsettled(items.stream().map(i -> i.id).toList());
        if (!open.isEmpty()) {
            throw ProblemException.conflict("overlap-unsettled", "The plan has " + open.size()
                    + " unsettled overlap conflict(s); they must be settled before approval.",
                    Map.of("conflicts", open.stream().map(ConflictView::of).toList()));
        }
        plan.status = PlanStatus.APPROVED.name();
        plan.approvedBy = caller.subject();
        plan.approvedOn = VietnamTime.today();
        plan.version++;
        outbox.publish(plan.id.toString(),
                new InspectionPlanApproved(plan.id, plan.version, ReferenceData.now(), plan.provinceCode,
                        plan.bodyCode, plan.planYear, items.size(), plan.approvedOn));
        return view(plan);
    }

    /**
     * Amends a plan in force: items added (checked for overlaps like any other; their conflicts must be settled before
     * they are opened) and items withdrawn, recorded as a numbered amendment.
     */
    public PlanView amend(UUID planId, PlanApi.Amend request) {
        InspectionPlan plan = lockedPlan(planId);
        access.requireApproverFor(reference.body(plan.bodyCode, "bodyCode"));
        if (!PlanStatus.valueOf(plan.status).inForce()) {
            throw transitionConflict(plan, "amend", "Only an approved plan can be amended; a draft is edited.");
        }
        List<AddPlannedInspection> add = request.add() == null ? List.of() : request.add();
        List<UUID> withdraw = request.withdraw() == null ? List.of() : request.withdraw();
        if (add.isEmpty() && withdraw.isEmpty()) {
            throw ProblemException.unprocessable("empty-amendment", "An amendment must add or withdraw something.",
                    List.of(new Problem.FieldError("add", "add or withdraw at least one inspection")));
        }
        int number = ((Number) em.createNativeQuery(
                "select coalesce(max(number), 0) + 1 from plan_amendment where plan_id = ?1")
                .setParameter(1, plan.id).getSingleResult()).intValue();
        List<String> changes = new ArrayList<>();
        for (int i = 0; i < withdraw.size(); i++) {
            PlannedInspection item = PlannedInspection.findById(withdraw.get(i));
            if (item == null || !item.planId.equals(plan.id)) {
                throw ProblemException.unprocessable("unknown-planned-inspection", "The plan has no inspection "
                        + withdraw.get(i) + ".", List.of(new Problem.FieldError("withdraw[" + i + "]", "not in this plan")));
            }
            if (PlannedInspection.WITHDRAWN.equals(item.status)) {
                continue;
            }
            if (!PlannedInspection.PLANNED.equals(item.status)) {
                throw ProblemException.unprocessable("not-withdrawable", "Planned inspection " + item.id + " is "
                        + item.status.toLowerCase() + ".", List.of(new Problem.FieldError("withdraw[" + i + "]",
                        "only a planned inspection not yet opened can be withdrawn")));
            }
            item.status = PlannedInspection.WITHDRAWN;
            changes.add("withdrawn " + item.id + " (" + item.entityCode + ", " + item.subject + ")");
        }
        for (int i = 0; i < add.size(); i++) {
            Written<PlannedInspection> item = insertItem(plan, add.get(i), number, "add[" + i + "].");
            if (item.created()) {
                checkItem(plan, item.value());
                changes.add("added " + item.value().id + " (" + item.value().entityCode + ", " + item.value().subject
                        + ")");
            }
        }
        if (changes.isEmpty()) {
            // a retried amendment: everything it asks for is already in force
            return view(plan);
        }
        PlanAmendment amendment = new PlanAmendment();
        amendment.id = UUID.randomUUID();
        amendment.planId = plan.id;
        amendment.number = number;
        amendment.reason = request.reason();
        amendment.change = String.join("; ", changes);
        amendment.decidedBy = caller.subject();
        amendment.decidedAt = ReferenceData.now();
        amendment.persist();
        plan.status = PlanStatus.AMENDED.name();
        plan.version++;
        return view(plan);
    }

    private Written<PlannedInspection> insertItem(InspectionPlan plan, AddPlannedInspection request, Integer amendment,
            String prefix) {
        // the entity's province and the responsible body must be in force on the planned start
        registers.requireProvinceInForce(request.entity().provinceCode(), request.plannedStart(),
                prefix + "entity.provinceCode");
        InspectedEntity entity = reference.upsert(request.entity(), prefix + "entity");
        String responsible = request.responsibleBodyCode() == null ? plan.bodyCode : request.responsibleBodyCode();
        InspectionBody responsibleBody = reference.body(responsible, prefix + "responsibleBodyCode");
        registers.requireBodyInForce(responsibleBody, request.plannedStart(), prefix + "plannedStart",
                prefix + "responsibleBodyCode");
        ReferenceData.requireJurisdiction(responsibleBody, entity, prefix + "entity");
        if (request.plannedStart().getYear() != plan.planYear) {
            throw ProblemException.unprocessable("start-outside-plan-year", "A planned inspection of the "
                    + plan.planYear + " plan must start in " + plan.planYear + ".",
                    List.of(new Problem.FieldError(prefix + "plannedStart", "must be in the plan's year")));
        }
        reference.requireTypeInForce(request.type().name(), request.plannedStart(), prefix + "type",
                prefix + "plannedStart");
        UUID id = UUID.randomUUID();
        int inserted = em.createNativeQuery("""
                insert into planned_inspection (id, plan_id, body_code, responsible_body_code, plan_year, entity_code,
                    subject, inspection_type, planned_start, duration_days, status, added_by_amendment, created_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 'PLANNED', ?11, now())
                on conflict (plan_id, entity_code, subject) do nothing""")
                .setParameter(1, id).setParameter(2, plan.id).setParameter(3, plan.bodyCode)
                .setParameter(4, responsible).setParameter(5, plan.planYear).setParameter(6, entity.code)
                .setParameter(7, request.subject()).setParameter(8, request.type().name())
                .setParameter(9, request.plannedStart()).setParameter(10, request.durationDays())
                .setParameter(11, amendment).executeUpdate();
        PlannedInspection item = PlannedInspection.<PlannedInspection>find(
                "planId = ?1 and entityCode = ?2 and subject = ?3", plan.id, entity.code, request.subject())
                .singleResult();
        if (inserted == 0) {
            // (plan, entity, subject) is the item's natural key: a repeat must mean the same inspection
            NaturalKeyMatch.compare()
                    .field(prefix + "type", request.type(), item.inspectionType)
                    .field(prefix + "plannedStart", request.plannedStart(), item.plannedStart)
                    .field(prefix + "durationDays", request.durationDays(), item.durationDays)
                    .field(prefix + "responsibleBodyCode", responsible, item.responsibleBodyCode)
                    .requireSame("A planned inspection", "plan, entity and subject", item.id);
        }
        return new Written<>(inserted == 1, item);
    }

    private List<OverlapConflict> checkItem(InspectionPlan plan, PlannedInspection item) {
        InspectedEntity entity = InspectedEntity.findById(item.entityCode);
        return overlaps.check(new OverlapChecker.Candidate(OverlapConflict.PLANNED, item.id, plan.version + 1,
                item.bodyCode, plan.provinceCode, entity, item.subject, item.planYear, item.plannedStart, null));
    }

    private InspectionPlan lockedPlan(UUID id) {
        InspectionPlan plan = em.find(InspectionPlan.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (plan == null || !access.maySee(plan.provinceCode)) {
            throw ProblemException.notFound("Inspection plan " + id);
        }
        return plan;
    }

    private InspectionPlan visiblePlan(UUID id) {
        InspectionPlan plan = InspectionPlan.findById(id);
        if (plan == null || !access.maySee(plan.provinceCode)) {
            throw ProblemException.notFound("Inspection plan " + id);
        }
        return plan;
    }

    private static ProblemException transitionConflict(InspectionPlan plan, String action, String detail) {
        PlanStatus status = PlanStatus.valueOf(plan.status);
        List<String> allowed = switch (status) {
            case DRAFT -> List.of("add inspections", "submit");
            case SUBMITTED -> List.of("approve");
            case APPROVED, AMENDED -> List.of("amend");
        };
        return ProblemException.conflict("plan-status", "Cannot " + action + " a plan that is "
                + status.name().toLowerCase() + ". " + detail, Map.of("currentStatus", status.name(), "allowedActions", allowed));
    }

    private List<PlannedInspection> items(UUID planId) {
        return PlannedInspection.<PlannedInspection>find("planId = ?1 order by plannedStart, id", planId).list();
    }

    private List<PlannedInspection> activeItems(UUID planId) {
        return PlannedInspection.<PlannedInspection>find("planId = ?1 and status <> ?2 order by plannedStart, id",
                planId, PlannedInspection.WITHDRAWN).list();
    }

    private PlanView view(InspectionPlan plan) {
        List<PlannedInspectionView> items = items(plan.id).stream()
                .map(i -> itemView(i, overlaps.involving(i.id).stream().map(ConflictView::of).toList())).toList();
        List<AmendmentView> amendments = PlanAmendment.<PlanAmendment>find("planId = ?1 order by number", plan.id)
                .list().stream().map(a -> new AmendmentView(a.number, a.reason, a.change, a.decidedBy, a.decidedAt))
                .toList();
        return new PlanView(plan.id, plan.bodyCode, plan.provinceCode, plan.planYear, PlanStatus.valueOf(plan.status),
                plan.version, plan.createdBy, plan.submittedAt, plan.approvedBy, plan.approvedOn, items, amendments,
                plan.backfilled);
    }

    static PlannedInspectionView itemView(PlannedInspection i, List<ConflictView> conflicts) {
        return new PlannedInspectionView(i.id, i.planId, i.bodyCode, i.responsibleBodyCode, i.planYear, i.entityCode,
                i.subject, InspectionType.valueOf(i.inspectionType), i.plannedStart,
                i.plannedStart.plusDays(i.durationDays), i.durationDays, i.status, i.addedByAmendment, conflicts);
    }
}
