package vn.inspectorate.declarations.ruleversions;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import vn.inspectorate.declarations.language.Refusals;
import vn.inspectorate.platform.problem.Problem.FieldError;
import vn.inspectorate.platform.time.VietnamTime;

/** The date rules every new rule version follows. */
final class RuleVersionRules {

    /**
     * A version applies from today (Vietnam) on: declarations dated before were judged, or are judged, by the rules
     * of their day, and deadlines already run stay as they ran.
     */
    static void requireNotPast(LocalDate effectiveFrom) {
        LocalDate today = VietnamTime.today();
        if (effectiveFrom.isBefore(today)) {
            throw Refusals.unprocessable("effective-date-past", List.of(FieldError.of("effectiveFrom",
                    "error.rule.before-today", today.toString())), "rules.effective-date-past", today.toString());
        }
    }

    /** A version starts after the latest one's first day (409 {@code rule-version-order}). */
    static void requireAfter(LocalDate latestFrom, LocalDate effectiveFrom, String what) {
        if (!effectiveFrom.isAfter(latestFrom)) {
            throw Refusals.conflict("rule-version-order", Map.of("latestEffectiveFrom", latestFrom.toString()),
                    "rules.version-order", what, latestFrom.toString());
        }
    }

    private RuleVersionRules() {
    }
}
