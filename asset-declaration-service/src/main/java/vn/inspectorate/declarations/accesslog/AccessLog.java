package vn.inspectorate.declarations.accesslog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The append-only record of who read which declaration in detail, when, in which role and why. The table refuses
 * UPDATE, DELETE and TRUNCATE by trigger, so not even this service can rewrite it.
 */
@ApplicationScoped
public class AccessLog {

    @Schema(name = "DeclarationAccessLogEntry")
    public record Entry(long id, UUID declarationId, String subject, String role, String purpose,
            OffsetDateTime accessedAt) {
    }

    private final EntityManager em;

    AccessLog(EntityManager em) {
        this.em = em;
    }

    /** Records one read in the caller's transaction: the read and its record commit together. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(UUID declarationId, String subject, String role, String purpose) {
        em.createNativeQuery("""
                insert into declaration_access_log (declaration_id, subject, role, purpose) values (?1, ?2, ?3, ?4)""")
                .setParameter(1, declarationId).setParameter(2, subject).setParameter(3, role)
                .setParameter(4, purpose).executeUpdate();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Entry> find(UUID declarationId, String subject, OffsetDateTime from, OffsetDateTime to, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select id, declaration_id, subject, role, purpose, accessed_at from declaration_access_log
                where (cast(?1 as uuid) is null or declaration_id = cast(?1 as uuid))
                  and (cast(?2 as text) is null or subject = cast(?2 as text))
                  and (cast(?3 as timestamptz) is null or accessed_at >= cast(?3 as timestamptz))
                  and (cast(?4 as timestamptz) is null or accessed_at < cast(?4 as timestamptz))
                order by id limit ?5""")
                .setParameter(1, declarationId == null ? null : declarationId.toString())
                .setParameter(2, subject)
                .setParameter(3, from == null ? null : from.toString())
                .setParameter(4, to == null ? null : to.toString())
                .setParameter(5, limit).getResultList();
        List<Entry> out = new ArrayList<>();
        for (Object[] r : rows) {
            OffsetDateTime at = r[5] instanceof java.time.Instant i ? i.atOffset(java.time.ZoneOffset.UTC)
                    : r[5] instanceof OffsetDateTime o ? o : ((java.sql.Timestamp) r[5]).toInstant()
                            .atOffset(java.time.ZoneOffset.UTC);
            out.add(new Entry(((Number) r[0]).longValue(), (UUID) r[1], (String) r[2], (String) r[3], (String) r[4], at));
        }
        return out;
    }
}
