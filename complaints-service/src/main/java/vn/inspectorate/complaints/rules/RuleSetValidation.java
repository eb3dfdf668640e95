package vn.inspectorate.complaints.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import vn.inspectorate.complaints.rules.RuleSetApi.RuleValueBody;
import vn.inspectorate.platform.problem.Problem;
import vn.inspectorate.platform.problem.ProblemException;

/** What a new rule set must be before it is added: the checks of its values, each refusal naming its field. */
final class RuleSetValidation {

    /** Rules counted, not durations. */
    static final Set<Rule> COUNTS = EnumSet.of(Rule.DENUNCIATION_MAX_EXTENSIONS, Rule.MASS_CASE_MIN_COMPLAINANTS,
            Rule.DUPLICATE_SUBJECT_SIMILARITY_PERCENT);
    /** The only rules read with their complex and remote variants (CaseClocks); elsewhere a variant would be ignored. */
    static final Set<Rule> WITH_VARIANTS = EnumSet.of(Rule.COMPLAINT_FIRST_RESOLUTION,
            Rule.SECOND_COMPLAINT_WINDOW, Rule.COMPLAINT_SECOND_RESOLUTION);

    private RuleSetValidation() {
    }

    /**
     * The values in the order of the rules, once checked: every rule exactly once, each in the unit it is counted in,
     * time limits of at least a day, variants only where the clocks read them and never shorter than the normal
     * limit (a complex case or a remote area gets more time, not less). A 422 naming every offending field.
     */
    static List<RuleValueBody> validated(List<RuleValueBody> values) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Map<Rule, RuleValueBody> byRule = new EnumMap<>(Rule.class);
        for (int i = 0; i < values.size(); i++) {
            RuleValueBody v = values.get(i);
            String at = "values[" + i + "].";
            if (byRule.putIfAbsent(v.rule(), v) != null) {
                errors.add(new Problem.FieldError(at + "rule", v.rule() + " is listed more than once"));
                continue;
            }
            check(v, at, errors);
        }
        Set<Rule> missing = EnumSet.allOf(Rule.class);
        missing.removeAll(byRule.keySet());
        if (!missing.isEmpty()) {
            errors.add(new Problem.FieldError("values", "every rule is required; missing: " + missing.stream()
                    .map(Rule::name).collect(Collectors.joining(", "))));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable("invalid-rule-set", "The rule set cannot be added as sent.", errors);
        }
        return byRule.values().stream().sorted(Comparator.comparing(RuleValueBody::rule)).toList();
    }

    private static void check(RuleValueBody v, String at, List<Problem.FieldError> errors) {
        Rule rule = v.rule();
        boolean count = COUNTS.contains(rule);
        if (count && v.unit() != DayUnit.COUNT) {
            errors.add(new Problem.FieldError(at + "unit", rule + " is a count: COUNT"));
        } else if (!count && v.unit() == DayUnit.COUNT) {
            errors.add(new Problem.FieldError(at + "unit", rule + " is a time limit: CALENDAR_DAYS or WORKING_DAYS"));
        } else if (rule == Rule.DUPLICATE_WINDOW && v.unit() != DayUnit.CALENDAR_DAYS) {
            errors.add(new Problem.FieldError(at + "unit", "the duplicate window is counted in CALENDAR_DAYS"));
        }
        int normal = v.normal();
        switch (rule) {
            case MASS_CASE_MIN_COMPLAINANTS -> {
                if (normal < 2) {
                    errors.add(new Problem.FieldError(at + "normal", "a mass case has at least 2 complainants"));
                }
            }
            case DUPLICATE_SUBJECT_SIMILARITY_PERCENT -> {
                if (normal < 1 || normal > 100) {
                    errors.add(new Problem.FieldError(at + "normal", "a percentage from 1 to 100"));
                }
            }
            case DENUNCIATION_MAX_EXTENSIONS -> {
                if (normal > 10) {
                    errors.add(new Problem.FieldError(at + "normal", "at most 10 extensions"));
                }
            }
            default -> {
                if (normal < 1) {
                    errors.add(new Problem.FieldError(at + "normal", "a time limit of at least 1 day"));
                }
            }
        }
        if (!WITH_VARIANTS.contains(rule)) {
            variantNotRead(v.complex(), at + "complex", rule, errors);
            variantNotRead(v.remote(), at + "remote", rule, errors);
            variantNotRead(v.remoteComplex(), at + "remoteComplex", rule, errors);
            return;
        }
        atLeast(v.complex(), normal, at + "complex", "normal", errors);
        atLeast(v.remote(), normal, at + "remote", "normal", errors);
        // the limit a remote complex case gets when this variant is absent falls back like RuleValue.value does
        int complex = v.complex() != null ? v.complex() : normal;
        int remote = v.remote() != null ? v.remote() : normal;
        atLeast(v.remoteComplex(), complex, at + "remoteComplex", "complex", errors);
        atLeast(v.remoteComplex(), remote, at + "remoteComplex", "remote", errors);
    }

    private static void variantNotRead(Integer value, String field, Rule rule, List<Problem.FieldError> errors) {
        if (value != null) {
            errors.add(new Problem.FieldError(field, rule + " has no complex or remote variant"));
        }
    }

    private static void atLeast(Integer value, int floor, String field, String what, List<Problem.FieldError> errors) {
        if (value != null && value < floor) {
            errors.add(new Problem.FieldError(field, "must not be shorter than " + what + " (" + floor + ")"));
        }
    }
}
