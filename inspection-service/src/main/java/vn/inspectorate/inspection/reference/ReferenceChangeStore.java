package vn.inspectorate.inspection.reference;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.inspectorate.inspection.reference.ReferenceAdminApi.ChangeView;
import vn.inspectorate.platform.sql.Sql;

/** All SQL of the record of reference data changes, their details as JSON. */
@ApplicationScoped
public class ReferenceChangeStore {

    private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() {
    };

    private static final String INSERT = """
            insert into reference_change (id, kind, subject, changed_by, changed_at, reason, details)
            values (?, ?, ?, ?, ?, ?, cast(? as jsonb))""";

    private static final String LATEST = """
            select id, kind, subject, changed_by, changed_at, reason, cast(details as text) from reference_change
            where (cast(? as text) is null or subject = cast(? as text))
            order by changed_at desc, id limit ?""";

    private final EntityManager em;
    private final Sql sql;
    private final ObjectMapper mapper;

    ReferenceChangeStore(EntityManager em, Sql sql, ObjectMapper mapper) {
        this.em = em;
        this.sql = sql;
        this.mapper = mapper;
    }

    /** Records a change; {@code details} are stored as JSON. */
    public void insert(UUID id, String kind, String subject, String changedBy, OffsetDateTime changedAt,
            String reason, Object details) {
        // what the persistence context holds goes first, as before any statement of the transaction
        em.flush();
        sql.update(INSERT, Arrays.asList(id, kind, subject, changedBy, changedAt, reason, json(details)));
    }

    /** The latest changes first, optionally of one subject. */
    public List<ChangeView> latest(String subject, int limit) {
        return sql.query(LATEST, Arrays.asList(subject, subject, limit), rs -> new ChangeView(
                rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getObject(5, OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC), rs.getString(6),
                details(rs.getString(7))));
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
