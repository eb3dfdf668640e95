package vn.inspectorate.inspection.conclusions;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import vn.inspectorate.inspection.conclusions.ConclusionApi.Conclude;
import vn.inspectorate.inspection.conclusions.ConclusionApi.Item;
import vn.inspectorate.inspection.conclusions.ConclusionApi.RecommendationInput;
import vn.inspectorate.inspection.conclusions.ConclusionApi.Responsible;
import vn.inspectorate.inspection.conclusions.ConclusionApi.TransferInput;
import vn.inspectorate.inspection.inspections.Inspection;
import vn.inspectorate.inspection.inspections.InspectionApi.InspectionView;
import vn.inspectorate.inspection.inspections.InspectionService;
import vn.inspectorate.inspection.inspections.InspectionStatus;
import vn.inspectorate.inspection.reference.ReferenceData;
import vn.inspectorate.platform.naturalkey.NaturalKeyMatch;
import vn.inspectorate.platform.naturalkey.Written;
import vn.inspectorate.platform.outbox.Outbox;
import vn.inspectorate.platform.problem.Problem;
import vn.inspectorate.platform.problem.ProblemException;

/** Issues a conclusion: its totals are exact integer sums, published internally and, sanitized, to partners. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ConclusionService {

    private final InspectionService inspections;
    private final ReferenceData reference;
    private final Outbox outbox;
    private final ConclusionStore store;

    ConclusionService(InspectionService inspections, ReferenceData reference, Outbox outbox, ConclusionStore store) {
        this.inspections = inspections;
        this.reference = reference;
        this.outbox = outbox;
        this.store = store;
    }

    /**
     * Concludes an inspection whose team report was submitted; a retry with the same number and the same content
     * answers the original, the same number with other content is a 409.
     */
    public Written<InspectionView> conclude(UUID inspectionId, Conclude request) {
        boolean created = concludeRecord(inspectionId, request);
        return new Written<>(created, inspections.view(inspections.visible(inspectionId)));
    }

    /** What {@link #conclude} does; true when this call issued the conclusion, false for a repeat of it. */
    public boolean concludeRecord(UUID inspectionId, Conclude request) {
        Inspection inspection = inspections.locked(inspectionId);
        Conclusion existing = store.findById(inspectionId);
        if (existing != null && existing.conclusionNumber.equals(request.conclusionNumber())) {
            concludedAlike(existing, request).requireSameKeyed("conclusion.natural-key", existing.inspectionId);
            return false;
        }
        inspection.moveTo(InspectionStatus.CONCLUDED);
        LocalDate earliest = inspection.reportSubmittedOn != null ? inspection.reportSubmittedOn : inspection.openedOn;
        if (request.concludedOn().isBefore(earliest)) {
            throw field("concludedOn", "conclusion.before-report", earliest.toString());
        }
        long violationsVnd = 0;
        long violationsLand = 0;
        for (int i = 0; i < request.items().size(); i++) {
            Item item = request.items().get(i);
            violationsVnd = add(violationsVnd, item.violationsVnd(), "items[" + i + "].violationsVnd");
            violationsLand = add(violationsLand, item.violationsLandM2(), "items[" + i + "].violationsLandM2");
        }
        List<RecommendationInput> recommendations = orEmpty(request.recommendations());
        long recoveryVnd = 0;
        long recoveryLand = 0;
        for (int i = 0; i < recommendations.size(); i++) {
            RecommendationInput r = recommendations.get(i);
            long amount = r.amountVnd() == null ? 0 : r.amountVnd();
            long land = r.landM2() == null ? 0 : r.landM2();
            if (r.kind() == RecommendationKind.RECOVERY) {
                if (amount == 0 && land == 0) {
                    throw field("recommendations[" + i + "].amountVnd", "conclusion.recovery-without-amount");
                }
                recoveryVnd = add(recoveryVnd, amount, "recommendations[" + i + "].amountVnd");
                recoveryLand = add(recoveryLand, land, "recommendations[" + i + "].landM2");
            } else if (amount != 0 || land != 0) {
                throw field("recommendations[" + i + "].amountVnd", "conclusion.amount-not-recovery");
            }
            if (r.dueOn().isBefore(request.concludedOn())) {
                throw field("recommendations[" + i + "].dueOn", "conclusion.recommendation-due-before");
            }
        }
        List<TransferInput> transfers = orEmpty(request.transfers());
        for (int i = 0; i < transfers.size(); i++) {
            if (transfers.get(i).transferredOn().isBefore(inspection.openedOn)) {
                throw field("transfers[" + i + "].transferredOn", "conclusion.transfer-before-opening");
            }
        }
        checkPublication(request);

        List<Responsible> organisations = orEmpty(request.responsibleOrganisations());
        List<Responsible> individuals = orEmpty(request.responsibleIndividuals());
        Conclusion c = new Conclusion();
        c.inspectionId = inspection.id;
        c.conclusionNumber = request.conclusionNumber();
        c.concludedOn = request.concludedOn();
        c.assessment = request.assessment();
        c.violationsVnd = violationsVnd;
        c.violationsLandM2 = violationsLand;
        c.recoveryRecommendedVnd = recoveryVnd;
        c.recoveryRecommendedLandM2 = recoveryLand;
        c.unitsCovered = request.unitsCovered();
        c.responsibleOrganisations = store.json(organisations);
        c.responsibleIndividuals = store.json(individuals);
        c.responsibleOrganisationsCount = organisations.size();
        c.responsibleIndividualsCount = individuals.size();
        c.published = request.published();
        c.publishedFrom = request.publishedFrom();
        c.publishedUntil = request.publishedUntil();
        c.persist();
        store.persistLines(inspection.id, request.items(), recommendations, transfers);
        inspection.version++;
        outbox.publish(inspection.id.toString(), ConclusionEvents.concluded(inspection, c, transfers.size(),
                inspections.caseIds(inspection.id)), inspection.backfilled);
        if (!inspection.backfilled) {
            // history is not news: partners hear of conclusions as they are issued, not of ones loaded from the past
            outbox.publish(inspection.id.toString(), ConclusionEvents.publicConcluded(inspection, c, transfers.size()));
        }
        return true;
    }

    /**
     * The stored recommendations of a conclusion, in the order of {@code requested} (the recommendations of the request
     * that issued it, or a repeat of it): each requested one is matched to a distinct stored one with the same values.
     */
    public List<UUID> recommendationIds(UUID inspectionId, List<RecommendationInput> requested) {
        List<Recommendation> stored = new ArrayList<>(store.recommendations(inspectionId));
        List<UUID> ids = new ArrayList<>();
        for (RecommendationInput r : orEmpty(requested)) {
            RecommendationInput wanted = new RecommendationInput(r.kind(), r.description(), r.addressee(),
                    r.amountVnd() == null ? 0 : r.amountVnd(), r.landM2() == null ? 0 : r.landM2(),
                    r.individualsCount() == null ? 0 : r.individualsCount(), r.dueOn());
            Recommendation match = stored.stream().filter(s -> wanted.equals(new RecommendationInput(
                    RecommendationKind.valueOf(s.kind), s.description, s.addressee, s.amountVnd, s.landM2,
                    s.individualsCount, s.dueOn))).findFirst().orElse(null);
            ids.add(match == null ? null : match.id);
            stored.remove(match);
        }
        return ids;
    }

    /** A published conclusion stays published at least the dated minimum number of days. */
    private void checkPublication(Conclude request) {
        if (!request.published()) {
            if (request.publishedFrom() != null || request.publishedUntil() != null) {
                throw field("published", "conclusion.dates-unpublished");
            }
            return;
        }
        if (request.publishedFrom() == null) {
            throw field("publishedFrom", "conclusion.publication-dates-missing");
        }
        if (request.publishedUntil() == null) {
            throw field("publishedUntil", "conclusion.publication-dates-missing");
        }
        if (request.publishedFrom().isBefore(request.concludedOn())) {
            throw field("publishedFrom", "conclusion.published-before-issue");
        }
        if (request.publishedUntil().isBefore(request.publishedFrom())) {
            throw field("publishedUntil", "conclusion.publication-ends-before-start");
        }
        int minDays = reference.parameter("CONCLUSION_PUBLICATION_MIN_DAYS", request.concludedOn());
        long days = ChronoUnit.DAYS.between(request.publishedFrom(), request.publishedUntil()) + 1;
        if (days < minDays) {
            throw field("publishedUntil", "conclusion.publication-too-short", minDays);
        }
    }

    private static long add(long total, long value, String field) {
        try {
            return Math.addExact(total, value);
        } catch (ArithmeticException e) {
            throw ProblemException.unprocessable("amount-overflow", List.of(Problem.FieldError.of(field,
                    "conclusion.amount-overflow.error")), "conclusion.amount-overflow");
        }
    }

    /** Compares a conclusion request with the stored one; recommendations and transfers in any order. */
    private NaturalKeyMatch concludedAlike(Conclusion c, Conclude request) {
        List<Item> items = store.items(c.inspectionId).stream().map(i -> new Item(i.subject, i.finding, i.violationsVnd, i.violationsLandM2)).toList();
        List<RecommendationInput> recommendations = store.recommendations(c.inspectionId).stream().map(r -> new RecommendationInput(RecommendationKind.valueOf(r.kind), r.description,
                        r.addressee, r.amountVnd, r.landM2, r.individualsCount, r.dueOn)).toList();
        List<TransferInput> transfers = store.transfers(c.inspectionId).stream()
                .map(t -> new TransferInput(t.matter, t.toBody, t.transferredOn)).toList();
        List<RecommendationInput> requested = orEmpty(request.recommendations()).stream()
                .map(r -> new RecommendationInput(r.kind(), r.description(), r.addressee(),
                        r.amountVnd() == null ? 0 : r.amountVnd(), r.landM2() == null ? 0 : r.landM2(),
                        r.individualsCount() == null ? 0 : r.individualsCount(), r.dueOn())).toList();
        return NaturalKeyMatch.compare()
                .field("concludedOn", request.concludedOn(), c.concludedOn)
                .field("assessment", request.assessment(), c.assessment)
                .field("unitsCovered", request.unitsCovered(), c.unitsCovered)
                .field("items", request.items(), items)
                .field("recommendations", inAnyOrder(requested), inAnyOrder(recommendations))
                .field("responsibleOrganisations", orEmpty(request.responsibleOrganisations()),
                        store.responsible(c.responsibleOrganisations))
                .field("responsibleIndividuals", orEmpty(request.responsibleIndividuals()),
                        store.responsible(c.responsibleIndividuals))
                .field("transfers", inAnyOrder(orEmpty(request.transfers())), inAnyOrder(transfers))
                .field("published", request.published(), c.published)
                .field("publishedFrom", request.publishedFrom(), c.publishedFrom)
                .field("publishedUntil", request.publishedUntil(), c.publishedUntil);
    }

    private static <T> List<T> inAnyOrder(List<T> records) {
        return records.stream().sorted(java.util.Comparator.comparing(Object::toString)).toList();
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    /**
     * A 422 {@code invalid-conclusion} naming {@code field}: its detail is {@code key} in the message bundles and the
     * field's message {@code key.error}, both with {@code args}.
     */
    static ProblemException field(String field, String key, Object... args) {
        return ProblemException.unprocessable("invalid-conclusion", List.of(Problem.FieldError.of(field,
                key + ".error", args)), key, args);
    }
}
