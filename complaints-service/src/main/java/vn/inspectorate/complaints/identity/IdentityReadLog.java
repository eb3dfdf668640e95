package vn.inspectorate.complaints.identity;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import vn.inspectorate.platform.sql.Sql;

/** The append-only log of identity readings: who, for which body, when, which case and why; never what was read. */
@ApplicationScoped
public class IdentityReadLog {

    private final Sql sql;

    IdentityReadLog(Sql sql) {
        this.sql = sql;
    }

    public void record(UUID caseId, String reader, String readerAgency, String purpose) {
        sql.update("""
                insert into case_identity_read (case_id, reader, reader_agency, purpose) values (?, ?, ?, ?)""",
                List.of(caseId, reader, readerAgency, purpose));
    }

    /** One reading of a case's identity. */
    public record Reading(UUID caseId, String reader, String readerAgency, String purpose, OffsetDateTime readAt) {
    }

    public List<Reading> of(UUID caseId) {
        return sql.query("""
                select case_id, reader, reader_agency, purpose, read_at from case_identity_read
                where case_id = ? order by id""", List.of(caseId),
                rs -> new Reading(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC)));
    }
}
