package vn.inspectorate.declarations.redflags;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import vn.inspectorate.platform.problem.Problem.FieldError;

/** Checks the {@code params} of a new red-flag rule version against what the rule's logic reads. */
public final class RedFlagParams {

    /** Whether the rule id has logic here. */
    public static boolean implemented(String ruleId) {
        return RedFlagRules.LOGIC.containsKey(ruleId) && RedFlagRules.PARAMS.containsKey(ruleId);
    }

    /**
     * What is wrong with {@code params} for the rule, each naming {@code field}.&lt;key&gt;: a key the rule reads
     * missing or null, a key it does not read, a value out of its range. Empty when they are fine.
     */
    public static List<FieldError> errors(String ruleId, Map<String, Long> params, String field) {
        Map<String, RedFlagRules.Range> expected = RedFlagRules.PARAMS.get(ruleId);
        List<FieldError> errors = new ArrayList<>();
        for (var e : new java.util.TreeMap<>(expected).entrySet()) {
            Long value = params.get(e.getKey());
            if (value == null) {
                errors.add(FieldError.of(field + "." + e.getKey(), "error.rule-params.required", ruleId));
            } else if (value < e.getValue().min() || value > e.getValue().max()) {
                errors.add(FieldError.of(field + "." + e.getKey(), "error.between",
                        String.valueOf(e.getValue().min()), String.valueOf(e.getValue().max())));
            }
        }
        Set<String> unread = new TreeSet<>(params.keySet());
        unread.removeAll(expected.keySet());
        for (String key : unread) {
            errors.add(expected.isEmpty() ? FieldError.of(field + "." + key, "error.rule-params.reads-none", ruleId)
                    : FieldError.of(field + "." + key, "error.rule-params.not-read", ruleId,
                            String.join(", ", new TreeSet<>(expected.keySet()))));
        }
        return errors;
    }

    private RedFlagParams() {
    }
}
