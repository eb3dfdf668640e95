package vn.inspectorate.inspection.reference;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.inspectorate.inspection.reference.ReferenceAdminApi.ChangeView;
import vn.inspectorate.platform.security.CallerScope;

/** The record of every reference data change: who made it, when, why, and what it changed (as JSON). */
@ApplicationScoped
public class ReferenceChanges {

    private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() {
    };

    private final EntityManager em;
    private final ObjectMapper mapper;
    private final CallerScope caller;
    private final ReferenceRegisters registers;

    ReferenceChanges(EntityManager em, ObjectMapper mapper, CallerScope caller, ReferenceRegisters registers) {
        this.em = em;
        this.mapper = mapper;
        this.caller = caller;
        this.registers = registers;
    }

    /**
     * Records a change made by the caller, in the caller's transaction; returns its id. The dated registers are read
     * again once it commits, so the next check answers by the change.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID record(String kind, String subject, String reason, Object details) {
        UUID id = UUID.randomUUID();
        em.createNativeQuery("""
                insert into reference_change (id, kind, subject, changed_by, changed_at, reason, details)
                values (?1, ?2, ?3, ?4, ?5, ?6, cast(?7 as jsonb))""")
                .setParameter(1, id).setParameter(2, kind).setParameter(3, subject)
                .setParameter(4, caller.subject()).setParameter(5, OffsetDateTime.now(ZoneOffset.UTC))
                .setParameter(6, reason.strip()).setParameter(7, json(details)).executeUpdate();
        registers.reloadAfterCommit();
        return id;
    }

    /** The latest changes first, optionally of one subject. */
    @SuppressWarnings("unchecked")
    public List<ChangeView> latest(String subject, int limit) {
        List<Object[]> rows = em.createNativeQuery("""
                select id, kind, subject, changed_by, changed_at, reason, cast(details as text) from reference_change
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
        if (value instanceof java.time.Instant i) {
            return i.atOffset(ZoneOffset.UTC);
        }
        return ((Timestamp) value).toInstant().atOffset(ZoneOffset.UTC);
    }

    private String json(Object details) {
        try {
            return mapper.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot record a reference change", e);
        }
    }

    private Map<String, Object> details(String json) {
        try {
            return mapper.readValue(json, DETAILS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable reference change", e);
        }
    }
}
