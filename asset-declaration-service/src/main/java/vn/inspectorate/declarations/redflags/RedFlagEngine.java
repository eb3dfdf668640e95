package vn.inspectorate.declarations.redflags;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import vn.inspectorate.declarations.rules.RuleDataConfig;
import vn.inspectorate.platform.reference.ReferenceSnapshot;
import vn.inspectorate.platform.sql.Sql;

/**
 * Runs every red-flag rule in force on a declaration date against a declaration's figures. The rule versions are
 * read whole and kept; an admin's new version in this instance is read at once after its commit
 * ({@link #invalidate()}), one made through another instance when its event arrives ({@code RuleChanges#changed}),
 * and {@link RuleDataConfig#maxAge()} is the backstop (a migration, an event missed).
 */
@ApplicationScoped
public class RedFlagEngine {

    /** One rule version as stored. */
    public record RuleVersion(String ruleId, int version, int weight, JsonNode params) {
    }

    private record Stored(RuleVersion rule, LocalDate from, LocalDate to) {
        boolean inForceOn(LocalDate on) {
            return !from.isAfter(on) && (to == null || !to.isBefore(on));
        }
    }

    /** Of the versions in force on a date, the latest begun, then the highest version. */
    private static final Comparator<Stored> LATEST = Comparator.comparing(Stored::from)
            .thenComparingInt(s -> s.rule().version());

    private static final String RULES = """
            select rule_id, version, weight, params::text, effective_from, effective_to from red_flag_rule""";

    private final Sql sql;
    private final ObjectMapper mapper;
    /** Rule id (in order) → its versions. */
    private final ReferenceSnapshot<Map<String, List<Stored>>> versions;

    RedFlagEngine(Sql sql, ObjectMapper mapper, RuleDataConfig config) {
        this.sql = sql;
        this.mapper = mapper;
        this.versions = new ReferenceSnapshot<>(config.maxAge(), this::load);
    }

    /** The version of each rule in force on {@code on} (by its effective dates), by rule id. */
    public List<RuleVersion> rulesInForce(LocalDate on) {
        List<RuleVersion> rules = new ArrayList<>();
        for (List<Stored> ofRule : versions.get().values()) {
            ofRule.stream().filter(s -> s.inForceOn(on)).max(LATEST).ifPresent(s -> rules.add(s.rule()));
        }
        return rules;
    }

    /** Reads the rule versions again at the next use (after a change committed). */
    public void invalidate() {
        versions.invalidate();
    }

    public List<RaisedFlag> evaluate(DeclarationFigures figures, LocalDate on) {
        List<RaisedFlag> raised = new ArrayList<>();
        for (RuleVersion rule : rulesInForce(on)) {
            var logic = RedFlagRules.LOGIC.get(rule.ruleId());
            if (logic == null) {
                throw new IllegalStateException("red-flag rule " + rule.ruleId() + " has no implementation");
            }
            logic.apply(figures, rule.params()).ifPresent(f ->
                    raised.add(new RaisedFlag(rule.ruleId(), rule.version(), rule.weight(), f)));
        }
        return raised;
    }

    /** The risk score: the weights of the raised flags, at most 100. */
    public static int riskScore(List<RaisedFlag> flags) {
        return Math.min(100, flags.stream().mapToInt(RaisedFlag::weight).sum());
    }

    private Map<String, List<Stored>> load() {
        Map<String, List<Stored>> byRule = new TreeMap<>();
        for (Stored s : sql.query(RULES, List.of(), rs -> new Stored(new RuleVersion(rs.getString(1), rs.getInt(2),
                rs.getInt(3), params(rs.getString(1), rs.getString(4))), rs.getObject(5, LocalDate.class),
                rs.getObject(6, LocalDate.class)))) {
            byRule.computeIfAbsent(s.rule().ruleId(), id -> new ArrayList<>()).add(s);
        }
        return byRule;
    }

    private JsonNode params(String ruleId, String json) {
        try {
            return mapper.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException("red-flag rule " + ruleId + " has unreadable params", e);
        }
    }
}
