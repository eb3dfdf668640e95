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
 * Writes a batch of inspection records one by one, each in its own transaction, and answers one result per item in
 * order: a refused item writes nothing and does not stop the others.
 */
@ApplicationScoped
public class InspectionBatchService {

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
        List<Item> results = new ArrayList<>(batch.inspections().size());
        for (int i = 0; i < batch.inspections().size(); i++) {
            results.add(writeOne(i, batch.inspections().get(i), batch.history()));
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
        return new Result(created, existing, conflicts, rejected, results);
    }

    private Item writeOne(int index, InspectionRecord item, boolean history) {
        String prefix = "inspections[" + index + "]";
        String decision = item == null || item.opening() == null ? null : item.opening().decisionNumber();
        try {
            checkFields(item, prefix);
            if (history) {
                HistoryWindow.requirePast(item, prefix);
            }
            var written = writer.write(item, history);
            return new Item(index, decision, written.created() ? Outcome.CREATED : Outcome.EXISTING,
                    written.value().id, written.value().status, null, null, null);
        } catch (ProblemException e) {
            Problem problem = e.problem();
            if (problem.type().toString().endsWith("/" + NaturalKeyMatch.CONFLICT_TYPE)) {
                Map<String, Object> found = problem.extensions();
                @SuppressWarnings("unchecked")
                List<String> differing = ((List<String>) found.get("differingFields")).stream()
                        .map(f -> prefixed(prefix, f)).toList();
                return new Item(index, decision, Outcome.CONFLICT, null, null,
                        UUID.fromString(String.valueOf(found.get("existingId"))), differing, null);
            }
            return new Item(index, decision, Outcome.REJECTED, null, null, null, null, withPrefix(problem, prefix));
        }
    }

    /** The item's Bean Validation constraints, as its single calls check their bodies: 400 naming the fields. */
    private void checkFields(InspectionRecord item, String prefix) {
        if (item == null) {
            throw ProblemException.invalid("An item is an inspection record.", List.of(
                    new Problem.FieldError(prefix, "must not be null")));
        }
        var violations = validator.validate(item);
        if (!violations.isEmpty()) {
            throw ProblemException.invalid("The item is not a valid inspection record.", violations.stream()
                    .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                    .map(v -> new Problem.FieldError(v.getPropertyPath().toString(), v.getMessage())).toList());
        }
    }

    private static Problem withPrefix(Problem problem, String prefix) {
        if (problem.errors() == null || problem.errors().isEmpty()) {
            return problem;
        }
        return problem.withErrors(problem.errors().stream()
                .map(f -> new Problem.FieldError(prefixed(prefix, f.field()), f.message())).toList());
    }

    private static String prefixed(String prefix, String field) {
        return field.startsWith(prefix) ? field : prefix + "." + field;
    }
}
