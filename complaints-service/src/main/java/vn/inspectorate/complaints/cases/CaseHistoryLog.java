package vn.inspectorate.complaints.cases;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
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
        em.flush();  // the case's row and its changes come first, as the entry refers to them
        sql.update("""
                insert into case_history (case_id, actor, command, from_status, to_status, detail)
                values (?, ?, ?, ?, ?, ?)""", Arrays.asList(caseId, actor, command, from, to, json(detail)));
    }

    /**
     * Records the receipt of many cases in one statement, in their order, as {@link #record} does for one, when
     * {@code writes} is sent.
     */
    public void receivedAll(List<CitizenCase> cases, String actor, Sql.Pipeline writes) {
        if (cases.isEmpty()) {
            return;
        }
        writes.update("""
                insert into case_history (case_id, actor, command, from_status, to_status, detail)
                select h.case_id, ?, ?, null, ?, h.detail
                from unnest(?::uuid[], ?::text[]) with ordinality as h(case_id, detail, position)
                order by h.position""", List.of(actor, RECEIVE, CaseStatus.RECEIVED,
                new Sql.ArrayOf("uuid", cases.stream().map(c -> c.id).toList()),
                new Sql.ArrayOf("text", cases.stream().map(c -> json(receiptDetail(c))).toList())));
    }

    /**
     * What the history keeps of a receipt: where the case came from; for a second-instance case, the case it
     * escalates; for a case arrived by a transfer, the sending case.
     */
    static Map<String, Object> receiptDetail(CitizenCase c) {
        if (c.transferredFromCaseId != null) {
            return Map.of("transferredFrom", c.transferredFromCaseId);
        }
        if (CaseIntakeService.ESCALATION.equals(c.sourceSystem)) {
            return Map.of("escalatedFrom", c.parentCaseId);
        }
        // what intake proposed, kept beside what classification decides later
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("sourceSystem", c.sourceSystem);
        detail.put("sourceReference", c.sourceReference);
        detail.put("declaredKind", c.declaredKind);
        detail.put("proposedKind", c.proposedKind);
        detail.put("kindProposalReason", c.kindProposalReason);
        detail.put("remoteAreaDerived", c.remoteAreaDerived);
        if (c.informationAssessment != null) {
            detail.put("informationAssessment", c.informationAssessment);
            detail.put("informationMissing", c.informationGaps());
        }
        return detail;
    }

    static final String RECEIVE = "receive";

    public List<Entry> of(UUID caseId) {
        return sql.query("""
                select occurred_at, actor, command, from_status, to_status, detail
                from case_history where case_id = ? order by id""", List.of(caseId),
                rs -> new Entry(rs.getObject(1, OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC),
                        rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)));
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

    /** One step of a case's history; {@code detail} is the command's body as JSON. */
    @Schema(name = "CaseHistoryEntry")
    public record Entry(OffsetDateTime at, @Schema(nullable = true) String actor, String command,
            @Schema(nullable = true) String fromStatus, @Schema(nullable = true) String toStatus,
            @Schema(nullable = true) String detail) {
    }
}
