package vn.inspectorate.declarations.ruleversions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import vn.inspectorate.declarations.redflags.RedFlagParams;
import vn.inspectorate.declarations.ruleversions.RuleVersionsApi.NewRedFlagVersion;
import vn.inspectorate.declarations.ruleversions.RuleVersionsApi.RedFlagVersionView;
import vn.inspectorate.declarations.ruleversions.RuleVersionsApi.Written;
import vn.inspectorate.platform.naturalkey.NaturalKeyMatch;
import vn.inspectorate.platform.problem.Problem.FieldError;
import vn.inspectorate.platform.problem.ProblemException;

/**
 * New versions of the red-flag rules ({@code red_flag_rule}), from an effective date, numbered on from the latest.
 * The previous version ends the day before; flags already raised keep the version they were raised under, and a
 * declaration dated before the date is still judged by the old version.
 */
@ApplicationScoped
public class RedFlagVersions {

    private static final TypeReference<TreeMap<String, Long>> PARAMS = new TypeReference<>() {
    };

    private final EntityManager em;
    private final ObjectMapper mapper;
    private final RuleChanges changes;

    RedFlagVersions(EntityManager em, ObjectMapper mapper, RuleChanges changes) {
        this.em = em;
        this.mapper = mapper;
        this.changes = changes;
    }

    /** Adds the version; the same version again answers it (200), another one from the same date is a 409. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Written<RedFlagVersionView> add(NewRedFlagVersion v) {
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext('red_flag_rule'))").getSingleResult();
        List<RedFlagVersionView> versions = query(v.ruleId());
        if (versions.isEmpty() || !RedFlagParams.implemented(v.ruleId())) {
            throw ProblemException.unprocessable("unknown-red-flag-rule", "There is no red-flag rule " + v.ruleId()
                    + "; a new version is of an existing rule.", List.of(new FieldError("ruleId", "no such rule")));
        }
        List<FieldError> errors = RedFlagParams.errors(v.ruleId(), v.params(), "params");
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable("invalid-rule-params", "The params are not what " + v.ruleId()
                    + " reads; nothing was changed.", errors);
        }
        TreeMap<String, Long> params = new TreeMap<>(v.params());
        for (RedFlagVersionView existing : versions) {
            if (existing.effectiveFrom().equals(v.effectiveFrom())) {
                NaturalKeyMatch.compare().field("weight", v.weight(), existing.weight())
                        .field("params", params, existing.params())
                        .field("description", v.description().strip(), existing.description())
                        .requireSame("A red-flag rule version", "ruleId and effectiveFrom",
                                v.ruleId() + "@" + existing.version());
                return new Written<>(false, existing);
            }
        }
        RedFlagVersionView latest = versions.stream().max(Comparator.comparing(RedFlagVersionView::effectiveFrom)
                .thenComparingInt(RedFlagVersionView::version)).orElseThrow();
        RuleVersionRules.requireNotPast(v.effectiveFrom());
        RuleVersionRules.requireAfter(latest.effectiveFrom(), v.effectiveFrom(), "red-flag rule " + v.ruleId());

        int version = versions.stream().mapToInt(RedFlagVersionView::version).max().orElseThrow() + 1;
        int closed = em.createNativeQuery("""
                update red_flag_rule set effective_to = ?1
                where rule_id = ?2 and (effective_to is null or effective_to >= ?3)""")
                .setParameter(1, v.effectiveFrom().minusDays(1)).setParameter(2, v.ruleId())
                .setParameter(3, v.effectiveFrom()).executeUpdate();
        em.createNativeQuery("""
                insert into red_flag_rule (rule_id, version, effective_from, weight, params, description)
                values (?1, ?2, ?3, ?4, cast(?5 as jsonb), ?6)""")
                .setParameter(1, v.ruleId()).setParameter(2, version).setParameter(3, v.effectiveFrom())
                .setParameter(4, v.weight()).setParameter(5, json(params)).setParameter(6, v.description().strip())
                .executeUpdate();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("request", v);
        details.put("version", version);
        details.put("previousEndsOn", closed == 0 ? null : v.effectiveFrom().minusDays(1));
        changes.record("RED_FLAG_RULE_ADDED", "red-flag-rule:" + v.ruleId(), v.reason(), details);
        return new Written<>(true, new RedFlagVersionView(v.ruleId(), version, v.effectiveFrom(), null, v.weight(),
                params, v.description().strip()));
    }

    /** Every version of every rule, by rule id and version, as committed. */
    public List<RedFlagVersionView> all() {
        return query(null);
    }

    @SuppressWarnings("unchecked")
    private List<RedFlagVersionView> query(String ruleId) {
        List<Object[]> rows = em.createNativeQuery("""
                select rule_id, version, effective_from, effective_to, weight, params::text, description
                from red_flag_rule where cast(?1 as text) is null or rule_id = cast(?1 as text)
                order by rule_id, version""")
                .setParameter(1, ruleId).getResultList();
        return rows.stream().map(r -> new RedFlagVersionView((String) r[0], ((Number) r[1]).intValue(), date(r[2]),
                date(r[3]), ((Number) r[4]).intValue(), params((String) r[5]), (String) r[6])).toList();
    }

    private TreeMap<String, Long> params(String json) {
        try {
            return mapper.readValue(json, PARAMS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable red-flag rule params", e);
        }
    }

    private String json(Map<String, Long> params) {
        try {
            return mapper.writeValueAsString(params);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static LocalDate date(Object o) {
        return o == null ? null : o instanceof Date d ? d.toLocalDate() : (LocalDate) o;
    }
}
