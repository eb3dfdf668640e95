package vn.inspectorate.inspection.plans;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.inspectorate.inspection.access.InspectorateAccess;
import vn.inspectorate.inspection.bulk.HistoryWindow;
import vn.inspectorate.inspection.plans.PlanApi.AddPlannedInspection;
import vn.inspectorate.inspection.reference.InspectionBody;
import vn.inspectorate.inspection.reference.ReferenceData;
import vn.inspectorate.inspection.reference.ReferenceRegisters;
import vn.inspectorate.platform.naturalkey.NaturalKeyMatch;
import vn.inspectorate.platform.naturalkey.Written;
import vn.inspectorate.platform.outbox.Outbox;
import vn.inspectorate.platform.problem.Problem;
import vn.inspectorate.platform.problem.ProblemException;
import vn.inspectorate.platform.security.CallerScope;

/** Past years' approved plans loaded as history (a back-fill), with their items. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class PlanHistory {

    private final InspectionPlanStore store;
    private final PlanItems items;
    private final ReferenceData reference;
    private final ReferenceRegisters registers;
    private final Outbox outbox;
    private final InspectorateAccess access;
    private final CallerScope caller;

    PlanHistory(InspectionPlanStore store, PlanItems items, ReferenceData reference, ReferenceRegisters registers,
            Outbox outbox, InspectorateAccess access, CallerScope caller) {
        this.store = store;
        this.items = items;
        this.reference = reference;
        this.registers = registers;
        this.outbox = outbox;
        this.access = access;
        this.caller = caller;
    }

    /**
     * Loads a past year's plan as history: created approved (by the caller, on the given day), marked backfilled, with
     * its items, all in this transaction, so a refused item leaves nothing behind. Items are validated as items added by
     * an amendment but not checked for overlaps, which guide plans still to run. Only its approval event is sent,
     * marked backfilled; nothing public comes of it. A repeat answers the plan when it holds what the request says (its
     * loaded items, not those added later by amendments), else a 409 naming what differs.
     */
    public Written<InspectionPlan> create(PlanApi.CreatePlan request) {
        List<Problem.FieldError> missing = new ArrayList<>();
        if (request.approvedOn() == null) {
            missing.add(Problem.FieldError.of("approvedOn", "plan.backfill.approved-on-required"));
        }
        if (request.inspections() == null || request.inspections().isEmpty()) {
            missing.add(Problem.FieldError.of("inspections", "plan.backfill.items-required",
                    String.valueOf(PlanApi.MAX_BACKFILLED_ITEMS)));
        }
        if (!missing.isEmpty()) {
            throw ProblemException.invalid(missing, "plan.backfill.incomplete");
        }
        access.loadHistory();
        InspectionBody body = reference.body(request.bodyCode(), "bodyCode");
        access.requireActFor(body);
        LocalDate today = HistoryWindow.today();
        List<Problem.FieldError> dates = new ArrayList<>();
        if (request.year() >= today.getYear()) {
            dates.add(Problem.FieldError.of("year", "history.before-year", String.valueOf(today.getYear())));
        }
        LocalDate approvedOn = request.approvedOn();
        if (!approvedOn.isBefore(today)) {
            dates.add(Problem.FieldError.of("approvedOn", "history.before", today.toString()));
        } else if (approvedOn.getYear() != request.year() && approvedOn.getYear() != request.year() - 1) {
            // plans are approved by the end of the year before, at the latest during their own year
            dates.add(Problem.FieldError.of("approvedOn", "plan.backfill.approved-in", String.valueOf(request.year() - 1),
                    String.valueOf(request.year())));
        }
        HistoryWindow.require(dates);
        registers.requireBodyInForceIn(body, request.year(), "year", "bodyCode");
        requireDistinctItems(request.inspections());

        boolean inserted = store.insertHistory(body.code, body.provinceCode, request.year(), caller.subject(),
                approvedOn);
        InspectionPlan plan = store.byBodyAndYear(body.code, request.year());
        if (!inserted) {
            requireSameHistory(plan, request);
            return Written.existing(plan);
        }
        for (int i = 0; i < request.inspections().size(); i++) {
            items.insert(plan, request.inspections().get(i), null, "inspections[" + i + "].");
        }
        outbox.publish(plan.id.toString(), PlanEvents.approved(plan, request.inspections().size()), true);
        return Written.created(plan);
    }

    /** (entity, subject) is an item's natural key: one request naming it twice would not load as it reads. */
    private static void requireDistinctItems(List<AddPlannedInspection> items) {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            Integer first = seen.putIfAbsent(itemKey(items.get(i).entity().code(), items.get(i).subject()), i);
            if (first != null) {
                throw ProblemException.unprocessable("duplicate-planned-inspection", List.of(Problem.FieldError.of(
                        "inspections[" + i + "]", "plan.duplicate-item.error", "inspections[" + first + "]")),
                        "plan.duplicate-item");
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
        Map<String, PlannedInspection> loaded = new HashMap<>();
        for (PlannedInspection item : store.originalItems(plan.id)) {
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
        match.requireSameKeyed("plan.natural-key", plan.id);
    }
}
