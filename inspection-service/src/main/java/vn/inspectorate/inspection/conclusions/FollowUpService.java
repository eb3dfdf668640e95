package vn.inspectorate.inspection.conclusions;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.inspectorate.contracts.TimeOrderedIds;
import vn.inspectorate.inspection.access.InspectorateAccess;
import vn.inspectorate.inspection.conclusions.ConclusionApi.RecommendationView;
import vn.inspectorate.inspection.conclusions.ConclusionApi.TransferView;
import vn.inspectorate.inspection.inspections.Inspection;
import vn.inspectorate.inspection.inspections.InspectionApi.InspectionView;
import vn.inspectorate.inspection.inspections.InspectionService;
import vn.inspectorate.inspection.inspections.InspectionStatus;
import vn.inspectorate.platform.naturalkey.NaturalKeyMatch;
import vn.inspectorate.platform.naturalkey.Written;
import vn.inspectorate.platform.outbox.Outbox;
import vn.inspectorate.platform.paging.Page;
import vn.inspectorate.platform.paging.PageRequest;
import vn.inspectorate.platform.problem.ProblemException;
import vn.inspectorate.platform.security.CallerScope;

/** Follow-up of a conclusion: recoveries paid, recommendations done, transfers acknowledged, follow-up closed. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class FollowUpService {

    private final ConclusionStore store;
    private final InspectionService inspections;
    private final Outbox outbox;
    private final InspectorateAccess access;
    private final CallerScope caller;

    FollowUpService(ConclusionStore store, InspectionService inspections, Outbox outbox, InspectorateAccess access,
            CallerScope caller) {
        this.store = store;
        this.inspections = inspections;
        this.outbox = outbox;
        this.access = access;
        this.caller = caller;
    }

    /**
     * Records a (possibly partial) recovery; the payment reference is its natural key, so a retry records nothing new
     * and the same reference with another amount, land or date is a 409.
     * The recommendation is done once everything recommended was recovered.
     */
    public Written<RecommendationView> recordPayment(UUID recommendationId, ConclusionApi.Payment request) {
        Recommendation r = lockedRecommendation(recommendationId);
        Inspection inspection = inspections.locked(r.inspectionId);
        RecoveryPayment existing = store.payment(r.id, request.reference());
        if (existing != null) {
            NaturalKeyMatch.compare()
                    .field("amountVnd", request.amountVnd(), existing.amountVnd)
                    .field("landM2", request.landM2() == null ? 0 : request.landM2(), existing.landM2)
                    .field("paidOn", request.paidOn(), existing.paidOn)
                    .requireSameKeyed("payment.natural-key", existing.id);
            return new Written<>(false, ConclusionReader.view(r));
        }
        requireFollowingUp(inspection);
        if (!RecommendationKind.RECOVERY.name().equals(r.kind)) {
            throw ProblemException.conflict("not-a-recovery", Map.of("kind", r.kind), "follow-up.not-a-recovery");
        }
        Conclusion conclusion = store.findById(r.inspectionId);
        if (request.paidOn().isBefore(conclusion.concludedOn)) {
            throw ConclusionService.field("paidOn", "follow-up.paid-before-conclusion", conclusion.concludedOn.toString());
        }
        long land = request.landM2() == null ? 0 : request.landM2();
        if (request.amountVnd() == 0 && land == 0) {
            throw ConclusionService.field("amountVnd", "follow-up.nothing-recovered");
        }
        if (request.amountVnd() > r.amountVnd - r.recoveredVnd) {
            throw ConclusionService.field("amountVnd", "follow-up.over-recovered-vnd", r.amountVnd - r.recoveredVnd);
        }
        if (land > r.landM2 - r.recoveredLandM2) {
            throw ConclusionService.field("landM2", "follow-up.over-recovered-land", r.landM2 - r.recoveredLandM2);
        }
        RecoveryPayment payment = new RecoveryPayment();
        payment.id = TimeOrderedIds.next();
        payment.recommendationId = r.id;
        payment.reference = request.reference();
        payment.amountVnd = request.amountVnd();
        payment.landM2 = land;
        payment.paidOn = request.paidOn();
        payment.recordedBy = caller.subject();
        payment.persist();
        r.recoveredVnd += request.amountVnd();
        r.recoveredLandM2 += land;
        if (r.recoveredVnd == r.amountVnd && r.recoveredLandM2 == r.landM2 && !r.done()) {
            r.doneOn = request.paidOn();
            r.doneNote = "recovered in full";
        }
        inspection.version++;
        outbox.publish(inspection.id.toString(), ConclusionEvents.recoveryRecorded(inspection, payment,
                store.recoveredVnd(inspection.id)), inspection.backfilled);
        return new Written<>(true, ConclusionReader.view(r));
    }

    /** Marks a recommendation done (discipline imposed, administrative measure taken, or recovery ended). */
    public RecommendationView complete(UUID recommendationId, ConclusionApi.Completion request) {
        Recommendation r = lockedRecommendation(recommendationId);
        Inspection inspection = inspections.locked(r.inspectionId);
        if (r.done()) {
            return ConclusionReader.view(r);
        }
        requireFollowingUp(inspection);
        Conclusion conclusion = store.findById(r.inspectionId);
        if (request.doneOn().isBefore(conclusion.concludedOn)) {
            throw ConclusionService.field("doneOn", "follow-up.done-before-conclusion", conclusion.concludedOn.toString());
        }
        int disciplined = request.disciplinedCount() == null ? 0 : request.disciplinedCount();
        if (disciplined > 0 && !RecommendationKind.DISCIPLINARY.name().equals(r.kind)) {
            throw ConclusionService.field("disciplinedCount", "follow-up.discipline-not-disciplinary");
        }
        r.disciplinedCount = disciplined;
        r.doneOn = request.doneOn();
        r.doneNote = request.note();
        inspection.version++;
        return ConclusionReader.view(r);
    }

    public TransferView acknowledge(UUID transferId, ConclusionApi.Acknowledgement request) {
        InvestigationTransfer t = store.lockedTransfer(transferId);
        if (t == null) {
            throw ProblemException.keyed(404, "not-found", "follow-up.transfer-not-found", String.valueOf(transferId));
        }
        Inspection inspection = inspections.locked(t.inspectionId);
        if (t.acknowledgedOn != null) {
            return ConclusionReader.view(t);
        }
        requireFollowingUp(inspection);
        if (request.acknowledgedOn().isBefore(t.transferredOn)) {
            throw ConclusionService.field("acknowledgedOn", "follow-up.acknowledged-before-transfer",
                    t.transferredOn.toString());
        }
        t.acknowledgedOn = request.acknowledgedOn();
        t.accepted = request.accepted();
        inspection.version++;
        return ConclusionReader.view(t);
    }

    /** Closes the follow-up with what was actually done; open recommendations make the outcome partial. */
    public InspectionView close(UUID inspectionId, LocalDate closedOn) {
        return inspections.view(closeRecord(inspectionId, closedOn));
    }

    public Inspection closeRecord(UUID inspectionId, LocalDate closedOn) {
        Inspection inspection = inspections.locked(inspectionId);
        inspection.moveTo(InspectionStatus.CLOSED);
        Conclusion conclusion = store.findById(inspectionId);
        if (closedOn.isBefore(conclusion.concludedOn)) {
            throw ConclusionService.field("closedOn", "follow-up.closed-before-conclusion",
                    conclusion.concludedOn.toString());
        }
        List<Recommendation> recommendations = store.recommendations(inspectionId);
        List<InvestigationTransfer> transfers = store.transfers(inspectionId);
        long recoveredVnd = 0;
        long recoveredLand = 0;
        int disciplined = 0;
        boolean allDone = true;
        boolean overdue = false;
        for (Recommendation r : recommendations) {
            recoveredVnd = Math.addExact(recoveredVnd, r.recoveredVnd);
            recoveredLand = Math.addExact(recoveredLand, r.recoveredLandM2);
            disciplined += r.disciplinedCount;
            allDone &= r.done();
            overdue |= r.done() ? r.doneOn.isAfter(r.dueOn) : closedOn.isAfter(r.dueOn);
        }
        int accepted = (int) transfers.stream().filter(t -> Boolean.TRUE.equals(t.accepted)).count();
        inspection.version++;
        outbox.publish(inspection.id.toString(), ConclusionEvents.followUpClosed(inspection, allDone, recoveredVnd,
                recoveredLand, disciplined, accepted, overdue, closedOn), inspection.backfilled);
        return inspection;
    }

    /**
     * Recommendations not done by their due date, as of {@code asOf}, in the caller's scope; those of inspections loaded
     * as history are not followed up from here.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<RecommendationView> overdue(LocalDate asOf, String province, PageRequest page) {
        Page<Recommendation> found = store.overdue(asOf, access.listedProvince(province, "access.records.follow-ups"), page);
        return new Page<>(found.items().stream().map(ConclusionReader::view).toList(), found.size(), found.next(),
                found.total());
    }

    private Recommendation lockedRecommendation(UUID id) {
        Recommendation r = store.lockedRecommendation(id);
        if (r == null) {
            throw ProblemException.keyed(404, "not-found", "follow-up.recommendation-not-found", String.valueOf(id));
        }
        return r;
    }

    private static void requireFollowingUp(Inspection inspection) {
        if (inspection.state() != InspectionStatus.CONCLUDED && inspection.state() != InspectionStatus.FOLLOW_UP) {
            throw ProblemException.conflict("not-in-follow-up", Map.of("currentStatus", inspection.status,
                    "allowedTransitions", inspection.state().next().stream().map(Enum::name).toList()),
                    "follow-up.not-in-follow-up");
        }
    }
}
