package vn.inspectorate.declarations.ruleversions;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import vn.inspectorate.platform.problem.Problem.FieldError;
import vn.inspectorate.platform.problem.ProblemException;
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
            throw ProblemException.unprocessable("effective-date-past", "A new rule version applies from today ("
                    + today + ") or later; declarations dated before keep the rules of their day.",
                    List.of(new FieldError("effectiveFrom", "before today " + today)));
        }
    }

    /** A version starts after the latest one's first day (409 {@code rule-version-order}). */
    static void requireAfter(LocalDate latestFrom, LocalDate effectiveFrom, String what) {
        if (!effectiveFrom.isAfter(latestFrom)) {
            throw ProblemException.conflict("rule-version-order", "The latest version of " + what + " applies from "
                    + latestFrom + "; a new version starts after it.",
                    Map.of("latestEffectiveFrom", latestFrom.toString()));
        }
    }

    private RuleVersionRules() {
    }
}
