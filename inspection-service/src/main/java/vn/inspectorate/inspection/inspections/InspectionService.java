package vn.inspectorate.inspection.inspections;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.inspectorate.contracts.inspections.InspectionExtended;
import vn.inspectorate.contracts.inspections.InspectionOpened;
import vn.inspectorate.inspection.access.InspectorateAccess;
import vn.inspectorate.inspection.cases.CaseReference;
import vn.inspectorate.inspection.conclusions.ConclusionReader;
import vn.inspectorate.inspection.inspections.InspectionApi.ExtensionView;
import vn.inspectorate.inspection.inspections.InspectionApi.InspectionView;
import vn.inspectorate.inspection.inspections.InspectionApi.OpenInspection;
import vn.inspectorate.inspection.inspections.InspectionApi.TeamMember;
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
import vn.inspectorate.platform.time.VietnamTime;

/** Opening inspections and moving them through their statuses, within the dated duration limits. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class InspectionService {

    private static final TypeReference<List<TeamMember>> TEAM = new TypeReference<>() {
    };

    private final EntityManager em;
    private final ReferenceData reference;
    private final OverlapChecker overlaps;
    private final Outbox outbox;
    private final InspectorateAccess access;
    private final CallerScope caller;
    private final ObjectMapper mapper;
    private final ConclusionReader conclusions;
    private final ReferenceRegisters registers;

    InspectionService(EntityManager em, ReferenceData reference, OverlapChecker overlaps, Outbox outbox,
            InspectorateAccess access, CallerScope caller, ObjectMapper mapper, ConclusionReader conclusions,
            ReferenceRegisters registers) {
        this.em = em;
        this.registers = registers;
        this.reference = reference;
        this.overlaps = overlaps;
        this.outbox = outbox;
        this.access = access;
        this.caller = caller;
        this.mapper = mapper;
        this.conclusions = conclusions;
    }

    /**
     * Opens an inspection, or answers the one already opened by the same decision: (body, year of the decision date,
     * decision number) is its natural key, since decision numbers restart every year. The same decision sent again
     * with other values is a 409, never the other inspection. A planned inspection must come from a plan in force with its conflicts settled; an ad-hoc one is
     * checked for overlaps and its conflicts are recorded and reported, not blocking (surprise inspections answer
     * signs of violations that cannot wait for a settlement).
     */
    public Written<InspectionView> open(OpenInspection request) {
        Written<Inspection> written = openRecord(request, false);
        return new Written<>(written.created(), view(written.value()));
    }

    /**
     * Opens an inspection as {@link #open(OpenInspection)} does, answering the record; {@code backfilled} records it as
     * history (loaded as it happened): marked on the record and its events, and not checked for overlaps, which guide
     * plans still to run.
     */
    public Written<Inspection> openRecord(OpenInspection request, boolean backfilled) {
        InspectionBody body = reference.body(request.bodyCode(), "bodyCode");
        access.requireActFor(body);
        Inspection existing = byDecision(body.code, request);
        if (existing != null) {
            return repeated(existing, request);
        }
        LocalDate openedOn = request.openedOn() == null ? request.decisionDate() : request.openedOn();
        if (openedOn.isBefore(request.decisionDate())) {
            throw invalidField("openedOn", "must not be before decisionDate", "An inspection opens on or after its decision.");
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
                throw invalidField("reInspectionOf", "no such inspection", "The inspection to re-inspect is unknown.");
            }
            if (!original.state().concluded()) {
                throw invalidField("reInspectionOf", "is not concluded", "Only a concluded inspection can be re-inspected.");
            }
            if (!original.entityCode.equals(entity.code)) {
                throw invalidField("entity.code", "differs from the re-inspected inspection's entity",
                        "A re-inspection examines the same entity.");
            }
        }
        List<UUID> caseIds = request.caseIds() == null ? List.of() : request.caseIds().stream().distinct().toList();
        for (int i = 0; i < caseIds.size(); i++) {
            CaseReference known = CaseReference.findById(caseIds.get(i));
            if (known == null) {
                throw ProblemException.unprocessable("unknown-case", "Case " + caseIds.get(i) + " is not known to the "
                        + "inspection service (yet): its case events have not arrived. Retry once the case is recorded.",
                        List.of(new Problem.FieldError("caseIds[" + i + "]", "unknown case")));
            }
            if (!known.provinceCode.equals(province)) {
                throw ProblemException.unprocessable("case-other-province", "Case " + caseIds.get(i)
                        + " belongs to another province.", List.of(new Problem.FieldError("caseIds[" + i + "]",
                        "case of another province")));
            }
        }
        DurationRule rule = reference.durationRule(body.level, original != null, request.decisionDate(), "decisionDate");
        // the due date and its extensions must stay dates the API and the events can write (years up to 9999)
        if (openedOn.plusDays(rule.baseDays + (long) rule.maxExtensions * rule.extensionDays).getYear() > 9999) {
            throw invalidField("openedOn", "too far in the future for its due date", "The inspection's due date would "
                    + "fall after the year 9999.");
        }

        UUID id = UUID.randomUUID();
        int inserted = em.createNativeQuery("""
                insert into inspection (id, body_code, province_code, decision_number, decision_date, legal_basis, team,
                    inspection_type, subject, entity_code, inspection_year, planned_inspection_id, plan_id,
                    re_inspection_of, status, opened_on, base_days, extensions_used, extension_days_total,
                    max_extensions, extension_days_limit, due_on, version, created_by, created_at, backfilled)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, 'OPENED', ?15, ?16, 0, 0, ?17, ?18,
                    ?19, 1, ?20, now(), ?21)
                on conflict (body_code, decision_year, decision_number) do nothing""")
                .setParameter(1, id).setParameter(2, body.code).setParameter(3, province)
                .setParameter(4, request.decisionNumber()).setParameter(5, request.decisionDate())
                .setParameter(6, request.legalBasis()).setParameter(7, json(request.team()))
                .setParameter(8, request.type().name()).setParameter(9, request.subject())
                .setParameter(10, entity.code).setParameter(11, openedOn.getYear())
                .setParameter(12, planned == null ? null : planned.id)
                .setParameter(13, planned == null ? null : planned.planId)
                .setParameter(14, original == null ? null : original.id)
                .setParameter(15, openedOn).setParameter(16, rule.baseDays).setParameter(17, rule.maxExtensions)
                .setParameter(18, rule.extensionDays).setParameter(19, openedOn.plusDays(rule.baseDays))
                .setParameter(20, caller.subject()).setParameter(21, backfilled).executeUpdate();
        if (inserted == 0) {
            // a concurrent request with the same decision won the race: answer as a repeat of it
            return repeated(byDecision(body.code, request), request);
        }
        Inspection inspection = Inspection.findById(id);
        for (int i = 0; i < caseIds.size(); i++) {
            em.createNativeQuery("insert into inspection_case (inspection_id, case_id, position) values (?1, ?2, ?3)")
                    .setParameter(1, id).setParameter(2, caseIds.get(i)).setParameter(3, i).executeUpdate();
        }
        if (planned != null) {
            planned.status = PlannedInspection.OPENED;
        }
        outbox.publish(id.toString(),
                new InspectionOpened(id, inspection.version, ReferenceData.now(), province, inspection.planId, body.code,
                        entity.code, inspection.inspectionType, inspection.subject, planned != null, original != null,
                        caseIds.isEmpty() ? null : caseIds.get(0), openedOn, inspection.dueOn), backfilled);
        if (planned == null && original == null && !backfilled) {
            overlaps.check(new OverlapChecker.Candidate(OverlapConflict.INSPECTION, id, inspection.version, body.code,
                    province, entity, inspection.subject, inspection.inspectionYear, openedOn, null));
        }
        return new Written<>(true, inspection);
    }

    /** By the natural key's own columns, so the lookup is one probe of its unique index, however many records. */
    private Inspection byDecision(String bodyCode, OpenInspection request) {
        @SuppressWarnings("unchecked")
        List<Inspection> found = em.createNativeQuery("""
                select * from inspection where body_code = ?1 and decision_year = ?2 and decision_number = ?3""",
                Inspection.class).setParameter(1, bodyCode).setParameter(2, request.decisionDate().getYear())
                .setParameter(3, request.decisionNumber()).getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    /** The original inspection when the request means the same decision, else a 409 naming what differs. */
    private Written<Inspection> repeated(Inspection existing, OpenInspection request) {
        NaturalKeyMatch.compare()
                .field("decisionDate", request.decisionDate(), existing.decisionDate)
                .field("openedOn", request.openedOn() == null ? request.decisionDate() : request.openedOn(),
                        existing.openedOn)
                .field("legalBasis", request.legalBasis(), existing.legalBasis)
                .field("team", request.team(), team(existing.team))
                .field("type", request.type(), existing.inspectionType)
                .field("subject", request.subject(), existing.subject)
                .field("entity", request.entity().code(), existing.entityCode)
                .field("plannedInspectionId", request.plannedInspectionId(), existing.plannedInspectionId)
                .field("reInspectionOf", request.reInspectionOf(), existing.reInspectionOf)
                .field("caseIds", request.caseIds() == null ? List.of() : request.caseIds().stream().distinct().toList(),
                        caseIds(existing.id))
                .requireSame("An inspection", "body, decision year and decision number", existing.id);
        return new Written<>(false, existing);
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
            throw invalidField("plannedInspectionId", "no such planned inspection", "The planned inspection is unknown.");
        }
        if (!PlanStatus.valueOf(plan.status).inForce()) {
            throw invalidField("plannedInspectionId", "its plan is not approved", "Only an approved plan's inspections "
                    + "can be opened as planned inspections.");
        }
        if (!body.code.equals(planned.responsibleBodyCode) && !body.code.equals(planned.bodyCode)) {
            throw invalidField("bodyCode", "is not the body responsible for the planned inspection",
                    "The planned inspection belongs to another body.");
        }
        if (!entity.code.equals(planned.entityCode) || !request.subject().equals(planned.subject)) {
            throw invalidField("entity.code", "differs from the planned inspection's entity or subject",
                    "The inspection must match its planned inspection.");
        }
        if (!PlannedInspection.PLANNED.equals(planned.status)) {
            throw ProblemException.conflict("planned-inspection-" + planned.status.toLowerCase(), "The planned "
                    + "inspection is " + planned.status.toLowerCase() + ".", Map.of("currentStatus", planned.status));
        }
        List<OverlapConflict> open = backfilled ? List.of() : overlaps.unsettled(List.of(planned.id));
        if (!open.isEmpty()) {
            throw ProblemException.conflict("overlap-unsettled", "The planned inspection has unsettled overlap "
                    + "conflicts.", Map.of("conflicts", open.stream().map(ConflictView::of).toList()));
        }
        return planned;
    }

    public InspectionView start(UUID id, InspectionApi.Start request) {
        return view(startRecord(id, request));
    }

    public Inspection startRecord(UUID id, InspectionApi.Start request) {
        Inspection inspection = locked(id);
        move(inspection, InspectionStatus.IN_PROGRESS);
        if (request.startedOn().isBefore(inspection.openedOn)) {
            throw invalidField("startedOn", "must not be before openedOn " + inspection.openedOn,
                    "An inspection cannot start before it was opened.");
        }
        inspection.version++;
        return inspection;
    }

    /** An extension within the level's limit (number of extensions and days each) from the inspection's rule. */
    public InspectionView extend(UUID id, InspectionApi.Extend request) {
        Inspection inspection = locked(id);
        move(inspection, InspectionStatus.EXTENDED);
        if (inspection.extensionsUsed >= inspection.maxExtensions) {
            throw ProblemException.unprocessable("extension-limit", "Inspections of this level may be extended at most "
                    + inspection.maxExtensions + " time(s).", List.of(new Problem.FieldError("extraDays",
                    "no extension left (limit " + inspection.maxExtensions + ")")));
        }
        if (request.extraDays() > inspection.extensionDaysLimit) {
            throw invalidField("extraDays", "must be at most " + inspection.extensionDaysLimit,
                    "An extension of this level is at most " + inspection.extensionDaysLimit + " days.");
        }
        if (request.decidedOn().isBefore(inspection.openedOn) || request.decidedOn().isAfter(inspection.dueOn)) {
            throw invalidField("decidedOn", "must be between " + inspection.openedOn + " and the due date "
                    + inspection.dueOn, "An extension is decided while the inspection runs.");
        }
        inspection.extensionsUsed++;
        inspection.extensionDaysTotal += request.extraDays();
        inspection.dueOn = inspection.dueOn.plusDays(request.extraDays());
        inspection.version++;
        InspectionExtension extension = new InspectionExtension();
        extension.id = UUID.randomUUID();
        extension.inspectionId = inspection.id;
        extension.number = inspection.extensionsUsed;
        extension.extraDays = request.extraDays();
        extension.reasonCode = request.reasonCode();
        extension.decidedOn = request.decidedOn();
        extension.newDueOn = inspection.dueOn;
        extension.persist();
        outbox.publish(inspection.id.toString(),
                new InspectionExtended(inspection.id, inspection.version, ReferenceData.now(), inspection.provinceCode,
                        extension.number, extension.extraDays, extension.newDueOn, extension.reasonCode),
                inspection.backfilled);
        return view(inspection);
    }

    public InspectionView submitReport(UUID id, InspectionApi.SubmitReport request) {
        return view(submitReportRecord(id, request));
    }

    public Inspection submitReportRecord(UUID id, InspectionApi.SubmitReport request) {
        Inspection inspection = locked(id);
        move(inspection, InspectionStatus.REPORT_SUBMITTED);
        if (request.submittedOn().isBefore(inspection.openedOn)) {
            throw invalidField("submittedOn", "must not be before openedOn " + inspection.openedOn,
                    "The report cannot end before the inspection started.");
        }
        inspection.reportSubmittedOn = request.submittedOn();
        inspection.version++;
        return inspection;
    }

    public InspectionView startFollowUp(UUID id) {
        return view(startFollowUpRecord(id));
    }

    public Inspection startFollowUpRecord(UUID id) {
        Inspection inspection = locked(id);
        move(inspection, InspectionStatus.FOLLOW_UP);
        inspection.version++;
        return inspection;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public InspectionView get(UUID id) {
        return view(visible(id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<InspectionView> list(String province, InspectionStatus status, Boolean overrunOnly) {
        StringBuilder query = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        String own = access.provinceFilter();
        if (own != null && province != null && !own.equals(province)) {
            throw ProblemException.forbidden("You see only the inspections of " + own + ".");
        }
        String effective = own != null ? own : province;
        if (effective != null) {
            query.append(" and provinceCode = :province");
            params.put("province", effective);
        }
        if (status != null) {
            query.append(" and status = :status");
            params.put("status", status.name());
        }
        LocalDate today = VietnamTime.today();
        return Inspection.<Inspection>find(query + " order by openedOn, id", params).list().stream()
                .filter(i -> !Boolean.TRUE.equals(overrunOnly) || i.overrun(today)).map(this::view).toList();
    }

    /** The inspection, locked for a change; 404 when the caller may not see it, 403 when it may not act for it. */
    public Inspection locked(UUID id) {
        Inspection inspection = em.find(Inspection.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (inspection == null || !access.maySee(inspection.provinceCode)) {
            throw ProblemException.notFound("Inspection " + id);
        }
        access.requireActFor(reference.body(inspection.bodyCode, "bodyCode"));
        return inspection;
    }

    public Inspection visible(UUID id) {
        Inspection inspection = Inspection.findById(id);
        if (inspection == null || !access.maySee(inspection.provinceCode)) {
            throw ProblemException.notFound("Inspection " + id);
        }
        return inspection;
    }

    /** Moves to {@code target}, or answers 409 naming the transitions allowed from the current status. */
    public static void move(Inspection inspection, InspectionStatus target) {
        InspectionStatus current = inspection.state();
        if (!current.next().contains(target)) {
            throw ProblemException.conflict("invalid-transition", "An inspection that is "
                    + current.name().toLowerCase().replace('_', ' ') + " cannot become "
                    + target.name().toLowerCase().replace('_', ' ') + ".",
                    Map.of("currentStatus", current.name(), "allowedTransitions", current.next().stream().map(Enum::name).toList()));
        }
        inspection.status = target.name();
    }

    public List<UUID> caseIds(UUID inspectionId) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery("select case_id from inspection_case where inspection_id = ?1 "
                + "order by position").setParameter(1, inspectionId).getResultList();
        return ids;
    }

    public InspectionView view(Inspection i) {
        List<ExtensionView> extensions = InspectionExtension.<InspectionExtension>find("inspectionId = ?1 order by number",
                i.id).list().stream().map(e -> new ExtensionView(e.number, e.extraDays, e.reasonCode, e.decidedOn,
                e.newDueOn)).toList();
        List<ConflictView> conflicts = overlaps.involving(i.id).stream().map(ConflictView::of).toList();
        return new InspectionView(i.id, i.bodyCode, i.provinceCode, i.decisionNumber, i.decisionDate, i.legalBasis,
                team(i.team), InspectionType.valueOf(i.inspectionType), i.subject, i.entityCode, i.inspectionYear,
                i.plannedInspectionId != null, i.plannedInspectionId, i.planId, i.reInspectionOf, caseIds(i.id),
                i.state(), i.state().next(), i.openedOn, i.baseDays, i.extensionsUsed, i.maxExtensions,
                i.extensionDaysLimit, i.dueOn, i.reportSubmittedOn, i.overrun(VietnamTime.today()), i.version,
                extensions, conflicts, conclusions.view(i.id), i.backfilled);
    }

    private String json(List<TeamMember> team) {
        try {
            return mapper.writeValueAsString(team);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<TeamMember> team(String json) {
        try {
            return mapper.readValue(json, TEAM);
        } catch (JsonProcessingException e) {
            return new ArrayList<>();
        }
    }

    static ProblemException invalidField(String field, String message, String detail) {
        return ProblemException.unprocessable("invalid-" + field.replaceAll("[^A-Za-z]", "-").toLowerCase(), detail,
                List.of(new Problem.FieldError(field, message)));
    }
}
