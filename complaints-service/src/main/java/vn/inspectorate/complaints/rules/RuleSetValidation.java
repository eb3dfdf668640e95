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
                errors.add(Problem.FieldError.of(at + "rule", "rules.listed-twice.error", v.rule().name()));
                continue;
            }
            check(v, at, errors);
        }
        Set<Rule> missing = EnumSet.allOf(Rule.class);
        missing.removeAll(byRule.keySet());
        if (!missing.isEmpty()) {
            errors.add(Problem.FieldError.of("values", "rules.missing.error", missing.stream()
                    .map(Rule::name).collect(Collectors.joining(", "))));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable("invalid-rule-set", errors, "rules.invalid");
        }
        return byRule.values().stream().sorted(Comparator.comparing(RuleValueBody::rule)).toList();
    }

    private static void check(RuleValueBody v, String at, List<Problem.FieldError> errors) {
        Rule rule = v.rule();
        boolean count = COUNTS.contains(rule);
        if (count && v.unit() != DayUnit.COUNT) {
            errors.add(Problem.FieldError.of(at + "unit", "rules.unit-count.error", rule.name()));
        } else if (!count && v.unit() == DayUnit.COUNT) {
            errors.add(Problem.FieldError.of(at + "unit", "rules.unit-days.error", rule.name()));
        } else if (rule == Rule.DUPLICATE_WINDOW && v.unit() != DayUnit.CALENDAR_DAYS) {
            errors.add(Problem.FieldError.of(at + "unit", "rules.unit-duplicate-window.error"));
        }
        int normal = v.normal();
        switch (rule) {
            case MASS_CASE_MIN_COMPLAINANTS -> {
                if (normal < 2) {
                    errors.add(Problem.FieldError.of(at + "normal", "rules.mass-case.error"));
                }
            }
            case DUPLICATE_SUBJECT_SIMILARITY_PERCENT -> {
                if (normal < 1 || normal > 100) {
                    errors.add(Problem.FieldError.of(at + "normal", "rules.percentage.error"));
                }
            }
            case DENUNCIATION_MAX_EXTENSIONS -> {
                if (normal > 10) {
                    errors.add(Problem.FieldError.of(at + "normal", "rules.max-extensions.error"));
                }
            }
            default -> {
                if (normal < 1) {
                    errors.add(Problem.FieldError.of(at + "normal", "rules.time-limit.error"));
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
            errors.add(Problem.FieldError.of(field, "rules.no-variant.error", rule.name()));
        }
    }

    private static void atLeast(Integer value, int floor, String field, String what, List<Problem.FieldError> errors) {
        if (value != null && value < floor) {
            errors.add(Problem.FieldError.of(field, "rules.shorter-than.error", what, String.valueOf(floor)));
        }
    }
}
