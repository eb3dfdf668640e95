package vn.inspectorate.inspection.bulk;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import vn.inspectorate.platform.naturalkey.Written;
import vn.inspectorate.inspection.bulk.InspectionBatchApi.InspectionRecord;
import vn.inspectorate.inspection.bulk.InspectionBatchApi.Recovery;
import vn.inspectorate.inspection.conclusions.ConclusionService;
import vn.inspectorate.inspection.conclusions.FollowUpService;
import vn.inspectorate.inspection.inspections.Inspection;
import vn.inspectorate.inspection.inspections.InspectionOpening;
import vn.inspectorate.inspection.inspections.InspectionService;
import vn.inspectorate.inspection.inspections.InspectionStatus;
import vn.inspectorate.platform.problem.Problem;
import vn.inspectorate.platform.problem.ProblemException;

/**
 * Writes inspection records with their lifecycle through the single calls' service methods (so each step is validated
 * exactly as its call), in the order they happen. A step the inspection has already passed (a repeat of the item, or a
 * record started by single calls) is not repeated; the opening, the conclusion and the payments are compared by their
 * natural keys, so a repeat with other values is a conflict. A run of records shares one transaction: a refusal rolls
 * the whole run back and names the record refused, so the caller can write the records before it again without it.
 */
@ApplicationScoped
public class InspectionRecordWriter {

    /** Records after which a run's persistence context is flushed and emptied. */
    static final int DETACH_EVERY = 25;

    private final InspectionOpening opening;
    private final InspectionService inspections;
    private final ConclusionService conclusions;
    private final FollowUpService followUps;
    private final EntityManager em;

    InspectionRecordWriter(InspectionOpening opening, InspectionService inspections, ConclusionService conclusions,
            FollowUpService followUps, EntityManager em) {
        this.em = em;
        this.opening = opening;
        this.inspections = inspections;
        this.conclusions = conclusions;
        this.followUps = followUps;
    }

    /**
     * Writes {@code items} in order in one new transaction, answering each one's outcome; the first refused item rolls
     * the whole run back ({@link Refused} names it and carries its problem).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Recorded> writeAll(List<InspectionRecord> items, boolean history) {
        List<Recorded> written = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            Written<Inspection> one;
            try {
                one = write(items.get(i), history);
            } catch (ProblemException e) {
                throw new Refused(i, e);
            }
            written.add(new Recorded(one.created(), one.value().id, one.value().status));
            if ((i + 1) % DETACH_EVERY == 0) {
                // every flush checks all managed entities: detaching the run's finished records keeps it linear
                em.flush();
                em.clear();
            }
        }
        return written;
    }

    private Written<Inspection> write(InspectionRecord item, boolean history) {
        Written<Inspection> opened = step("opening", () -> opening.openRecord(item.opening(), history));
        Inspection inspection = opened.value();
        UUID id = inspection.id;
        if (item.start() != null && inspection.state() == InspectionStatus.OPENED) {
            inspection = step("start", () -> inspections.startRecord(id, item.start()));
        }
        if (item.report() != null && inspection.state().running()) {
            inspection = step("report", () -> inspections.submitReportRecord(id, item.report()));
        }
        if (item.conclusion() != null) {
            step("conclusion", () -> conclusions.concludeRecord(id, item.conclusion()));
        }
        if (item.recoveries() != null && !item.recoveries().isEmpty()) {
            pay(id, item);
        }
        if (item.closure() != null) {
            if (status(id) == InspectionStatus.CONCLUDED) {
                step("closure", () -> inspections.startFollowUpRecord(id));
            }
            if (status(id) != InspectionStatus.CLOSED) {
                step("closure", () -> followUps.closeRecord(id, item.closure().closedOn()));
            }
        }
        return new Written<>(opened.created(), inspections.visible(id));
    }

    /** A record written: whether this call opened its inspection, the inspection and its status after the record. */
    public record Recorded(boolean created, UUID id, String status) {
    }

    /** The record at {@code position} of a run was refused with {@code problem}; nothing of the run was written. */
    public static final class Refused extends RuntimeException {

        private final int position;
        private final transient ProblemException problem;

        Refused(int position, ProblemException problem) {
            super(problem.getMessage(), problem, false, false);
            this.position = position;
            this.problem = problem;
        }

        public int position() {
            return position;
        }

        public ProblemException problem() {
            return problem;
        }
    }

    /** Runs one step; the fields its refusal names are given the step's path in the item (e.g. conclusion.items[0]). */
    static <T> T step(String path, Supplier<T> call) {
        try {
            return call.get();
        } catch (ProblemException e) {
            List<Problem.FieldError> errors = e.problem().errors() == null ? List.of() : e.problem().errors().stream()
                    .map(f -> new Problem.FieldError(path + "." + f.field(), f.message(), f.text())).toList();
            Problem problem = e.problem().withErrors(errors);
            if (problem.extensions() != null && problem.extensions().get("differingFields") instanceof List<?> fields) {
                Map<String, Object> extensions = new HashMap<>(problem.extensions());
                extensions.put("differingFields", fields.stream().map(f -> path + "." + f).toList());
                problem = problem.withExtensions(extensions);
            }
            throw new ProblemException(problem);
        }
    }

    private void pay(UUID id, InspectionRecord item) {
        if (item.conclusion() == null) {
            throw ProblemException.unprocessable("recovery-without-conclusion", List.of(Problem.FieldError.of(
                    "conclusion", "bulk.recovery-without-conclusion.error")), "bulk.recovery-without-conclusion");
        }
        List<UUID> recommendations = conclusions.recommendationIds(id, item.conclusion().recommendations());
        for (int i = 0; i < item.recoveries().size(); i++) {
            Recovery recovery = item.recoveries().get(i);
            UUID recommendation = recovery.recommendation() < recommendations.size()
                    ? recommendations.get(recovery.recommendation()) : null;
            if (recommendation == null) {
                throw ProblemException.unprocessable("unknown-recommendation", List.of(Problem.FieldError.of(
                        "recoveries[" + i + "].recommendation", "bulk.unknown-recommendation.error")),
                        "bulk.unknown-recommendation");
            }
            step("recoveries[" + i + "].payment", () -> followUps.recordPayment(recommendation, recovery.payment()));
        }
    }

    private InspectionStatus status(UUID id) {
        return inspections.visible(id).state();
    }
}
