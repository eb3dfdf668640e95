package vn.inspectorate.declarations.rules;

/**
 * The codes of {@code rule_parameter} ({@link RuleData}'s constants), with the values a new version may take. The
 * bounds are sanity limits against a slip of the keyboard, wider than any the law has used.
 */
public enum ParameterCode {
    INCREASE_EXPLANATION_THRESHOLD(1, ParameterCode.MAX_VND),
    MOVABLE_ITEM_THRESHOLD(1, ParameterCode.MAX_VND),
    FIRST_TIME_DEADLINE_DAYS(1, 365),
    ANNUAL_DEADLINE_MONTH(1, 12),
    ANNUAL_DEADLINE_DAY(1, 31),
    REMINDERS_BEFORE_VIOLATION(1, 10),
    RANDOM_VERIFICATION_PERCENT(0, 100),
    // a risk score is at most 100 (RedFlagEngine.riskScore)
    VERIFICATION_RISK_SCORE(0, 100),
    PUBLICATION_DAYS(1, 365);

    /** A thousand trillion VND: far above any threshold, and every product with it stays within a long. */
    static final long MAX_VND = 1_000_000_000_000_000L;

    private final long min;
    private final long max;

    ParameterCode(long min, long max) {
        this.min = min;
        this.max = max;
    }

    public long min() {
        return min;
    }

    public long max() {
        return max;
    }
}
