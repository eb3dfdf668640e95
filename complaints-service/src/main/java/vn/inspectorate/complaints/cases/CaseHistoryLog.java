package vn.inspectorate.complaints.cases;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.inspectorate.platform.sql.Sql;

/** The append-only history of a case: who did what, when, and from which status to which. Never holds identity. */
@ApplicationScoped
public class CaseHistoryLog {

    private final EntityManager em;
    private final Sql sql;
    private final ObjectMapper mapper;

    CaseHistoryLog(EntityManager em, Sql sql, ObjectMapper mapper) {
        this.em = em;
        this.sql = sql;
        this.mapper = mapper;
    }

    public void record(UUID caseId, String actor, String command, CaseStatus from, CaseStatus to, Object detail) {
        em.createNativeQuery("""
                insert into case_history (case_id, actor, command, from_status, to_status, detail)
                values (?1, ?2, ?3, ?4, ?5, ?6)""")
                .setParameter(1, caseId).setParameter(2, actor).setParameter(3, command)
                .setParameter(4, from == null ? null : from.name()).setParameter(5, to.name())
                .setParameter(6, json(detail)).executeUpdate();
    }

    /** Records the receipt of many cases with one batched statement, as {@link #record} does for one. */
    public void receivedAll(List<CitizenCase> cases, String actor) {
        sql.batch("""
                insert into case_history (case_id, actor, command, from_status, to_status, detail)
                values (?, ?, ?, null, ?, ?)""", cases.stream().map(c -> Arrays.<Object>asList(c.id, actor, RECEIVE,
                CaseStatus.RECEIVED, json(receiptDetail(c)))).toList());
    }

    /**
     * What the history keeps of a receipt: where the case came from; for a second-instance case, the case it
     * escalates.
     */
    static Map<String, Object> receiptDetail(CitizenCase c) {
        return CaseIntakeService.ESCALATION.equals(c.sourceSystem) ? Map.of("escalatedFrom", c.parentCaseId)
                : Map.of("sourceSystem", c.sourceSystem, "sourceReference", c.sourceReference);
    }

    static final String RECEIVE = "receive";

    @SuppressWarnings("unchecked")
    public List<Entry> of(UUID caseId) {
        List<Object[]> rows = em.createNativeQuery("""
                select occurred_at, actor, command, from_status, to_status, detail
                from case_history where case_id = ?1 order by id""").setParameter(1, caseId).getResultList();
        return rows.stream().map(r -> new Entry(toTime(r[0]), (String) r[1], (String) r[2], (String) r[3],
                (String) r[4], (String) r[5])).toList();
    }

    private String json(Object detail) {
        if (detail == null) {
            return null;
        }
        try {
            return mapper.writeValueAsString(detail);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("history detail cannot be written", e);
        }
    }

    private static OffsetDateTime toTime(Object o) {
        if (o instanceof OffsetDateTime t) {
            return t;
        }
        if (o instanceof java.time.Instant i) {
            return i.atOffset(java.time.ZoneOffset.UTC);
        }
        return ((java.sql.Timestamp) o).toInstant().atOffset(java.time.ZoneOffset.UTC);
    }

    /** One step of a case's history; {@code detail} is the command's body as JSON. */
    @Schema(name = "CaseHistoryEntry")
    public record Entry(OffsetDateTime at, @Schema(nullable = true) String actor, String command,
            @Schema(nullable = true) String fromStatus, @Schema(nullable = true) String toStatus,
            @Schema(nullable = true) String detail) {
    }
}
