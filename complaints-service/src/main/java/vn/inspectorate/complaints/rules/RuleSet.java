package vn.inspectorate.complaints.rules;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/** The legal numbers in force from {@code effectiveFrom} until the next version. */
public record RuleSet(String version, LocalDate effectiveFrom, boolean pausedTimeCounts, Map<Rule, RuleValue> values) {

    public RuleValue get(Rule rule) {
        RuleValue v = values.get(rule);
        if (v == null) {
            throw new IllegalStateException("rule set " + version + " has no value for " + rule);
        }
        return v;
    }

    public Optional<RuleValue> find(Rule rule) {
        return Optional.ofNullable(values.get(rule));
    }
}
