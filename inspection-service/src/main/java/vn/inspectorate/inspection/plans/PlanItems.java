package vn.inspectorate.inspection.plans;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import vn.inspectorate.contracts.TimeOrderedIds;
import vn.inspectorate.inspection.overlaps.OverlapChecker;
import vn.inspectorate.inspection.overlaps.OverlapConflict;
import vn.inspectorate.inspection.plans.PlanApi.AddPlannedInspection;
import vn.inspectorate.inspection.reference.InspectedEntity;
import vn.inspectorate.inspection.reference.InspectionBody;
import vn.inspectorate.inspection.reference.ReferenceData;
import vn.inspectorate.inspection.reference.ReferenceRegisters;
import vn.inspectorate.platform.naturalkey.NaturalKeyMatch;
import vn.inspectorate.platform.naturalkey.Written;
import vn.inspectorate.platform.problem.Problem;
import vn.inspectorate.platform.problem.ProblemException;

/**
 * The one way an item enters a plan, whether added to a draft, by an amendment or with a plan loaded as history: the
 * same checks and the same natural key (plan, entity, subject).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class PlanItems {

    private final InspectionPlanStore store;
    private final ReferenceData reference;
    private final ReferenceRegisters registers;
    private final OverlapChecker overlaps;

    PlanItems(InspectionPlanStore store, ReferenceData reference, ReferenceRegisters registers,
            OverlapChecker overlaps) {
        this.store = store;
        this.reference = reference;
        this.registers = registers;
        this.overlaps = overlaps;
    }

    /**
     * Inserts the item, or answers the plan's item of the same entity and subject when it means the same inspection
     * (else 409); {@code prefix} is the item's path in the request.
     */
    public Written<PlannedInspection> insert(InspectionPlan plan, AddPlannedInspection request, Integer amendment,
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
            throw ProblemException.unprocessable("start-outside-plan-year", List.of(Problem.FieldError.of(
                    prefix + "plannedStart", "plan.start-outside-year.error")), "plan.start-outside-year",
                    String.valueOf(plan.planYear));
        }
        reference.requireTypeInForce(request.type().name(), request.plannedStart(), prefix + "type",
                prefix + "plannedStart");
        boolean inserted = store.insertItem(TimeOrderedIds.next(), plan, responsible, entity.code, request.subject(),
                request.type().name(), request.plannedStart(), request.durationDays(), amendment);
        PlannedInspection item = store.item(plan.id, entity.code, request.subject());
        if (!inserted) {
            // (plan, entity, subject) is the item's natural key: a repeat must mean the same inspection
            NaturalKeyMatch.compare()
                    .field(prefix + "type", request.type(), item.inspectionType)
                    .field(prefix + "plannedStart", request.plannedStart(), item.plannedStart)
                    .field(prefix + "durationDays", request.durationDays(), item.durationDays)
                    .field(prefix + "responsibleBodyCode", responsible, item.responsibleBodyCode)
                    .requireSameKeyed("plan.item.natural-key", item.id);
        }
        return new Written<>(inserted, item);
    }

    /** Checks a new item of a live plan for overlaps; its conflicts are recorded and answered. */
    public List<OverlapConflict> check(InspectionPlan plan, PlannedInspection item) {
        InspectedEntity entity = InspectedEntity.findById(item.entityCode);
        return overlaps.check(new OverlapChecker.Candidate(OverlapConflict.PLANNED, item.id, plan.version + 1,
                item.bodyCode, plan.provinceCode, entity, item.subject, item.planYear, item.plannedStart, null));
    }
}
