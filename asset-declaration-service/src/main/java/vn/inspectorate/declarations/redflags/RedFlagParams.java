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
                errors.add(new FieldError(field + "." + e.getKey(), "required by " + ruleId));
            } else if (value < e.getValue().min() || value > e.getValue().max()) {
                errors.add(new FieldError(field + "." + e.getKey(), "must be between " + e.getValue().min() + " and "
                        + e.getValue().max()));
            }
        }
        Set<String> unread = new TreeSet<>(params.keySet());
        unread.removeAll(expected.keySet());
        for (String key : unread) {
            errors.add(new FieldError(field + "." + key, "not a parameter of " + ruleId + " (it reads "
                    + (expected.isEmpty() ? "none" : String.join(", ", new TreeSet<>(expected.keySet()))) + ")"));
        }
        return errors;
    }

    private RedFlagParams() {
    }
}
