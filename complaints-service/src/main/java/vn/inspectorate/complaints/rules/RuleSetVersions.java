package vn.inspectorate.complaints.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.inspectorate.complaints.rules.RuleSetApi.Addition;
import vn.inspectorate.complaints.rules.RuleSetApi.NewRuleSet;
import vn.inspectorate.complaints.rules.RuleSetApi.RuleSetView;
import vn.inspectorate.complaints.rules.RuleSetApi.RuleValueBody;
import vn.inspectorate.platform.naturalkey.Written;
import vn.inspectorate.platform.naturalkey.NaturalKeyMatch;
import vn.inspectorate.platform.problem.Problem;
import vn.inspectorate.platform.problem.ProblemException;
import vn.inspectorate.platform.security.CallerScope;
import vn.inspectorate.platform.time.VietnamTime;

/**
 * New versions of the legal clocks of cases, from an effective date. A set is never changed once added: a case keeps
 * the version in force on its receipt date ({@code citizen_case.rule_set_version}), so adding one leaves every case
 * already filed as it was, and only cases received from its date on are judged by it.
 */
@ApplicationScoped
public class RuleSetVersions {

    private final EntityManager em;
    private final ObjectMapper mapper;
    private final CallerScope caller;
    private final RuleBook ruleBook;

    RuleSetVersions(EntityManager em, ObjectMapper mapper, CallerScope caller, RuleBook ruleBook) {
        this.em = em;
        this.mapper = mapper;
        this.caller = caller;
        this.ruleBook = ruleBook;
    }

    /**
     * Adds the set, records who added it, when and why, and has this instance's rule book read the versions again
     * once the transaction commits. The same set again (same version, date and values) answers it; the version or
     * the date of another set with other content is a 409 {@code natural-key-conflict}; a date not after the latest
     * set's a 409 {@code rule-version-order}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Written<RuleSetView> add(NewRuleSet request) {
        List<RuleValueBody> values = RuleSetValidation.validated(request.values());
        // one writer at a time: the order check reads the latest date
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext('rule_set'))").getSingleResult();
        String version = request.version();
        String legalBasis = request.legalBasis().strip();
        RuleSetView existing = find("version = ?1", version);
        if (existing == null) {
            existing = find("effective_from = ?1", request.effectiveFrom());
        }
        if (existing != null) {
            NaturalKeyMatch.compare().field("version", version, existing.version())
                    .field("effectiveFrom", request.effectiveFrom(), existing.effectiveFrom())
                    .field("pausedTimeCounts", request.pausedTimeCounts(), existing.pausedTimeCounts())
                    .field("legalBasis", legalBasis, existing.legalBasis())
                    .field("values", values, existing.values())
                    .requireSame("A rule set", "version or effectiveFrom", existing.version());
            return Written.existing(existing);
        }
        LocalDate latest = toDate(em.createNativeQuery("select max(effective_from) from rule_set").getSingleResult());
        if (latest != null && !request.effectiveFrom().isAfter(latest)) {
            throw ProblemException.conflict("rule-version-order", "The latest rule set applies from " + latest
                    + "; a new version starts after it.", Map.of("latestEffectiveFrom", latest.toString()));
        }
        LocalDate today = VietnamTime.today();
        if (!request.effectiveFrom().isAfter(today)) {
            // cases already received from that date were judged by the set then in force and keep it
            throw ProblemException.unprocessable("rule-set-not-in-future", "A new rule set applies from a date "
                    + "after today (" + today + "): cases already received keep the rules they were judged by.",
                    List.of(new Problem.FieldError("effectiveFrom", "must be after " + today)));
        }
        em.createNativeQuery("""
                insert into rule_set (version, effective_from, paused_time_counts, legal_basis)
                values (?1, ?2, ?3, ?4)""").setParameter(1, version).setParameter(2, request.effectiveFrom())
                .setParameter(3, request.pausedTimeCounts()).setParameter(4, legalBasis).executeUpdate();
        for (RuleValueBody v : values) {
            em.createNativeQuery("""
                    insert into rule_value (rule_set_version, rule, unit, normal_value, complex_value, remote_value,
                        remote_complex_value) values (?1, ?2, ?3, ?4, ?5, ?6, ?7)""")
                    .setParameter(1, version).setParameter(2, v.rule().name()).setParameter(3, v.unit().name())
                    .setParameter(4, v.normal()).setParameter(5, v.complex()).setParameter(6, v.remote())
                    .setParameter(7, v.remoteComplex()).executeUpdate();
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("request", request);
        details.put("previousEffectiveFrom", latest);
        em.createNativeQuery("""
                insert into rule_set_change (id, kind, rule_set_version, changed_by, changed_at, reason, details)
                values (?1, 'RULE_SET_ADDED', ?2, ?3, ?4, ?5, cast(?6 as jsonb))""")
                .setParameter(1, UUID.randomUUID()).setParameter(2, version).setParameter(3, caller.subject())
                .setParameter(4, OffsetDateTime.now(ZoneOffset.UTC)).setParameter(5, request.reason().strip())
                .setParameter(6, json(details)).executeUpdate();
        ruleBook.reloadAfterCommit();
        return Written.created(find("version = ?1", version));
    }

    /** Every set, oldest first, with its values and who added it. */
    public List<RuleSetView> list() {
        return sets(null, null);
    }

