package vn.inspectorate.inspection.inspections;

import static vn.inspectorate.inspection.inspections.Inspection.invalidField;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.inspectorate.contracts.TimeOrderedIds;
import vn.inspectorate.inspection.access.InspectorateAccess;
import vn.inspectorate.inspection.cases.CaseReference;
import vn.inspectorate.inspection.inspections.InspectionApi.OpenInspection;
import vn.inspectorate.inspection.overlaps.ConflictView;
import vn.inspectorate.inspection.overlaps.OverlapChecker;
import vn.inspectorate.inspection.overlaps.OverlapConflict;
import vn.inspectorate.inspection.plans.InspectionPlan;
import vn.inspectorate.inspection.plans.PlanStatus;
import vn.inspectorate.inspection.plans.PlannedInspection;
import vn.inspectorate.inspection.reference.DurationRule;
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

/**
 * Opening an inspection by its decision, live or as history: the decision's natural key, the plan item or
 * re-inspected inspection it comes from, the cases it answers, the limits of the duration rule in force, and the
 * overlap check of an ad-hoc inspection.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class InspectionOpening {

    private final InspectionStore store;
    private final ReferenceData reference;
    private final ReferenceRegisters registers;
    private final OverlapChecker overlaps;
    private final Outbox outbox;
    private final InspectorateAccess access;
    private final CallerScope caller;

    InspectionOpening(InspectionStore store, ReferenceData reference, ReferenceRegisters registers,
            OverlapChecker overlaps, Outbox outbox, InspectorateAccess access, CallerScope caller) {
        this.store = store;
        this.reference = reference;
        this.registers = registers;
        this.overlaps = overlaps;
        this.outbox = outbox;
        this.access = access;
        this.caller = caller;
    }

    /**
     * Opens an inspection as {@link InspectionService#open(OpenInspection)} does, answering the record; {@code backfilled} records it as
     * history (loaded as it happened): marked on the record and its events, and not checked for overlaps, which guide
     * plans still to run.
     */
    public Written<Inspection> openRecord(OpenInspection request, boolean backfilled) {
        InspectionBody body = reference.body(request.bodyCode(), "bodyCode");
        access.requireActFor(body);
        Inspection existing = store.byDecision(body.code, request.decisionDate(), request.decisionNumber());
        if (existing != null) {
            return repeated(existing, request);
        }
        LocalDate openedOn = openedOn(request);
        if (openedOn.isBefore(request.decisionDate())) {
            throw invalidField("openedOn", "inspection.opened-before-decision");
        }
        // the body and the entity's province must both be in force on the decision's date
        registers.requireBodyInForce(body, request.decisionDate(), "decisionDate", "bodyCode");
        registers.requireProvinceInForce(request.entity().provinceCode(), request.decisionDate(),
                "entity.provinceCode");
        reference.requireTypeInForce(request.type().name(), request.decisionDate(), "type", "decisionDate");
        InspectedEntity entity = reference.upsert(request.entity(), "entity");
        ReferenceData.requireJurisdiction(body, entity, "entity");
        String province = body.provinceCode != null ? body.provinceCode : entity.provinceCode;

        PlannedInspection planned = null;
        if (request.plannedInspectionId() != null) {
            planned = plannedItem(request, body, entity, backfilled);
        }
        Inspection original = null;
        if (request.reInspectionOf() != null) {
            original = Inspection.findById(request.reInspectionOf());
            if (original == null || !access.maySee(original.provinceCode)) {
                throw invalidField("reInspectionOf", "inspection.reinspection-unknown");
            }
            if (!original.state().concluded()) {
                throw invalidField("reInspectionOf", "inspection.reinspection-not-concluded");
            }
            if (!original.entityCode.equals(entity.code)) {
                throw invalidField("entity.code", "inspection.reinspection-other-entity");
            }
        }
        List<UUID> caseIds = caseIds(request);
        for (int i = 0; i < caseIds.size(); i++) {
            CaseReference known = CaseReference.findById(caseIds.get(i));
            if (known == null) {
                throw ProblemException.unprocessable("unknown-case", List.of(Problem.FieldError.of("caseIds[" + i + "]",
                        "inspection.unknown-case.error")), "inspection.unknown-case", caseIds.get(i).toString());
            }
            if (!known.provinceCode.equals(province)) {
                throw ProblemException.unprocessable("case-other-province", List.of(Problem.FieldError.of(
                        "caseIds[" + i + "]", "inspection.case-other-province.error")),
                        "inspection.case-other-province", caseIds.get(i).toString());
            }
        }
        DurationRule rule = reference.durationRule(body.level, original != null, request.decisionDate(), "decisionDate");
        // the due date and its extensions must stay dates the API and the events can write (years up to 9999)
        if (openedOn.plusDays(rule.baseDays + (long) rule.maxExtensions * rule.extensionDays).getYear() > 9999) {
            throw invalidField("openedOn", "inspection.due-after-9999");
        }

        UUID id = TimeOrderedIds.next();
        boolean inserted = store.insertIfNew(request, new InspectionStore.Opening(id, body.code, province, entity.code,
                planned == null ? null : planned.id, planned == null ? null : planned.planId,
                original == null ? null : original.id, openedOn, rule, caller.subject(), backfilled));
        if (!inserted) {
            // a concurrent request with the same decision won the race: answer as a repeat of it
            return repeated(store.byDecision(body.code, request.decisionDate(), request.decisionNumber()), request);
        }
        Inspection inspection = store.findById(id);
        store.linkCases(id, caseIds);
        if (planned != null) {
            planned.status = PlannedInspection.OPENED;
        }
        outbox.publish(id.toString(), InspectionEvents.opened(inspection, original != null, caseIds), backfilled);
        if (planned == null && original == null && !backfilled) {
            overlaps.check(new OverlapChecker.Candidate(OverlapConflict.INSPECTION, id, inspection.version, body.code,
                    province, entity, inspection.subject, inspection.inspectionYear, openedOn, null));
        }
        return new Written<>(true, inspection);
    }

    /** The original inspection when the request means the same decision, else a 409 naming what differs. */
    private Written<Inspection> repeated(Inspection existing, OpenInspection request) {
        NaturalKeyMatch.compare()
                .field("decisionDate", request.decisionDate(), existing.decisionDate)
                .field("openedOn", openedOn(request), existing.openedOn)
                .field("legalBasis", request.legalBasis(), existing.legalBasis)
                .field("team", request.team(), store.team(existing))
                .field("type", request.type(), existing.inspectionType)
                .field("subject", request.subject(), existing.subject)
                .field("entity", request.entity().code(), existing.entityCode)
                .field("plannedInspectionId", request.plannedInspectionId(), existing.plannedInspectionId)
                .field("reInspectionOf", request.reInspectionOf(), existing.reInspectionOf)
                .field("caseIds", caseIds(request), store.caseIds(existing.id))
                .requireSameKeyed("inspection.natural-key", existing.id);
        return new Written<>(false, existing);
    }

    /** The day the inspection opens: the decision's, unless the request says a later one. */
    private static LocalDate openedOn(OpenInspection request) {
        return request.openedOn() == null ? request.decisionDate() : request.openedOn();
    }

    /** The cases the inspection answers, each once, in the order given. */
    private static List<UUID> caseIds(OpenInspection request) {
        return request.caseIds() == null ? List.of() : request.caseIds().stream().distinct().toList();
    }

    /**
     * The plan item a planned inspection is opened from. A record loaded as history may open an item of any approved
     * plan, a back-filled plan's included; its overlaps are not checked, as history is not.
     */
    private PlannedInspection plannedItem(OpenInspection request, InspectionBody body, InspectedEntity entity,
            boolean backfilled) {
        PlannedInspection planned = PlannedInspection.findById(request.plannedInspectionId());
        InspectionPlan plan = planned == null ? null : InspectionPlan.findById(planned.planId);
        if (plan == null || !access.maySee(plan.provinceCode)) {
            throw invalidField("plannedInspectionId", "inspection.planned-unknown");
        }
        if (!PlanStatus.valueOf(plan.status).inForce()) {
            throw invalidField("plannedInspectionId", "inspection.planned-not-approved");
        }
        if (!body.code.equals(planned.responsibleBodyCode) && !body.code.equals(planned.bodyCode)) {
            throw invalidField("bodyCode", "inspection.planned-other-body");
        }
        if (!entity.code.equals(planned.entityCode) || !request.subject().equals(planned.subject)) {
            throw invalidField("entity.code", "inspection.planned-other-entity");
        }
        if (!PlannedInspection.PLANNED.equals(planned.status)) {
            throw ProblemException.conflict("planned-inspection-" + planned.status.toLowerCase(),
                    Map.of("currentStatus", planned.status), "inspection.planned-not-plannable",
                    new Problem.Text("plan.item-status." + planned.status));
        }
        List<OverlapConflict> open = backfilled ? List.of() : overlaps.unsettled(List.of(planned.id));
        if (!open.isEmpty()) {
            throw ProblemException.conflict("overlap-unsettled",
                    Map.of("conflicts", open.stream().map(ConflictView::of).toList()),
                    "inspection.planned-overlap-unsettled");
        }
        return planned;
    }
}
