package vn.inspectorate.declarations.accesslog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.inspectorate.platform.paging.Page;
import vn.inspectorate.platform.paging.PageRequest;
import vn.inspectorate.platform.sql.Sql;

/**
 * The append-only record of who read which declaration in detail or which declarant's identity, when, in which role
 * and why. The table refuses
 * UPDATE, DELETE and TRUNCATE by trigger, so not even this service can rewrite it.
 */
@ApplicationScoped
public class AccessLog {

    @Schema(name = "DeclarationAccessLogEntry")
    public record Entry(long id, @Schema(nullable = true) UUID declarationId,
            @Schema(nullable = true) UUID declarantId, String subject, String role, String purpose,
            OffsetDateTime accessedAt) {
    }

    private static final String RECORD = """
            insert into declaration_access_log (declaration_id, declarant_id, subject, role, purpose)
            values (?, ?, ?, ?, ?)""";
    /** Each filter is bound twice: once to test for its absence, once to compare. */
    private static final String FIND = """
            select id, declaration_id, declarant_id, subject, role, purpose, accessed_at from declaration_access_log
            where (cast(? as uuid) is null or declaration_id = cast(? as uuid))
              and (cast(? as uuid) is null or declarant_id = cast(? as uuid))
              and (cast(? as text) is null or subject = cast(? as text))
              and (cast(? as timestamptz) is null or accessed_at >= cast(? as timestamptz))
              and (cast(? as timestamptz) is null or accessed_at < cast(? as timestamptz))
              and id > ?
            order by id limit ?""";

    private final Sql sql;

    AccessLog(Sql sql) {
        this.sql = sql;
    }

    /** Records one read in the caller's transaction: the read and its record commit together. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(UUID declarationId, String subject, String role, String purpose) {
        sql.update(RECORD, Arrays.asList(declarationId, null, subject, role, purpose));
    }

    /** Records one read of a declarant's identity in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordIdentityRead(UUID declarantId, String subject, String role, String purpose) {
        sql.update(RECORD, Arrays.asList(null, declarantId, subject, role, purpose));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    /** One page of the reads matching the filters (each optional), oldest first. */
    public Page<Entry> find(UUID declarationId, UUID declarantId, String subject, OffsetDateTime from,
            OffsetDateTime to, PageRequest page) {
        String declaration = declarationId == null ? null : declarationId.toString();
        String declarant = declarantId == null ? null : declarantId.toString();
        String since = from == null ? null : from.toString();
        String until = to == null ? null : to.toString();
        long afterId = page.first() ? 0 : Long.parseLong(page.after(0));
        List<Entry> rows = sql.query(FIND, Arrays.asList(declaration, declaration, declarant, declarant, subject,
                subject, since, since, until, until, afterId, page.fetch()), rs -> new Entry(rs.getLong(1),
                        rs.getObject(2, UUID.class), rs.getObject(3, UUID.class), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getObject(7, OffsetDateTime.class)));
        return page.page(rows, e -> List.of(Long.toString(e.id())), null);
    }
}