    /** One set by version; a 404 when there is none. */
    public RuleSetView get(String version) {
        RuleSetView set = find("version = ?1", version);
        if (set == null) {
            throw ProblemException.notFound("Rule set " + version);
        }
        return set;
    }

    private RuleSetView find(String condition, Object value) {
        List<RuleSetView> found = sets(condition, value);
        return found.isEmpty() ? null : found.get(0);
    }

    /** The sets matching {@code condition} on {@code rule_set} (all when null), with the next set's date for their end. */
    @SuppressWarnings("unchecked")
    private List<RuleSetView> sets(String condition, Object value) {
        var query = em.createNativeQuery("""
                select s.version, s.effective_from, s.next_from, s.paused_time_counts, s.legal_basis,
                       c.changed_by, c.changed_at, c.reason
                from (select r.*, lead(effective_from) over (order by effective_from) as next_from from rule_set r) s
                left join rule_set_change c on c.rule_set_version = s.version and c.kind = 'RULE_SET_ADDED'
                """ + (condition == null ? "" : "where s." + condition + "\n") + "order by s.effective_from");
        if (condition != null) {
            query.setParameter(1, value);
        }
        List<Object[]> heads = query.getResultList();
        if (heads.isEmpty()) {
            return List.of();
        }
        // a dozen rows per set, and a few sets: read them all
        Map<String, List<RuleValueBody>> values = new LinkedHashMap<>();
        for (Object[] r : (List<Object[]>) em.createNativeQuery("""
                select rule_set_version, rule, unit, normal_value, complex_value, remote_value, remote_complex_value
                from rule_value""").getResultList()) {
            values.computeIfAbsent((String) r[0], k -> new ArrayList<>()).add(new RuleValueBody(
                    Rule.valueOf((String) r[1]), DayUnit.valueOf((String) r[2]), integer(r[3]), integer(r[4]),
                    integer(r[5]), integer(r[6])));
        }
        return heads.stream().map(h -> {
            LocalDate next = toDate(h[2]);
            List<RuleValueBody> of = values.getOrDefault((String) h[0], List.of()).stream()
                    .sorted(Comparator.comparing(RuleValueBody::rule)).toList();
            Addition added = h[5] == null ? null : new Addition((String) h[5], time(h[6]), (String) h[7]);
            return new RuleSetView((String) h[0], toDate(h[1]), next == null ? null : next.minusDays(1),
                    (Boolean) h[3], (String) h[4], of, added);
        }).toList();
    }

    private String json(Object details) {
        try {
            return mapper.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot record a rule set change", e);
        }
    }

    private static Integer integer(Object o) {
        return o == null ? null : ((Number) o).intValue();
    }

    private static LocalDate toDate(Object o) {
        return o == null ? null : o instanceof Date d ? d.toLocalDate() : (LocalDate) o;
    }

    private static OffsetDateTime time(Object value) {
        if (value instanceof OffsetDateTime t) {
            return t.withOffsetSameInstant(ZoneOffset.UTC);
        }
        if (value instanceof Instant i) {
            return i.atOffset(ZoneOffset.UTC);
        }
        return ((Timestamp) value).toInstant().atOffset(ZoneOffset.UTC);
    }
}
