package vn.inspectorate.declarations.redflags;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import vn.inspectorate.declarations.rules.RuleDataConfig;
import vn.inspectorate.platform.reference.ReferenceSnapshot;

/**
 * Runs every red-flag rule in force on a declaration date against a declaration's figures. The rule versions are
 * read whole and kept; an admin's new version in this instance is read at once after its commit
 * ({@link #invalidate()}), one made through another replica within {@link RuleDataConfig#maxAge()}.
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

    private final EntityManager em;
    private final ObjectMapper mapper;
    /** Rule id (in order) → its versions. */
    private final ReferenceSnapshot<Map<String, List<Stored>>> versions;

    RedFlagEngine(EntityManager em, ObjectMapper mapper, RuleDataConfig config) {
        this.em = em;
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

    @SuppressWarnings("unchecked")
    private Map<String, List<Stored>> load() {
        List<Object[]> rows = em.createNativeQuery("""
                select rule_id, version, weight, params::text, effective_from, effective_to from red_flag_rule""")
                .getResultList();
        Map<String, List<Stored>> byRule = new TreeMap<>();
        for (Object[] r : rows) {
            JsonNode params;
            try {
                params = mapper.readTree((String) r[3]);
            } catch (Exception e) {
                throw new IllegalStateException("red-flag rule " + r[0] + " has unreadable params", e);
            }
            byRule.computeIfAbsent((String) r[0], id -> new ArrayList<>()).add(new Stored(new RuleVersion(
                    (String) r[0], ((Number) r[1]).intValue(), ((Number) r[2]).intValue(), params),
                    date(r[4]), date(r[5])));
        }
        return byRule;
    }

    private static LocalDate date(Object o) {
        return o == null ? null : o instanceof Date d ? d.toLocalDate() : (LocalDate) o;
    }
}
