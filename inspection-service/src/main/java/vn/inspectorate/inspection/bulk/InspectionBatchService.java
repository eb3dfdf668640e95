package vn.inspectorate.inspection.bulk;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.inspectorate.inspection.access.InspectorateAccess;
import vn.inspectorate.inspection.bulk.InspectionBatchApi.Batch;
import vn.inspectorate.inspection.bulk.InspectionBatchApi.InspectionRecord;
import vn.inspectorate.inspection.bulk.InspectionBatchApi.Item;
import vn.inspectorate.inspection.bulk.InspectionBatchApi.Outcome;
import vn.inspectorate.inspection.bulk.InspectionBatchApi.Result;
import vn.inspectorate.platform.naturalkey.NaturalKeyMatch;
import vn.inspectorate.platform.problem.Problem;
import vn.inspectorate.platform.problem.ProblemException;

/**
 * Writes a batch of inspection records and answers one result per item in order: a refused item writes nothing and
 * does not stop the others. Items are checked on their own first, then written in rounds of up to {@value #CHUNK}, each
 * in one transaction; a refusal inside a round rolls it back, the items before the refused one are written again
 * without it and the refused one is answered by a round of its own, so every item ends as it would have alone, after
 * the items before it.
 * <p>
 * Unlike the other services it does not run in its caller's transaction: the request's transaction holds only the
 * {@code Idempotency-Key}, and each round commits on its own ({@link InspectionRecordWriter#writeAll}), so that a
 * batch neither holds its records' locks to the end nor loses its committed rounds to a late failure.
 */
@ApplicationScoped
public class InspectionBatchService {

    /** Items written per transaction: one commit for many records, without holding their locks for a whole batch. */
    static final int CHUNK = 100;

    private final InspectionRecordWriter writer;
    private final InspectorateAccess access;
    private final Validator validator;

    InspectionBatchService(InspectionRecordWriter writer, InspectorateAccess access, Validator validator) {
        this.writer = writer;
        this.access = access;
        this.validator = validator;
    }

    public Result write(Batch batch) {
        if (batch.history()) {
            access.loadHistory();
        }
        List<InspectionRecord> records = batch.inspections();
        Item[] results = new Item[records.size()];
        List<Integer> checked = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            InspectionRecord item = records.get(i);
            String prefix = "inspections[" + i + "]";
            try {
                checkFields(item, prefix);
                if (batch.history()) {
                    HistoryWindow.requirePast(item, prefix);
                }
                checked.add(i);
            } catch (ProblemException e) {
                results[i] = refused(i, item, e);
            }
        }
        for (int from = 0; from < checked.size(); from += CHUNK) {
            writeRun(checked.subList(from, Math.min(from + CHUNK, checked.size())), records, batch.history(), results);
        }
        int created = 0;
        int existing = 0;
        int conflicts = 0;
        int rejected = 0;
        for (Item item : results) {
            switch (item.outcome()) {
                case CREATED -> created++;
                case EXISTING -> existing++;
                case CONFLICT -> conflicts++;
                case REJECTED -> rejected++;
            }
        }
        return new Result(created, existing, conflicts, rejected, List.of(results));
    }

    /**
     * Writes the items at {@code run} (indexes into {@code records}) in order. When one is refused, its round was
     * rolled back: the items before it are written again in a round of their own (which may itself meet a refusal if
     * another request changed what they meet), then the rest from the refused item on, which is answered by a round
     * it begins.
     */
    private void writeRun(List<Integer> run, List<InspectionRecord> records, boolean history, Item[] results) {
        int from = 0;
        while (from < run.size()) {
            List<Integer> rest = run.subList(from, run.size());
            try {
                List<InspectionRecordWriter.Recorded> written = writer.writeAll(
                        rest.stream().map(records::get).toList(), history);
                for (int k = 0; k < rest.size(); k++) {
                    int index = rest.get(k);
                    InspectionRecordWriter.Recorded one = written.get(k);
                    results[index] = new Item(index, decision(records.get(index)),
                            one.created() ? Outcome.CREATED : Outcome.EXISTING, one.id(), one.status(), null, null,
                            null);
                }
                return;
            } catch (InspectionRecordWriter.Refused refusal) {
                if (refusal.position() == 0) {
                    int index = rest.get(0);
                    results[index] = refused(index, records.get(index), refusal.problem());
                    from++;
                } else {
                    // the refused item is tried again first in the next round: its answer (e.g. a conflict naming
                    // an earlier item's id) must speak of what was committed, not of the rolled-back round
                    writeRun(rest.subList(0, refusal.position()), records, history, results);
                    from += refusal.position();
                }
            }
        }
    }

    private static String decision(InspectionRecord item) {
        return item == null || item.opening() == null ? null : item.opening().decisionNumber();
    }

    /** The item's answer for a refusal: a conflict naming the recorded one, or the problem its single call answers. */
    private static Item refused(int index, InspectionRecord item, ProblemException e) {
        String prefix = "inspections[" + index + "]";
        Problem problem = e.problem();
        if (problem.type().toString().endsWith("/" + NaturalKeyMatch.CONFLICT_TYPE)) {
            Map<String, Object> found = problem.extensions();
            @SuppressWarnings("unchecked")
            List<String> differing = ((List<String>) found.get("differingFields")).stream()
                    .map(f -> prefixed(prefix, f)).toList();
            return new Item(index, decision(item), Outcome.CONFLICT, null, null,
                    UUID.fromString(String.valueOf(found.get("existingId"))), differing, null);
        }
        return new Item(index, decision(item), Outcome.REJECTED, null, null, null, null, withPrefix(problem, prefix));
    }

    /** The item's Bean Validation constraints, as its single calls check their bodies: 400 naming the fields. */
    private void checkFields(InspectionRecord item, String prefix) {
        if (item == null) {
            throw ProblemException.invalid(List.of(Problem.FieldError.of(prefix, "bulk.item-null.error")),
                    "bulk.item-null");
        }
        var violations = validator.validate(item);
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations.stream()
                    .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                    .map(v -> new Problem.FieldError(v.getPropertyPath().toString(), v.getMessage())).toList(),
                    "bulk.item-invalid");
        }
    }

    private static Problem withPrefix(Problem problem, String prefix) {
        if (problem.errors() == null || problem.errors().isEmpty()) {
            return problem;
        }
        return problem.withErrors(problem.errors().stream()
                .map(f -> new Problem.FieldError(prefixed(prefix, f.field()), f.message(), f.text())).toList());
    }

    private static String prefixed(String prefix, String field) {
        return field.startsWith(prefix) ? field : prefix + "." + field;
    }
}
