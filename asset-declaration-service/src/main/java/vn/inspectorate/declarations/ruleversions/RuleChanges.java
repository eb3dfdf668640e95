package vn.inspectorate.declarations.ruleversions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Synchronization;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.inspectorate.declarations.redflags.RedFlagEngine;
import vn.inspectorate.declarations.ruleversions.RuleVersionsApi.ChangeView;
import vn.inspectorate.declarations.rules.RuleData;
import vn.inspectorate.platform.security.CallerScope;
import vn.inspectorate.platform.time.VietnamTime;

/** The record of every rule change: who made it, when, why, and what it changed (as JSON). Append-only. */
@ApplicationScoped
public class RuleChanges {

    private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() {
    };

    private final EntityManager em;
    private final ObjectMapper mapper;
    private final CallerScope caller;
    private final TransactionSynchronizationRegistry transactions;
    private final RuleData ruleData;
    private final RedFlagEngine redFlags;

    RuleChanges(EntityManager em, ObjectMapper mapper, CallerScope caller,
            TransactionSynchronizationRegistry transactions, RuleData ruleData, RedFlagEngine redFlags) {
        this.em = em;
        this.mapper = mapper;
        this.caller = caller;
        this.transactions = transactions;
        this.ruleData = ruleData;
        this.redFlags = redFlags;
    }

    /**
     * Records a change made by the caller, in the caller's transaction. The rules are read again once it completes,
     * so the next declaration judged here is judged by what was committed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID record(String kind, String subject, String reason, Object details) {
        UUID id = UUID.randomUUID();
        em.createNativeQuery("""
                insert into rule_change (id, kind, subject, changed_by, changed_at, reason, details)
                values (?1, ?2, ?3, ?4, ?5, ?6, cast(?7 as jsonb))""")
                .setParameter(1, id).setParameter(2, kind).setParameter(3, subject)
                .setParameter(4, caller.subject()).setParameter(5, VietnamTime.now())
                .setParameter(6, reason.strip()).setParameter(7, json(details)).executeUpdate();
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                // also after a rollback: a read inside the transaction may have cached what was never committed
                ruleData.invalidate();
                redFlags.invalidate();
            }
        });
        return id;
    }

    /** The latest changes first, optionally of one subject. */
    @SuppressWarnings("unchecked")
    public List<ChangeView> latest(String subject, int limit) {
        List<Object[]> rows = em.createNativeQuery("""
                select id, kind, subject, changed_by, changed_at, reason, cast(details as text) from rule_change
                where (cast(?1 as text) is null or subject = cast(?1 as text))
                order by changed_at desc, id limit ?2""")
                .setParameter(1, subject).setParameter(2, limit).getResultList();
        return rows.stream().map(r -> new ChangeView((UUID) r[0], (String) r[1], (String) r[2], (String) r[3],
                time(r[4]), (String) r[5], details((String) r[6]))).toList();
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

    private String json(Object details) {
        try {
            return mapper.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot record a rule change", e);
        }
    }

    private Map<String, Object> details(String json) {
        try {
            return mapper.readValue(json, DETAILS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable rule change", e);
        }
    }
}
