package vn.inspectorate.declarations.redflags;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Runs every red-flag rule in force on a declaration date against a declaration's figures. */
@ApplicationScoped
public class RedFlagEngine {

    /** One rule version as stored. */
    public record RuleVersion(String ruleId, int version, int weight, JsonNode params) {
    }

    private final EntityManager em;
    private final ObjectMapper mapper;

    RedFlagEngine(EntityManager em, ObjectMapper mapper) {
        this.em = em;
        this.mapper = mapper;
    }

    /** The version of each rule in force on {@code on}. */
    public List<RuleVersion> rulesInForce(LocalDate on) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select distinct on (rule_id) rule_id, version, weight, params::text from red_flag_rule
                where effective_from <= ?1 and (effective_to is null or effective_to >= ?1)
                order by rule_id, effective_from desc, version desc""")
                .setParameter(1, on).getResultList();
        List<RuleVersion> rules = new ArrayList<>();
        for (Object[] r : rows) {
            try {
                rules.add(new RuleVersion((String) r[0], ((Number) r[1]).intValue(), ((Number) r[2]).intValue(),
                        mapper.readTree((String) r[3])));
            } catch (Exception e) {
                throw new IllegalStateException("red-flag rule " + r[0] + " has unreadable params", e);
            }
        }
        return rules;
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
}
